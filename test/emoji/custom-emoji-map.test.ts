import { describe, expect, it } from 'vitest';
import { createEmojiParser, parseEmoji, type CustomEmojiMap, type Segment } from '../../src/emoji/index';

// Easemob's WebIM.Emoji shape, as in the vendor document.
const webimEmoji: CustomEmojiMap = {
  path: 'static/faces/',
  map: { '[):]': 'ee_1.png', '[:D]': 'ee_2.png', '[微笑]': 'ee_3.png', '[:]': 'ee_4.png', '[:D:D]': 'ee_5.png' },
};

function view(segments: Segment[]): string[] {
  return segments.map((s) => (s.type === 'emoji' ? `<${s.data}>` : s.data));
}

describe('custom image emoji maps', () => {
  it('turns map keys into image segments with path + file, keeping Easemob {type, data}', () => {
    const segments = parseEmoji('hi [):] and [微笑]!', { customEmoji: webimEmoji });
    expect(segments).toEqual([
      { type: 'txt', data: 'hi ' },
      { type: 'emoji', kind: 'image', data: 'static/faces/ee_1.png', key: '[):]' },
      { type: 'txt', data: ' and ' },
      { type: 'emoji', kind: 'image', data: 'static/faces/ee_3.png', key: '[微笑]' },
      { type: 'txt', data: '!' },
    ]);
  });

  it('lets the longest key win at a position', () => {
    const parser = createEmojiParser({ customEmoji: webimEmoji });
    expect(view(parser.parse('[:D:D][:D][:]'))).toEqual([
      '<static/faces/ee_5.png>',
      '<static/faces/ee_2.png>',
      '<static/faces/ee_4.png>',
    ]);
  });

  it('finds keys back to back and inside words', () => {
    const parser = createEmojiParser({ customEmoji: webimEmoji });
    expect(view(parser.parse('a[):][):]b'))).toEqual(['a', '<static/faces/ee_1.png>', '<static/faces/ee_1.png>', 'b']);
  });

  it('leaves partial and unknown keys as text', () => {
    const parser = createEmojiParser({ customEmoji: webimEmoji });
    expect(view(parser.parse('[): [:x] [微 [[[[ ]'))).toEqual(['[): [:x] [微 [[[[ ]']);
  });

  it('supports keys starting with non-ASCII characters', () => {
    const parser = createEmojiParser({ customEmoji: { path: '/f/', map: { 微笑: 'smile.png' } } });
    expect(view(parser.parse('我微笑了'))).toEqual(['我', '</f/smile.png>', '了']);
  });

  it('combines several maps, later ones overriding a key', () => {
    const parser = createEmojiParser({
      customEmoji: [
        webimEmoji,
        { path: 'https://cdn.example.com/', map: { '[):]': 'new.png', ':party:': 'party.gif' } },
      ],
    });
    expect(view(parser.parse('[):] :party: [:D]'))).toEqual([
      '<https://cdn.example.com/new.png>',
      ' ',
      '<https://cdn.example.com/party.gif>',
      ' ',
      '<static/faces/ee_2.png>',
    ]);
  });

  it('prefers a custom key over a Unicode emoji of the same length, but not over a longer one', () => {
    const parser = createEmojiParser({ customEmoji: { path: '/f/', map: { '👍': 'thumb.png' } } });
    expect(view(parser.parse('👍 👍🏽'))).toEqual(['</f/thumb.png>', ' ', '<👍🏽>']);
  });

  it('mixes custom keys with Unicode emoji in one pass', () => {
    const parser = createEmojiParser({ customEmoji: webimEmoji });
    expect(view(parser.parse('[):]😀[微笑]🇺🇸x'))).toEqual([
      '<static/faces/ee_1.png>',
      '<😀>',
      '<static/faces/ee_3.png>',
      '<🇺🇸>',
      'x',
    ]);
  });

  it('leaves keys with unsafe URLs as text and reports them', () => {
    const parser = createEmojiParser({
      customEmoji: {
        path: '',
        map: {
          '[js]': 'javascript:alert(1)',
          '[js2]': ' javascript:alert(1)',
          '[tab]': 'java\tscript:alert(1)',
          '[data]': 'data:image/svg+xml,<svg onload=alert(1)>',
          '[proto]': '//evil.example/x.png',
          '[bs]': '/\\evil.example/x.png',
          '[vb]': 'vbscript:msgbox(1)',
          '[ok]': 'faces/ok.png',
        },
      },
    });
    const text = '[js][js2][tab][data][proto][bs][vb][ok]';
    expect(view(parser.parse(text))).toEqual(['[js][js2][tab][data][proto][bs][vb]', '<faces/ok.png>']);
    expect([...parser.rejectedKeys].sort()).toEqual(['[bs]', '[data]', '[js2]', '[js]', '[proto]', '[tab]', '[vb]']);
  });

  it('checks the joined URL, so a bad path poisons every entry', () => {
    const parser = createEmojiParser({ customEmoji: { path: 'javascript:', map: { '[a]': 'alert(1)' } } });
    expect(view(parser.parse('[a]'))).toEqual(['[a]']);
  });

  it('never throws on junk maps and ignores non-string files and empty keys', () => {
    const junk = [
      null,
      { map: null },
      { path: 5, map: { '[n]': 7, '': 'x.png', '[ok]': 'ok.png' } },
    ] as unknown as CustomEmojiMap[];
    const parser = createEmojiParser({ customEmoji: junk });
    expect(view(parser.parse('[n][ok]'))).toEqual(['[n]', '<ok.png>']);
  });

  it('does not read keys from the prototype chain', () => {
    const map = JSON.parse('{"__proto__": "p.png", "[a]": "a.png"}') as Record<string, string>;
    const parser = createEmojiParser({ customEmoji: { path: '/', map } });
    expect(view(parser.parse('[a] toString constructor __proto__'))).toEqual([
      '</a.png>',
      ' toString constructor ',
      '</p.png>',
    ]);
  });
});
