// Owns how searchable text is cut into words: runs of letters and digits are
// words (folded to lower case); each character of a script written without
// spaces (Chinese, Japanese kana, Thai…) and each emoji or symbol is a word of
// its own, so a query finds Chinese text at any character and emoji without
// spaces around them. The memory and PostgreSQL storages compare with these
// words and the SQLite index stores them (Chinese as character pairs, which
// find the same), so every storage finds the same messages.

/** One word of a text: folded, with where it is in the original text ([start, end) UTF-16 offsets). */
export interface SearchWord {
  word: string;
  start: number;
  end: number;
  /** A letter/digit run, which a query's last word may match by prefix (not one character of a script without spaces). */
  prefixable: boolean;
  /** One character of a script without spaces. */
  unspaced: boolean;
}

/** Scripts written without spaces between words: every character is indexed alone. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Emoji, and symbols people search for (¥, ©, ♥). */
const SYMBOL = /[\p{Extended_Pictographic}\p{S}]/u;
/** Kept with the emoji before them: variation selectors and skin tones (not words of their own). */
// eslint-disable-next-line no-misleading-character-class -- each of these code points is wanted alone, not joined to another
const EMOJI_TAIL = /[\u{FE0E}\u{FE0F}\u{1F3FB}-\u{1F3FF}]/u;

type Kind = 'word' | 'unspaced' | 'symbol' | 'tail' | 'gap';

function kindOf(ch: string): Kind {
  if (EMOJI_TAIL.test(ch)) return 'tail';
  if (UNSPACED.test(ch)) return 'unspaced';
  if (WORD_CHAR.test(ch)) return 'word';
  if (SYMBOL.test(ch)) return 'symbol';
  return 'gap';
}

/** kindOf for ASCII, looked up instead of tested (most chat text is mostly ASCII). */
const ASCII_KINDS: readonly Kind[] = Array.from({ length: 128 }, (_, c) => kindOf(String.fromCharCode(c)));

/** The words of `text`, in order. */
export function searchWords(text: string): SearchWord[] {
  const out: SearchWord[] = [];
  // A letter/digit run is folded as a whole when it ends (faster than per character, and folds a
  // final sigma the way a whole query is folded).
  let run: SearchWord | null = null;
  const close = () => {
    if (run) run.word = text.slice(run.start, run.end).toLowerCase();
    run = null;
  };
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    const ch = code < 128 ? text[i]! : String.fromCodePoint(text.codePointAt(i)!);
    const kind = code < 128 ? ASCII_KINDS[code]! : kindOf(ch);
    const end = i + ch.length;
    if (kind === 'word') {
      if (run) run.end = end;
      else out.push((run = { word: '', start: i, end, prefixable: true, unspaced: false }));
    } else {
      close();
      const last = out[out.length - 1];
      if (kind === 'unspaced' || kind === 'symbol')
        out.push({ word: ch.toLowerCase(), start: i, end, prefixable: false, unspaced: kind === 'unspaced' });
      else if (kind === 'tail' && last && !last.prefixable && last.end === i) {
        last.word += ch;
        last.end = end;
      }
    }
    i = end;
  }
  close();
  return out;
}

/**
 * What the word index stores for a row of words. A run of characters of a script without spaces
 * becomes its overlapping pairs and then its last character ("项目进度" → 项目 目进 进度 度):
 * one common character's list of rows is long, a pair's is short. A query term ending in such a
 * run (`atEnd`) leaves the last character out (the text may go on after it), and a run of one
 * character there becomes a prefix: `prefix` says the last index word is one.
 */
function indexWordsOf(words: readonly SearchWord[], atEnd: boolean): { words: string[]; prefix: boolean } {
  const out: string[] = [];
  let prefix = false;
  for (let i = 0; i < words.length;) {
    const w = words[i]!;
    if (!w.unspaced) {
      out.push(w.word);
      prefix = w.prefixable;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < words.length && words[j]!.unspaced && words[j]!.start === words[j - 1]!.end) j++;
    for (let k = i; k + 1 < j; k++) out.push(words[k]!.word + words[k + 1]!.word);
    const last = j === words.length && atEnd;
    if (!last || j - i === 1) out.push(words[j - 1]!.word);
    prefix = last && j - i === 1;
    i = j;
  }
  return { words: out, prefix };
}

/** The words a word index stores for a text (SQLite's FTS5 table, PostgreSQL's tsvector). */
export function textIndexWords(text: string): string[] {
  return indexWordsOf(searchWords(text), false).words;
}

/** A query term as index words, all of which a hit holds; `prefix`: the last one may start a longer word. */
export function termIndexWords(term: string): { words: string[]; prefix: boolean } {
  return indexWordsOf(searchWords(term), true);
}

/** The text the SQLite word index stores: its index words, space-separated. */
export function indexedWords(text: string): string {
  return indexWordsOf(searchWords(text), false).words.join(' ');
}

/**
 * Where the words of `term` occur in a row of `words` (of `text`): all equal, except that a last
 * word that is a letter/digit run may be the start of a longer one ("repo" finds "report").
 * [start, end) offsets of each occurrence in `text`.
 */
export function findTerm(
  text: string,
  words: readonly SearchWord[],
  term: readonly SearchWord[],
): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  const n = term.length;
  if (n === 0) return found;
  const tail = term[n - 1]!;
  for (let i = 0; i + n <= words.length; i++) {
    let ok = true;
    for (let k = 0; k < n - 1 && ok; k++) ok = words[i + k]!.word === term[k]!.word;
    const w = words[i + n - 1]!;
    if (!ok || !(w.word === tail.word || (tail.prefixable && w.prefixable && w.word.startsWith(tail.word)))) continue;
    found.push([words[i]!.start, w.word === tail.word ? w.end : prefixEnd(text, w, tail.word.length)]);
  }
  return found;
}

/** Offset in `text` where the first `units` folded UTF-16 units of word `w` end. */
function prefixEnd(text: string, w: SearchWord, units: number): number {
  // Folding is per character and may change a character's length (İ folds to two units).
  let folded = 0;
  let at = w.start;
  while (folded < units && at < w.end) {
    const ch = String.fromCodePoint(text.codePointAt(at)!);
    folded += ch.toLowerCase().length;
    at += ch.length;
  }
  return at;
}
