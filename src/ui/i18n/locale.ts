// Owns what a locale is: any BCP 47 language tag. The tag drives Intl (dates,
// times, numbers, plural rules); natter ships string tables for the languages
// in LOCALES, and an app adds its own with registerLocale() (see strings.ts and
// the README's "Add a language").

/** The languages natter ships strings for. */
export type KnownLocale = 'en' | 'zh-CN' | 'zh-TW' | 'ja' | 'ko' | 'es' | 'fr' | 'de' | 'pt-BR' | 'ru' | 'ar';

/** A BCP 47 language tag: one of natter's languages, or any other an app registers (`'nl'`, `'en-GB'`). */
export type Locale = KnownLocale | (string & {});

export const LOCALES: readonly KnownLocale[] = [
  'en',
  'zh-CN',
  'zh-TW',
  'ja',
  'ko',
  'es',
  'fr',
  'de',
  'pt-BR',
  'ru',
  'ar',
];

/** Languages written right to left (by primary language subtag). */
const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);

/** Tags already canonicalized: every string a row draws asks (Intl's answer costs more than the row). */
const canonical = new Map<string, Locale>();

/** `value` canonicalized if it is a well-formed BCP 47 tag, else English. */
export function toLocale(value: string | undefined | null): Locale {
  if (!value) return 'en';
  let tag = canonical.get(value);
  if (tag === undefined) {
    try {
      tag = Intl.getCanonicalLocales(value)[0] ?? 'en';
    } catch {
      tag = 'en';
    }
    // An app passes a handful of tags; the bound only guards against one making up new ones forever.
    if (canonical.size < 256) canonical.set(value, tag);
  }
  return tag;
}

/** Text direction of a locale (from its language, unless a registered locale says otherwise). */
export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return RTL.has(locale.split('-')[0]?.toLowerCase() ?? '') ? 'rtl' : 'ltr';
}

/** Languages whose strings are in the main bundle; the others load when first used. */
export type BuiltInLocale = 'en' | 'zh-CN';
