// Owns the decorator the component stories share: natter's theme and locale
// from the toolbar (or from a story's `parameters.natter`), applied as a
// themed container and a LocaleProvider around the story, with the locale's
// strings loaded before the story renders (so a play never meets English first).
import type { Decorator, Loader } from '@storybook/react-vite';
import {
  LocaleProvider,
  directionOf,
  loadLocale,
  themeAttributes,
  toLocale,
  type Locale,
  type Theme,
} from '../../src/entries/ui';

export interface NatterParameters {
  theme?: Theme;
  locale?: Locale;
}

interface StoryContextLike {
  globals: Record<string, unknown>;
  parameters: Record<string, unknown>;
}

/** The story's locale: its own `parameters.natter.locale`, else the toolbar's. */
export function storyLocale(context: StoryContextLike): Locale {
  const own = (context.parameters.natter ?? {}) as NatterParameters;
  return own.locale ?? toLocale(typeof context.globals.locale === 'string' ? context.globals.locale : 'en');
}

/** Loads the story's locale before it renders (a failed chunk leaves English, as in an app). */
export const loadNatterLocale: Loader = async (context) => {
  await loadLocale(storyLocale(context)).catch(() => undefined);
  return {};
};

export const withNatter: Decorator = (Story, context) => {
  const own = (context.parameters.natter ?? {}) as NatterParameters;
  const theme: Theme = own.theme ?? (context.globals.theme === 'dark' ? 'dark' : 'light');
  const locale = storyLocale(context);
  return (
    <div
      {...themeAttributes(theme)}
      lang={locale}
      dir={directionOf(locale)}
      style={{ minHeight: '100vh', background: 'var(--natter-bg)', color: 'var(--natter-text)' }}
    >
      <LocaleProvider locale={locale}>
        <Story />
      </LocaleProvider>
    </div>
  );
};
