// Owns the set of locales natter's UI ships strings for.

/** Locales with a full string table. */
export type Locale = 'en' | 'zh-CN';

export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** `value` if it is a known locale, else English. */
export function toLocale(value: string | undefined | null): Locale {
  return value === 'zh-CN' ? 'zh-CN' : 'en';
}
