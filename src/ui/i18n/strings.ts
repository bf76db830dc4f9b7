// Owns the string tables and which one a locale gets: one group per component
// family (each in its own file, so two people can add keys without touching
// the same lines); English and Simplified Chinese built in, natter's other
// languages in a file each (src/ui/i18n/locales/), loaded when first used, and
// any language an app registers. A tag without a table of its own uses its
// language's (en-GB → en, zh-HK → zh-TW, pt → pt-BR); keys a table leaves out
// fall back to English.
import { callStrings } from './call-strings';
import { conversationListStrings } from './conversation-list-strings';
import { inCallSummaryStrings, type InCallStrings } from './in-call-strings';
import { inputStrings } from './input-strings';
import { directionOf, toLocale, type Locale } from './locale';
import type { LocaleDefinition, StringOverrides, Strings } from './locale-definition';
import { messageListStrings } from './message-list-strings';
import { featureStrings } from './feature-strings';
import { peopleStrings } from './people-strings';

export type { LocaleDefinition, StringOverrides, Strings };

function merge(base: Strings, overrides: StringOverrides | undefined): Strings {
  if (!overrides) return base;
  return {
    messageList: { ...base.messageList, ...overrides.messageList },
    input: { ...base.input, ...overrides.input },
    call: { ...base.call, ...overrides.call },
    conversationList: { ...base.conversationList, ...overrides.conversationList },
    inCall: { ...base.inCall, ...overrides.inCall },
    people: { ...base.people, ...overrides.people },
    features: { ...base.features, ...overrides.features },
  };
}

const english: Strings = {
  messageList: messageListStrings.en,
  input: inputStrings.en,
  call: callStrings.en,
  conversationList: conversationListStrings.en,
  // The call view's keys come with the call view's chunk (in-call-view-strings.ts), under this
  // group as the active table gives it; the first screen carries only the summary line.
  inCall: inCallSummaryStrings.en as InCallStrings,
  people: peopleStrings.en,
  features: featureStrings.en,
};
const tables = new Map<string, Strings>([
  ['en', english],
  [
    'zh-CN',
    merge(english, {
      messageList: messageListStrings['zh-CN'],
      input: inputStrings['zh-CN'],
      call: callStrings['zh-CN'],
      conversationList: conversationListStrings['zh-CN'],
      inCall: inCallSummaryStrings['zh-CN'],
      people: peopleStrings['zh-CN'],
      features: featureStrings['zh-CN'],
    }),
  ],
]);
const directions = new Map<string, 'ltr' | 'rtl'>();

// Each in its own chunk: an app pays only for the languages it shows.
const loaders: Record<string, () => Promise<LocaleDefinition>> = {
  'zh-TW': () => import('./locales/zh-TW').then((m) => m.zhTW),
  ja: () => import('./locales/ja').then((m) => m.ja),
  ko: () => import('./locales/ko').then((m) => m.ko),
  es: () => import('./locales/es').then((m) => m.es),
  fr: () => import('./locales/fr').then((m) => m.fr),
  de: () => import('./locales/de').then((m) => m.de),
  'pt-BR': () => import('./locales/pt-BR').then((m) => m.ptBR),
  ru: () => import('./locales/ru').then((m) => m.ru),
  ar: () => import('./locales/ar').then((m) => m.ar),
};

/** Chinese tags by script: Traditional for Hant, Taiwan, Hong Kong and Macau. */
function chineseTable(tag: string): string {
  return /-(Hant|TW|HK|MO)\b/i.test(tag) ? 'zh-TW' : 'zh-CN';
}

/** The table `locale` uses: its own, else its language's, else English. */
export function tableKeyOf(locale: Locale): string {
  const tag = toLocale(locale);
  if (tables.has(tag) || tag in loaders) return tag;
  const language = tag.split('-')[0] as string;
  if (language === 'zh') return chineseTable(tag);
  if (language === 'pt') return 'pt-BR';
  if (tables.has(language) || language in loaders) return language;
  return 'en';
}

/** Adds (or replaces) a language; its tag can then be passed as any `locale`. */
export function registerLocale(definition: LocaleDefinition): void {
  const tag = toLocale(definition.tag);
  tables.set(tag, merge(english, definition.strings));
  if (definition.dir) directions.set(tag, definition.dir);
}

/** Loads the strings of one of natter's languages if they are not loaded yet; resolves when they are. */
export async function loadLocale(locale: Locale): Promise<void> {
  const key = tableKeyOf(locale);
  const load = loaders[key];
  if (tables.has(key) || !load) return;
  registerLocale(await load());
}

/** True when `locale`'s strings are ready (built in, registered or loaded). */
export function isLocaleLoaded(locale: Locale): boolean {
  return tables.has(tableKeyOf(locale));
}

/** The string table `locale` uses now (English until a lazily loaded language arrives). */
export function tableFor(locale: Locale): Strings {
  return tables.get(tableKeyOf(locale)) ?? english;
}

/** `table` with `overrides` on top (the table itself when there are none). */
export function withOverrides(table: Strings, overrides?: StringOverrides): Strings {
  return merge(table, overrides);
}

/** The full string table of `locale` (English until a lazily loaded language arrives), with `overrides` on top. */
export function stringsFor(locale: Locale, overrides?: StringOverrides): Strings {
  return merge(tableFor(locale), overrides);
}

/** Text direction of `locale`. */
export function dirFor(locale: Locale): 'ltr' | 'rtl' {
  return directions.get(tableKeyOf(locale)) ?? directionOf(toLocale(locale));
}
