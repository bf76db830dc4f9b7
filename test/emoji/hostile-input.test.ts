import { describe, expect, it } from 'vitest';
import { createEmojiParser, loadShortcodeTable, segmentsToText } from '../../src/emoji/index';

async function fullParser() {
  return createEmojiParser({
    customEmoji: { path: 'faces/', map: { '[):]': 'ee_1.png', '[微笑]': 'ee_2.png', '[[': 'x.png' } },
    shortcodes: await loadShortcodeTable(),
  });
}

describe('hostile and odd inputs', () => {
  it('keeps lone surrogates as text and never splits a pair', async () => {
    const parser = await fullParser();
    for (const text of [
      '\uD83D',
      '\uDE00',
      'a\uD83Db',
      '\uDE00\uD83D',
      '\uD83D\uD83D\uDE00',
      '😀\uDE00',
      '\uD83C\uDDFA',
    ]) {
      const segments = parser.parse(text);
      expect(segmentsToText(segments)).toBe(text);
      for (const s of segments) {
        if (s.type === 'emoji') expect(s.data).toBe('😀');
      }
    }
  });

  it('handles a 4 MB message of emoji, keys and shortcodes with a correct, complete result', async () => {
    const parser = await fullParser();
    const unit = 'hi 👍🏽 [):] :tada: 👨‍👩‍👧‍👦 ';
    const text = unit.repeat(Math.ceil(4_000_000 / unit.length));
    const segments = parser.parse(text);
    const repeats = text.length / unit.length;
    expect(segments.filter((s) => s.type === 'emoji')).toHaveLength(4 * repeats);
    expect(segmentsToText(segments)).toBe(text);
  });

  it('handles huge runs of candidates that never match', async () => {
    const parser = await fullParser();
    for (const text of [
      ':'.repeat(200_000),
      `:${'a'.repeat(200_000)}`,
      ':a'.repeat(100_000),
      '['.repeat(200_000),
      '[):'.repeat(100_000),
      '\u200D'.repeat(200_000),
      '\uFE0F'.repeat(200_000),
      '1\uFE0F'.repeat(100_000),
      '\uD83D'.repeat(200_000),
      `🏴${'\u{E0067}'.repeat(100_000)}`,
      '🇺'.repeat(100_001),
    ]) {
      expect(segmentsToText(parser.parse(text))).toBe(text);
    }
  });

  it('pairs a long run of regional indicators two by two', async () => {
    const parser = await fullParser();
    const segments = parser.parse('🇺'.repeat(5));
    expect(segments.map((s) => s.type)).toEqual(['emoji', 'emoji', 'txt']);
  });

  it('caps a tag sequence so a giant one is not one emoji', async () => {
    const parser = await fullParser();
    const text = `🏴${'\u{E0067}'.repeat(40)}\u{E007F}`;
    expect(parser.parse(text)[0]).toMatchObject({ type: 'emoji', data: '🏴' });
  });

  it('splits a hostile endless ZWJ chain into bounded emoji', async () => {
    const parser = await fullParser();
    const text = '👍\u200D'.repeat(100_000);
    const segments = parser.parse(text);
    expect(segmentsToText(segments)).toBe(text);
    const longest = Math.max(...segments.map((s) => s.data.length));
    expect(longest).toBeLessThanOrEqual(2 + 10 * 3);
    expect(segments.filter((s) => s.type === 'emoji').length).toBeGreaterThan(9_000);
  });

  it('treats HTML and script-looking text as plain text', async () => {
    const parser = await fullParser();
    const text = '<img src=x onerror=alert(1)>[):]<script>alert(1)</script>';
    const segments = parser.parse(text);
    expect(segments).toEqual([
      { type: 'txt', data: '<img src=x onerror=alert(1)>' },
      { type: 'emoji', kind: 'image', data: 'faces/ee_1.png', key: '[):]' },
      { type: 'txt', data: '<script>alert(1)</script>' },
    ]);
  });

  it('returns no segments for a non-string at runtime', async () => {
    const parser = await fullParser();
    expect(parser.parse(undefined as unknown as string)).toEqual([]);
    expect(parser.parse({ length: 3 } as unknown as string)).toEqual([]);
  });

  it('round-trips random mixtures of every kind of token', async () => {
    const parser = await fullParser();
    const tokens = [
      '[):]',
      '[微笑]',
      '[[',
      '[',
      ':',
      ':+1:',
      ':+1::skin-tone-4:',
      ':nope:',
      '👍',
      '🏽',
      '\u200D',
      '\uFE0F',
      '🇺',
      '#',
      '⃣',
      'a',
      ' ',
      '\uD83D',
      '微',
    ];
    let seed = 42;
    for (let round = 0; round < 3000; round++) {
      let text = '';
      const length = 1 + (round % 15);
      for (let k = 0; k < length; k++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        text += tokens[seed % tokens.length];
      }
      expect(segmentsToText(parser.parse(text))).toBe(text);
    }
  });
});
