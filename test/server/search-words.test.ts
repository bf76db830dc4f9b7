// How searchable text is cut into words, and how a query term is found among
// them (the rule every storage shares): words by their start, Chinese and
// emoji at any character, highlights in the original text's offsets.
import { describe, expect, it } from 'vitest';
import { highlightRanges, matchesAll, queryTerms } from '../../src/server/search-text';
import { indexedWords, searchWords, termIndexWords } from '../../src/server/search-words';

describe('search words', () => {
  const words = (text: string) => searchWords(text).map((w) => w.word);

  it('cuts letter runs into folded words and Chinese, kana and emoji into one word per character', () => {
    expect(words('React组件库natter很好用')).toEqual(['react', '组', '件', '库', 'natter', '很', '好', '用']);
    expect(words('生日快乐🎂🎉 Party!')).toEqual(['生', '日', '快', '乐', '🎂', '🎉', 'party']);
    expect(words('カタカナ and e-mail')).toEqual(['カ', 'タ', 'カ', 'ナ', 'and', 'e', 'mail']);
  });

  it('indexes Chinese as character pairs and the last character, and asks for them the same way', () => {
    expect(indexedWords('React组件库natter 好')).toBe('react 组件 件库 库 natter 好');
    expect(termIndexWords('组件库NATTER')).toEqual({ words: ['组件', '件库', '库', 'natter'], prefix: true });
    // At the end of a term the text may go on: no lone last character, and one character is a prefix.
    expect(termIndexWords('组件')).toEqual({ words: ['组件'], prefix: false });
    expect(termIndexWords('组')).toEqual({ words: ['组'], prefix: true });
    expect(termIndexWords('🎉')).toEqual({ words: ['🎉'], prefix: false });
    expect(termIndexWords('!!')).toEqual({ words: [], prefix: false });
  });

  it('keeps an emoji with its variation selector and skin tone, and splits joined emoji', () => {
    expect(words('❤️👍🏽')).toEqual(['❤️', '👍🏽']);
    expect(words('👩‍💻')).toEqual(['👩', '💻']);
  });

  it('finds a term at the start of a word but not inside one', () => {
    expect(matchesAll('The deadline moved', ['dead'])).toBe(true);
    expect(matchesAll('The deadline moved', ['line'])).toBe(false);
    expect(matchesAll('明天下午开会讨论预算', ['开会'])).toBe(true);
    expect(matchesAll('React组件库natter很好用', queryTerms('组件库NATTER'))).toBe(true);
    // Only the last word of a term may be a prefix: "reac组" is not "react组".
    expect(matchesAll('React组件', ['reac组'])).toBe(false);
  });

  it('highlights the matched part in offsets of the original text', () => {
    expect(highlightRanges('Reports and a report', ['report'])).toEqual([
      [0, 6],
      [14, 20],
    ]);
    expect(highlightRanges('生日快乐🎂🎉 party tonight', queryTerms('🎉 party'))).toEqual([
      [6, 8],
      [9, 14],
    ]);
    // İ folds to two units; the range still ends after "İs" in the original.
    expect(highlightRanges('İstanbul', queryTerms('İs'))).toEqual([[0, 2]]);
  });

  it('drops query terms with nothing to find', () => {
    expect(queryTerms('!!! ,, Plan')).toEqual(['plan']);
  });
});
