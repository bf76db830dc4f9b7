import emojiMartData from '@emoji-mart/data';
import type { EmojiMartData } from '@emoji-mart/data';
import { describe, expect, it } from 'vitest';
import { createEmojiParser, parseEmoji, segmentsToText, type Segment } from '../../src/emoji/index';

const data = emojiMartData as unknown as EmojiMartData;

/** Compact view: emoji as [e], text as is. */
function view(segments: Segment[]): string[] {
  return segments.map((s) => (s.type === 'emoji' ? `[${s.data}]` : s.data));
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
function graphemeCount(s: string): number {
  let n = 0;
  for (const _ of graphemes.segment(s)) n++;
  return n;
}

describe('Unicode emoji become one emoji segment each', () => {
  it.each([
    ['simple', '😀'],
    ['skin tone', '👍🏽'],
    ['skin tone on a text-default base', '☝🏻'],
    ['ZWJ family', '👨‍👩‍👧‍👦'],
    ['ZWJ with skin tones', '🧑🏻‍❤️‍💋‍🧑🏼'],
    ['ZWJ profession', '🧑🏻‍💻'],
    ['ZWJ with text-default part and FE0F', '👨‍⚕️'],
    ['gendered ZWJ', '🤷‍♀️'],
    ['rainbow flag', '🏳️‍🌈'],
    ['transgender flag', '🏳️‍⚧️'],
    ['pirate flag', '🏴‍☠️'],
    ['polar bear', '🐻‍❄️'],
    ['heart on fire', '❤️‍🔥'],
    ['eye in speech bubble', '👁️‍🗨️'],
    ['handshake with two tones', '🫱🏻‍🫲🏿'],
    ['country flag', '🇺🇸'],
    ['another flag', '🇨🇳'],
    ['subdivision flag (tags)', '🏴󠁧󠁢󠁳󠁣󠁴󠁿'],
    ['keycap hash', '#️⃣'],
    ['keycap star', '*️⃣'],
    ['keycap digit', '7️⃣'],
    ['keycap without FE0F', '1⃣'],
    ['text-default with FE0F', '❤️'],
    ['copyright with FE0F', '©️'],
    ['BMP presentation', '☕'],
    ['skin tone alone', '🏽'],
  ])('%s: %s', (_name, emoji) => {
    const segments = parseEmoji(`a${emoji}b`);
    expect(view(segments)).toEqual(['a', `[${emoji}]`, 'b']);
    expect(segments[1]).toEqual({ type: 'emoji', kind: 'unicode', data: emoji, key: emoji });
    expect(graphemeCount(emoji)).toBe(1);
  });

  it('parses every emoji (and every skin) in emoji-mart data as exactly one segment', () => {
    const parser = createEmojiParser();
    const failures: string[] = [];
    let checked = 0;
    for (const emoji of Object.values(data.emojis)) {
      for (const skin of emoji.skins) {
        checked++;
        const segments = parser.parse(`x${skin.native}y`);
        if (segments.length !== 3 || segments[1]?.type !== 'emoji' || segments[1].data !== skin.native) {
          failures.push(`${emoji.id} ${skin.unified}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(3000);
    expect(failures).toEqual([]);
  });

  it('splits adjacent emoji without joining them', () => {
    expect(view(parseEmoji('😀😀👍🏽🇺🇸🇨🇳'))).toEqual(['[😀]', '[😀]', '[👍🏽]', '[🇺🇸]', '[🇨🇳]']);
  });

  it('pairs regional indicators two by two and leaves an odd one as text', () => {
    expect(view(parseEmoji('🇺🇸🇫'))).toEqual(['[🇺🇸]', '🇫']);
  });

  it('leaves text-default characters without FE0F as text, as Unicode specifies', () => {
    expect(view(parseEmoji('© 2026 ™ ↔ ❤ ☺'))).toEqual(['© 2026 ™ ↔ ❤ ☺']);
  });

  it('treats digits, # and * as text unless they are keycaps', () => {
    expect(view(parseEmoji('#1 *2 3\uFE0F 4'))).toEqual(['#1 *2 3\uFE0F 4']);
    expect(view(parseEmoji('press 1️⃣ or #️⃣'))).toEqual(['press ', '[1️⃣]', ' or ', '[#️⃣]']);
  });

  it('keeps a dangling ZWJ out of the emoji', () => {
    expect(view(parseEmoji('👍\u200Dx'))).toEqual(['[👍]', '\u200Dx']);
  });

  it('does not attach a skin tone to a base that cannot take one', () => {
    expect(view(parseEmoji('😀🏽'))).toEqual(['[😀]', '[🏽]']);
  });

  it('handles CJK, RTL and combining text around emoji', () => {
    expect(view(parseEmoji('你好😀世界 مرحبا👋 é'))).toEqual(['你好', '[😀]', '世界 مرحبا', '[👋]', ' é']);
  });

  it('can be turned off', () => {
    expect(view(createEmojiParser({ unicode: false }).parse('hi 😀'))).toEqual(['hi 😀']);
  });

  it('agrees with Intl.Segmenter: every emoji segment is one grapheme, text round-trips', () => {
    const pieces = [
      'a',
      ' ',
      '你',
      '1',
      '#',
      ':',
      '\u200D',
      '\uFE0F',
      '👍',
      '🏽',
      '🇺',
      '🇸',
      '❤',
      '👨',
      '👩',
      '👧',
      '♀',
      '🏳',
      '🌈',
      '⃣',
    ];
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 2000; round++) {
      let text = '';
      const length = 1 + Math.floor(random() * 12);
      for (let k = 0; k < length; k++) text += pieces[Math.floor(random() * pieces.length)];
      const segments = parseEmoji(text);
      expect(segmentsToText(segments)).toBe(text);
      for (const s of segments) {
        if (s.type === 'emoji') expect(graphemeCount(s.data), JSON.stringify(text)).toBe(1);
      }
    }
  });
});
