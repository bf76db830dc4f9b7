// Owns how components learn their locale: a LocaleProvider high in the tree
// (the `Chat` layout renders one from its `locale` prop), or a `locale` prop on
// a single component, which wins over the provider. Default: English.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Locale } from './locale';
import { stringsFor, type StringOverrides, type Strings } from './strings';

interface LocaleContextValue {
  locale: Locale;
  strings: Strings;
}

const defaultValue: LocaleContextValue = { locale: 'en', strings: stringsFor('en') };
const LocaleContext = createContext<LocaleContextValue>(defaultValue);

export interface LocaleProviderProps {
  locale: Locale;
  /** Replace some strings (any group, any key). */
  strings?: StringOverrides;
  children?: ReactNode;
}

/** Sets the locale (and optional string overrides) for natter components below it. */
export function LocaleProvider({ locale, strings, children }: LocaleProviderProps): ReactNode {
  const value = useMemo(() => ({ locale, strings: stringsFor(locale, strings) }), [locale, strings]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

/** The active locale; `override` (a component's own `locale` prop) wins over the provider. */
export function useLocale(override?: Locale): Locale {
  const ctx = useContext(LocaleContext);
  return override ?? ctx.locale;
}

/** Typed strings for the active locale; pass a component's `locale` prop to override the provider. */
export function useStrings(override?: Locale): Strings {
  const ctx = useContext(LocaleContext);
  return useMemo(() => (override === undefined || override === ctx.locale ? ctx.strings : stringsFor(override)), [override, ctx]);
}
