// Owns the merged string table: one group per component family, each kept in
// its own file so two people can add keys without touching the same lines.
import { callStrings, type CallStrings } from './call-strings';
import { conversationListStrings, type ConversationListStrings } from './conversation-list-strings';
import { inputStrings, type InputStrings } from './input-strings';
import { inCallStrings, type InCallStrings } from './in-call-strings';
import type { Locale } from './locale';
import { messageListStrings, type MessageListStrings } from './message-list-strings';
import { peopleStrings, type PeopleStrings } from './people-strings';

export interface Strings {
  messageList: MessageListStrings;
  input: InputStrings;
  call: CallStrings;
  conversationList: ConversationListStrings;
  people: PeopleStrings;
  inCall: InCallStrings;
}

/** Overrides for some strings of some groups (e.g. wording or a partial extra locale). */
export type StringOverrides = { [G in keyof Strings]?: Partial<Strings[G]> };

const tables: Record<Locale, Strings> = {
  en: { messageList: messageListStrings.en, input: inputStrings.en, call: callStrings.en, conversationList: conversationListStrings.en, people: peopleStrings.en, inCall: inCallStrings.en },
  'zh-CN': {
    messageList: messageListStrings['zh-CN'],
    input: inputStrings['zh-CN'],
    call: callStrings['zh-CN'],
    conversationList: conversationListStrings['zh-CN'],
    people: peopleStrings['zh-CN'],
    inCall: inCallStrings['zh-CN'],
  },
};

/** The full string table of `locale`, with `overrides` applied on top. */
export function stringsFor(locale: Locale, overrides?: StringOverrides): Strings {
  const base = tables[locale];
  if (!overrides) return base;
  return {
    messageList: { ...base.messageList, ...overrides.messageList },
    input: { ...base.input, ...overrides.input },
    call: { ...base.call, ...overrides.call },
    conversationList: { ...base.conversationList, ...overrides.conversationList },
    people: { ...base.people, ...overrides.people },
    inCall: { ...base.inCall, ...overrides.inCall },
  };
}
