// Public surface of the UI's i18n: locales, the provider, typed strings and Intl formatting.
export { LOCALES, toLocale, directionOf, type Locale, type KnownLocale } from './locale';
export { plural, type PluralForms } from './plural';
export { LocaleProvider, useLocale, useStrings, useDirection, type LocaleProviderProps } from './locale-provider';
export {
  stringsFor,
  registerLocale,
  loadLocale,
  type Strings,
  type StringOverrides,
  type LocaleDefinition,
} from './strings';
export type { MessageListStrings } from './message-list-strings';
export type { InputStrings } from './input-strings';
export type { CallStrings } from './call-strings';
export type { InCallStrings } from './in-call-strings';
export type { ConversationListStrings } from './conversation-list-strings';
export type { PeopleStrings } from './people-strings';
export {
  dayKey,
  formatTime,
  formatDateTime,
  formatDayLabel,
  formatRelativeTime,
  formatShortTimestamp,
  formatFileSize,
  formatDuration,
} from './format-time';
