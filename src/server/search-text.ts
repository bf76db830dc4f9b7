// Owns what text is searched and how it is compared: the folding both
// sides of a comparison go through, the searchable text of a message, the
// strings a profile is found by, query terms, whether a text matches them and
// the highlight ranges of a hit. A term is found as words (search-words.ts):
// at the start of a word, or at any character of Chinese text and emoji.
// Storages and the core share these so every storage finds the same.
import type { Message } from '../protocol/message';
import type { Profile } from '../protocol/people';
import { findTerm, searchWords } from './search-words';

/**
 * Lower case: case never matters. No further normalization (accents count), the same as the
 * words of the SQLite word index (search-words.ts).
 */
export function foldForSearch(text: string): string {
  return text.toLowerCase();
}

/** The text a message can be found by, or null when it has none (non-text or recalled bodies). */
export function searchableText(message: Message): string | null {
  return message.body.type === 'txt' ? message.body.msg : null;
}

/** Scripts names are written in without spaces between family and given name (Chinese, Japanese, Korean). */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;

/**
 * The folded strings a profile is found by in the directory (by prefix): the name, each word of
 * it, the user id, and the rest of the name from each CJK character on. A CJK name has no spaces
 * to split at (王小明 is 王 and 小明), so its suffixes make any contiguous run of it a prefix.
 */
export function profileTerms(profile: Profile): string[] {
  const name = foldForSearch(profile.name.trim());
  const words = name.split(/\s+/).filter((w) => w.length > 0);
  const chars = Array.from(name);
  const suffixes: string[] = [];
  for (let i = 1; i < chars.length; i++) if (CJK.test(chars[i]!)) suffixes.push(chars.slice(i).join(''));
  return [...new Set([name, ...words, ...suffixes, foldForSearch(profile.user)])];
}

/** At most this many terms in one query (the rest are ignored). */
const MAX_TERMS = 8;

/** The folded, distinct whitespace-separated terms of a query that have a word to find (not only punctuation). */
export function queryTerms(query: string): string[] {
  const terms = foldForSearch(query)
    .split(/\s+/)
    .filter((t) => searchWords(t).length > 0);
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

/** Sigma is the one letter lower-cased differently in a whole string (final ς) than alone (σ). */
const SIGMA = /[σς]/;

/**
 * A test of whether every term occurs in a text (as words: see search-words.ts). The terms are cut
 * once; a text that lacks one of their words anywhere is turned down before it is cut, so a
 * scan over many messages cuts only the few that may match.
 */
export function termsMatcher(terms: readonly string[]): (text: string) => boolean {
  const cut = terms.map((t) => searchWords(t));
  const needles = cut.flatMap((ws) => ws.map((w) => w.word)).filter((w) => !SIGMA.test(w));
  return (text) => {
    const folded = foldForSearch(text);
    if (!needles.every((n) => folded.includes(n))) return false;
    const words = searchWords(text);
    return cut.every((ws) => findTerm(text, words, ws).length > 0);
  };
}

/** True when every term occurs in the text (for one text; build a {@link termsMatcher} for many). */
export function matchesAll(text: string, terms: readonly string[]): boolean {
  return termsMatcher(terms)(text);
}

/** Where the terms occur in `text`, as [start, end) UTF-16 offsets of the original text, merged and ascending. */
export function highlightRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  const words = searchWords(text);
  const ranges = terms.flatMap((t) => findTerm(text, words, searchWords(t)));
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
