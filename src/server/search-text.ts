// Owns what text is searched and how it is compared: the folding both
// sides of a comparison go through, the searchable text of a message, the
// strings a profile is found by, query terms, and the highlight ranges of a
// hit. Storages and the core share these so every storage finds the same.
import type { Message } from '../protocol/message';
import type { Profile } from '../protocol/people';

/**
 * Lower case: case never matters. No further normalization, so that the memory storage finds
 * exactly what SQLite's trigram index (which folds case only) finds.
 */
export function foldForSearch(text: string): string {
  return text.toLowerCase();
}

/** The text a message can be found by, or null when it has none (non-text or recalled bodies). */
export function searchableText(message: Message): string | null {
  return message.body.type === 'txt' ? message.body.msg : null;
}

/** The folded strings a profile is found by in the directory: the name, each word of it, the user id. */
export function profileTerms(profile: Profile): string[] {
  const name = foldForSearch(profile.name.trim());
  const words = name.split(/\s+/).filter((w) => w.length > 0);
  return [...new Set([name, ...words, foldForSearch(profile.user)])];
}

/** At most this many terms in one query (the rest are ignored). */
const MAX_TERMS = 8;

/** The folded, distinct whitespace-separated terms of a query. */
export function queryTerms(query: string): string[] {
  return [...new Set(foldForSearch(query).split(/\s+/).filter((t) => t.length > 0))].slice(0, MAX_TERMS);
}

/** True when the folded text contains every term. */
export function matchesAll(text: string, terms: readonly string[]): boolean {
  const folded = foldForSearch(text);
  return terms.every((t) => folded.includes(t));
}

/**
 * Where the terms occur in `text`, as [start, end) UTF-16 offsets of the original text, merged and
 * ascending. Lower-casing may change lengths (İ becomes two units), so offsets are mapped back per code point.
 */
export function highlightRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  // folded[i] came from original offset map[i].
  let folded = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const f = foldForSearch(ch);
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
    i += ch.length;
  }
  map.push(text.length);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + term.length)) {
      const start = map[at]!;
      const endIndex = at + term.length;
      // The end is the original offset of the first folded unit after the match.
      const end = endIndex < map.length - 1 ? map[endIndex]! : text.length;
      ranges.push([start, Math.max(end, start + 1)]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
