// Owns how components learn their locale: a LocaleProvider high in the tree
// (the `Chat` layout renders one from its `locale` prop), or a `locale` prop on
// a single component, which wins over the provider. Default: English. A
// language that loads lazily shows English until its strings arrive.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from './locale';
import {
  dirFor,
  isLocaleLoaded,
  loadLocale,
  stringsFor,
  tableFor,
  withOverrides,
  type StringOverrides,
  type Strings,
} from './strings';

interface LocaleContextValue {
  locale: Locale;
  dir: 'ltr' | 'rtl';
  strings: Strings;
}

const defaultValue: LocaleContextValue = { locale: 'en', dir: 'ltr', strings: stringsFor('en') };
const LocaleContext = createContext<LocaleContextValue>(defaultValue);

export interface LocaleProviderProps {
  /** A BCP 47 tag: natter's languages load on demand; others need registerLocale() (or `strings`). */
  locale: Locale;
  /** Replace some strings (any group, any key). */
  strings?: StringOverrides;
  children?: ReactNode;
}

/**
 * `locale`'s string table, re-rendering once a lazily loaded language's table arrives (a new table
 * object, so what is built from it is rebuilt).
 */
function useTable(locale: Locale): Strings {
  const [, setVersion] = useState(0);
  const loaded = isLocaleLoaded(locale);
  useEffect(() => {
    if (loaded) return;
    let alive = true;
    loadLocale(locale).then(
      () => alive && setVersion((v) => v + 1),
      // A failed chunk leaves English on screen; the next mount tries again.
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [locale, loaded]);
  return tableFor(locale);
}

/** Sets the locale (and optional string overrides) for natter components below it. */
export function LocaleProvider({ locale, strings, children }: LocaleProviderProps): ReactNode {
  const table = useTable(locale);
  const value = useMemo(
    // The direction is registered with the table, so it is read again when the table changes.
    () => ({ locale, dir: dirFor(locale), strings: withOverrides(table, strings) }),
    [locale, strings, table],
  );
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

/** The active locale; `override` (a component's own `locale` prop) wins over the provider. */
export function useLocale(override?: Locale): Locale {
  const ctx = useContext(LocaleContext);
  return override ?? ctx.locale;
}

/** Text direction of the active locale. */
export function useDirection(override?: Locale): 'ltr' | 'rtl' {
  const ctx = useContext(LocaleContext);
  return override === undefined || override === ctx.locale ? ctx.dir : dirFor(override);
}

/** Typed strings for the active locale; pass a component's `locale` prop to override the provider. */
export function useStrings(override?: Locale): Strings {
  const ctx = useContext(LocaleContext);
  const table = useTable(override ?? ctx.locale);
  return override === undefined || override === ctx.locale ? ctx.strings : table;
}
