import { beforeAll, describe, expect, it } from 'vitest';
import {
  createEmojiParser,
  loadEmojiData,
  loadShortcodeTable,
  parseEmoji,
  segmentsToText,
  type EmojiParser,
  type Segment,
} from '../../src/emoji/index';

function view(segments: Segment[]): string[] {
  return segments.map((s) => (s.type === 'emoji' ? `[${s.data}]` : s.data));
}

let parser: EmojiParser;
beforeAll(async () => {
  parser = createEmojiParser({ shortcodes: await loadShortcodeTable() });
});

describe(':shortcodes: from emoji-mart data', () => {
  it('resolves ids to emoji and keeps the source as key', () => {
    const segments = parser.parse('nice :+1: :tada:');
    expect(segments).toEqual([
      { type: 'txt', data: 'nice ' },
      { type: 'emoji', kind: 'unicode', data: '👍', key: ':+1:' },
      { type: 'txt', data: ' ' },
      { type: 'emoji', kind: 'unicode', data: '🎉', key: ':tada:' },
    ]);
  });

  it('resolves aliases', () => {
    expect(view(parser.parse(':satisfied: :poop:'))).toEqual(['[😆]', ' ', '[💩]']);
  });

  it('applies emoji-mart skin tones :name::skin-tone-N:', () => {
    const segments = parser.parse(':+1::skin-tone-2: :wave::skin-tone-6:');
    expect(view(segments)).toEqual(['[👍🏻]', ' ', '[👋🏿]']);
    expect(segments[0]).toMatchObject({ key: ':+1::skin-tone-2:' });
  });

  it('leaves a skin tone suffix as text on an emoji without skins, or out of range', () => {
    expect(view(parser.parse(':tada::skin-tone-3: :+1::skin-tone-7:'))).toEqual([
      '[🎉]',
      ':skin-tone-3: ',
      '[👍]',
      ':skin-tone-7:',
    ]);
  });

  it('resolves shortcodes back to back and reuses a colon after a miss', () => {
    expect(view(parser.parse(':smile::smile:'))).toEqual(['[😄]', '[😄]']);
    expect(view(parser.parse(':nope:smile:'))).toEqual([':nope', '[😄]']);
  });

  it('leaves unknown, unterminated, empty and overlong shortcodes as text', () => {
    const text = `:unknown_thing: :smile :: ::: :${'a'.repeat(100)}: : smile:`;
    expect(view(parser.parse(text))).toEqual([text]);
  });

  it('leaves times and URLs alone', () => {
    const text = 'at 12:30:45, see https://example.com:8080/x';
    expect(view(parser.parse(text))).toEqual([text]);
  });

  it('is case sensitive like emoji-mart ids', () => {
    expect(view(parser.parse(':SMILE:'))).toEqual([':SMILE:']);
  });

  it('stays text when no table is given', () => {
    expect(view(parseEmoji(':smile:'))).toEqual([':smile:']);
  });

  it('accepts a plain record as table', () => {
    const p = createEmojiParser({ shortcodes: { party: '🥳' } });
    expect(view(p.parse('a :party: b'))).toEqual(['a ', '[🥳]', ' b']);
  });

  it('round-trips text through segment keys', () => {
    const text = 'x :+1::skin-tone-3: :tada: y :nope: 👍';
    expect(segmentsToText(parser.parse(text))).toBe(text);
  });

  it('loads the data once and shares it', async () => {
    const [a, b] = await Promise.all([loadEmojiData(), loadEmojiData()]);
    expect(a).toBe(b);
    expect(a.emojis['+1']?.skins[0]?.native).toBe('👍');
    expect(await loadShortcodeTable()).toBe(await loadShortcodeTable());
  });
});
