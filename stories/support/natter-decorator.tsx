// Owns the decorator the component stories share: natter's theme and locale
// from the toolbar (or from a story's `parameters.natter`), applied as a
// themed container and a LocaleProvider around the story.
import type { Decorator } from '@storybook/react-vite';
import { LocaleProvider, directionOf, themeAttributes, toLocale, type Locale, type Theme } from '../../src/entries/ui';

export interface NatterParameters {
  theme?: Theme;
  locale?: Locale;
}

export const withNatter: Decorator = (Story, context) => {
  const own = (context.parameters.natter ?? {}) as NatterParameters;
  const theme: Theme = own.theme ?? (context.globals.theme === 'dark' ? 'dark' : 'light');
  const locale = own.locale ?? toLocale(typeof context.globals.locale === 'string' ? context.globals.locale : 'en');
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
