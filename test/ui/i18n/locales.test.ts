// natter's languages: every shipped one loads and translates every English
// string; tags fall back to their language's table; an app adds its own
// language with registerLocale(); the tag (not the strings) drives Intl; plural
// forms follow CLDR; Arabic is right to left.
import { describe, expect, it } from 'vitest';
import {
  directionOf,
  formatFileSize,
  formatTime,
  LOCALES,
  loadLocale,
  registerLocale,
  stringsFor,
  type Strings,
} from '../../../src/ui/index';
import { dirFor, tableKeyOf } from '../../../src/ui/i18n/strings';
import { withInCallDefaults } from '../../../src/ui/i18n/in-call-view-strings';

/** `locale`'s strings as the UI shows them: the call view reads its built-in defaults under the inCall group. */
function shown(locale: string): Strings {
  const table = stringsFor(locale);
  return { ...table, inCall: withInCallDefaults(locale, table.inCall) };
}

/** The groups the shipped languages translate. */
const TRANSLATED: Array<keyof Strings> = ['messageList', 'input', 'call', 'conversationList', 'inCall'];

/** Inputs a function string is checked with, where one sample does not reach all it says (default: 3, 'x', 'y'). */
const SAMPLES: Record<string, unknown[][]> = {
  'inCall.callWith': [
    ['Bob', true],
    ['Bob', false],
  ],
  'inCall.mediaError': [['permission-denied'], ['no-device'], ['device-in-use'], ['media-failed'], ['call-failed']],
  'inCall.summary': [
    ['answered', true, '1:05'],
    ['missed', true, '0:00'],
    ['missed', false, '0:00'],
    ['declined', false, '0:00'],
    ['cancelled', true, '0:00'],
  ],
};

function keysOf(s: Strings): string[] {
  return TRANSLATED.flatMap((g) => Object.keys(s[g]).map((k) => `${g}.${k}`));
}

describe('shipped languages', () => {
  it('every language loads and gives its own wording for every key English has (in the groups it translates)', async () => {
    const english = shown('en');
    const missing: string[] = [];
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      await loadLocale(locale);
      const s = shown(locale);
      for (const key of keysOf(english)) {
        const [g, k] = key.split('.') as [keyof Strings, string];
        const mine = (s[g] as unknown as Record<string, unknown>)[k];
        const theirs = (english[g] as unknown as Record<string, unknown>)[k];
        // Functions are checked by what they say for sample inputs: every sample must differ from English.
        const samples = SAMPLES[key] ?? [[3, 'x', 'y']];
        const say = (v: unknown, args: unknown[]) =>
          typeof v === 'function' ? String((v as (...a: unknown[]) => unknown)(...args)) : String(v);
        const same = samples.some((args) => say(mine, args) === say(theirs, args) || say(mine, args) === 'undefined');
        // A few strings are the same in many languages (a bracketed event name, a size, "Emoji", "Messages").
        if (
          same &&
          ![
            'messageList.customMessage',
            'messageList.fileSize',
            'conversationList.customPreview',
            'input.imageDetails',
            'input.emoji',
            'messageList.logLabel',
            'input.messageLabel',
            'conversationList.listLabel',
            'call.secondsLeft',
            'messageList.messageFrom',
            'conversationList.senderPrefix',
            'messageList.videoLabel',
            'conversationList.imagePreview',
            'conversationList.videoPreview',
            'messageList.imageAlt',
            'call.inGroup',
            'conversationList.presenceOnline',
            'conversationList.presenceOffline',
          ].includes(key)
        ) {
          missing.push(`${locale}: ${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('every language translates the conversation features (reactions, replies, edits, deletes, pins, mentions, threads, forwarding)', async () => {
    const keys = [
      'react',
      'reactions',
      'reaction',
      'reply',
      'edit',
      'deleteForMe',
      'deleteForEveryone',
      'pin',
      'unpin',
      'edited',
      'forwarded',
      'inReplyTo',
      'quoteGone',
      'replyingTo',
      'editingMessage',
      'cancelReply',
      'cancelEdit',
      'saveEdit',
      'pinned',
      'deletedForYou',
      'actionFailed',
      'changeWaiting',
      'changeRefused',
      'dismissRefused',
      'goToPinned',
      'unpinFrom',
      'mentionSuggestions',
      'mentionEveryone',
      'mentionsAvailable',
      'mentionBadge',
      'mentionsYou',
      'replyInThread',
      'threadReplies',
      'thread',
      'closeThread',
      'threadEmpty',
      'threadLoadOlder',
      'threadReplyLabel',
      'send',
      'forward',
      'forwardTitle',
      'forwardTo',
      'cancel',
      'forwardNone',
      'forwardFailed',
    ] as const;
    const say = (v: unknown) =>
      typeof v === 'function' ? String((v as (...a: unknown[]) => unknown)(3, 'x')) : String(v);
    const english = stringsFor('en').features;
    const missing: string[] = [];
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      await loadLocale(locale);
      const mine = stringsFor(locale).features;
      for (const k of keys) if (say(mine[k]) === say(english[k])) missing.push(`${locale}: features.${k}`);
    }
    expect(missing).toEqual([]);
  });

  it('a tag without a table uses its language (en-GB → en, zh-HK → zh-TW, zh-SG → zh-CN, pt-PT → pt-BR)', () => {
    expect(tableKeyOf('en-GB')).toBe('en');
    expect(tableKeyOf('zh-HK')).toBe('zh-TW');
    expect(tableKeyOf('zh-Hant')).toBe('zh-TW');
    expect(tableKeyOf('zh-SG')).toBe('zh-CN');
    expect(tableKeyOf('pt-PT')).toBe('pt-BR');
    expect(tableKeyOf('de-AT')).toBe('de');
    expect(tableKeyOf('xx-nope')).toBe('en');
  });

  it('plural forms follow the language: Russian one / few / many, Arabic two and few', async () => {
    await loadLocale('ru');
    await loadLocale('ar');
    const ru = stringsFor('ru').messageList.newMessages;
    expect([ru(1), ru(3), ru(5), ru(21)]).toEqual([
      '1 новое сообщение',
      '3 новых сообщения',
      '5 новых сообщений',
      '21 новое сообщение',
    ]);
    const ar = stringsFor('ar').messageList.newMessages;
    expect(ar(2)).toBe('رسالتان جديدتان');
    expect(ar(1)).toBe('رسالة جديدة واحدة');
    expect(stringsFor('en').messageList.newMessages(1)).toBe('1 new message');
  });

  it('Arabic is right to left, the others left to right', () => {
    expect(dirFor('ar')).toBe('rtl');
    expect(directionOf('he-IL')).toBe('rtl');
    expect(dirFor('ja')).toBe('ltr');
  });
});

describe('adding a language', () => {
  it('registerLocale adds one: its strings, English for what it leaves out, and its tag drives Intl', () => {
    registerLocale({ tag: 'nl', strings: { messageList: { today: 'Vandaag' }, input: { send: 'Versturen' } } });
    const s = stringsFor('nl');
    expect(s.messageList.today).toBe('Vandaag');
    expect(s.input.send).toBe('Versturen');
    expect(s.input.placeholder).toBe('Write a message');
    // Dates and numbers follow the tag, whatever the strings are.
    const ts = new Date(2026, 0, 2, 15, 4).getTime();
    expect(formatTime(ts, 'nl')).toBe(new Intl.DateTimeFormat('nl', { hour: 'numeric', minute: '2-digit' }).format(ts));
    expect(formatFileSize(1536, 'de')).toBe('1,5 KB');
    expect(formatFileSize(1536, 'en')).toBe('1.5 KB');
  });

  it('a tag Intl refuses formats as English instead of throwing', () => {
    expect(() => formatTime(0, 'not a tag!')).not.toThrow();
  });
});
