import { describe, expect, it } from 'vitest';
import {
  countEmoji,
  createEmojiParser,
  DEFAULT_LARGE_EMOJI_MAX,
  isEmojiOnly,
  parseEmoji,
  segmentsToText,
} from '../../src/emoji/index';

const parser = createEmojiParser({ customEmoji: { path: 'faces/', map: { '[):]': 'ee_1.png' } } });

describe('isEmojiOnly (drawing emoji-only messages large)', () => {
  it('is true for one to N emoji with only whitespace around', () => {
    expect(isEmojiOnly(parseEmoji('👍'))).toBe(true);
    expect(isEmojiOnly(parseEmoji(' 👨‍👩‍👧‍👦 🇺🇸\n'))).toBe(true);
    expect(isEmojiOnly(parser.parse('[):]😀'))).toBe(true);
  });

  it(`defaults to at most ${DEFAULT_LARGE_EMOJI_MAX} emoji and takes another limit`, () => {
    expect(isEmojiOnly(parseEmoji('😀😀😀'))).toBe(true);
    expect(isEmojiOnly(parseEmoji('😀😀😀😀'))).toBe(false);
    expect(isEmojiOnly(parseEmoji('😀😀😀😀'), 10)).toBe(true);
  });

  it('is false for text, empty and whitespace-only messages', () => {
    expect(isEmojiOnly(parseEmoji('ok 👍'))).toBe(false);
    expect(isEmojiOnly(parseEmoji(''))).toBe(false);
    expect(isEmojiOnly(parseEmoji('   '))).toBe(false);
    expect(isEmojiOnly(parseEmoji('❤'))).toBe(false);
  });
});

describe('segment helpers', () => {
  it('counts emoji', () => {
    expect(countEmoji(parser.parse('a 😀 [):] b 🇺🇸'))).toBe(3);
  });

  it('returns the source text, custom keys included', () => {
    const text = 'a 😀 [):] b 🇺🇸';
    expect(segmentsToText(parser.parse(text))).toBe(text);
  });

  it('returns no segments for empty text and one for plain text', () => {
    expect(parseEmoji('')).toEqual([]);
    expect(parseEmoji('just words, 42 of them: ok')).toEqual([{ type: 'txt', data: 'just words, 42 of them: ok' }]);
  });
});
