// Owns the shape of a language: the string table's groups (one per component
// family), partial overrides of it, and a language definition as a locale file
// or an app's registerLocale() call gives it.
import type { CallStrings } from './call-strings';
import type { ConversationListStrings } from './conversation-list-strings';
import type { InCallStrings } from './in-call-strings';
import type { InputStrings } from './input-strings';
import type { MessageListStrings } from './message-list-strings';
import type { FeatureStrings } from './feature-strings';
import type { PeopleStrings } from './people-strings';

export interface Strings {
  messageList: MessageListStrings;
  input: InputStrings;
  call: CallStrings;
  conversationList: ConversationListStrings;
  /**
   * The call view's strings. In built-in English and Simplified Chinese this group holds only
   * `summary` (the message list's line); their other keys ship with the call view (CallView,
   * CallDevicePicker), which reads them under this group, so natter's other languages, registered
   * ones and overrides win as with any group.
   */
  inCall: InCallStrings;
  people: PeopleStrings;
  features: FeatureStrings;
}

/** Overrides for some strings of some groups (e.g. wording or a partial extra locale). */
export type StringOverrides = { [G in keyof Strings]?: Partial<Strings[G]> };

/** A language: its BCP 47 tag (it drives Intl), its direction, and its strings (what is left out stays English). */
export interface LocaleDefinition {
  tag: string;
  /** Default: from the language ('rtl' for Arabic, Hebrew, Persian, Urdu…). */
  dir?: 'ltr' | 'rtl';
  strings: StringOverrides;
}
