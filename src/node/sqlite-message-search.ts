// Owns how a message search reads the SQLite word index (message_words,
// migrations 7 and 12; the word list, migration 13). Each term is a phrase of
// its index words (search-words.ts); a term's last word, when typed partly, is
// looked up in the word list and searched as the few whole words it starts,
// which the index walks newest first and stops early, where a prefix query
// would first read every matching word's rows in full. A search in a few
// conversations names their keys in the index query; one in many walks
// windows of row ids newest first, filtered by key. Both look at a bounded
// number of candidates and say where they stopped, so the next page goes on.
// The search is a generator of reads (SQL and parameters): the same steps run
// on the writer's connection or on the reader thread (sqlite-reader.ts).
import type { MessageSearchQuery, MessageSearchResult, MessageSearchRow } from '../server/people-storage';
import { searchableText, termsMatcher } from '../server/search-text';
import { termIndexWords } from '../server/search-words';
import type { MessageRecord } from '../server/storage';
import type { ReadSteps, SqlRead } from './sqlite-reader';

/** How much one search may look at before it answers with what it has (and where to go on). */
export interface SearchBounds {
  /** Row ids per window: a search walks windows newest first (default 50,000). */
  window: number;
  /** Windows per search (default 10). */
  maxWindows: number;
  /** Candidate rows per search (default 5,000). */
  maxExamined: number;
  /**
   * Up to this many conversations searched at once, the index query names them; past it, it
   * finds the words in every conversation and they are filtered (default 200).
   */
  maxConversations: number;
}

export const DEFAULT_BOUNDS: SearchBounds = {
  window: 50_000,
  maxWindows: 10,
  maxExamined: 5_000,
  maxConversations: 200,
};

/** The steps of one search: yields reads, is given their rows, returns the result. */
export type SearchSteps = ReadSteps<MessageSearchResult>;

/** A typed part typed as words expands to at most this many listed words (more: an index prefix query). */
const MAX_PREFIX_WORDS = 64;
/** Words are listed by their first this many code points (sqlite-search-indexer.ts); a longer prefix is an index prefix query. */
export const LISTED_WORD_CHARS = 64;
/** Above every word in byte order (a prefix range's end). */
const TOP = '\u{10FFFF}';

const SQL = {
  maxId: 'SELECT max(id) AS id FROM messages',
  wordsStarting: 'SELECT word FROM message_word_list WHERE word >= ? AND word < ? ORDER BY word LIMIT ?',
  // The index drives, newest first (its query names the conversations).
  newest: `SELECT k.id, k.key, k.seq, m.json FROM message_words s
    JOIN message_search_keys k ON k.id = s.rowid JOIN messages m ON m.id = s.rowid
    WHERE message_words MATCH ? AND s.rowid <= ? ORDER BY s.rowid DESC LIMIT ?`,
  // The index drives within a window of row ids, newest first; the compact key table filters in
  // SQL, so message rows are read only for candidates in the searched conversations.
  inWindow: `SELECT k.id, k.key, k.seq, m.json FROM message_words s
    JOIN message_search_keys k ON k.id = s.rowid JOIN messages m ON m.id = s.rowid
    WHERE message_words MATCH ? AND s.rowid BETWEEN ? AND ? AND k.key IN (SELECT value FROM json_each(?))
    ORDER BY s.rowid DESC LIMIT ?`,
} as const;

type CandidateRow = { id: number; key: string; seq: number; json: string };

/** An FTS5 string literal. */
const quoted = (s: string): string => `"${s.replaceAll('"', '""')}"`;

/** A term as an FTS5 expression over the index words, or null when nothing can match it. */
function* termMatch(term: string): Generator<SqlRead, string | null, unknown[]> {
  const { words, prefix } = termIndexWords(term);
  if (words.length === 0) return null;
  const phrase = (last: string) => quoted([...words.slice(0, -1), last].join(' '));
  const typed = words[words.length - 1]!;
  if (!prefix) return phrase(typed);
  if (Array.from(typed).length >= LISTED_WORD_CHARS) return `${phrase(typed)} *`;
  const listed = (yield {
    sql: SQL.wordsStarting,
    params: [typed, typed + TOP, MAX_PREFIX_WORDS + 1],
  }) as Array<{ word: string }>;
  if (listed.length === 0) return null;
  // Too many words, or one listed by its start only: the index's own prefix query.
  if (listed.length > MAX_PREFIX_WORDS || listed.some((r) => Array.from(r.word).length >= LISTED_WORD_CHARS))
    return `${phrase(typed)} *`;
  return listed.length === 1 ? phrase(listed[0]!.word) : `(${listed.map((r) => phrase(r.word)).join(' OR ')})`;
}

/**
 * The steps of `query` (cursors are row ids, opaque to the core). The caller has brought the
 * index up to date with every stored message (SqliteSearchIndexer.catchUp).
 */
export function* messageSearch(query: MessageSearchQuery, bounds: SearchBounds): SearchSteps {
  // A malformed cursor finds nothing.
  let hi =
    query.before === undefined ? Number.MAX_SAFE_INTEGER : /^\d+$/.test(query.before) ? Number(query.before) - 1 : -1;
  if (hi < 1 || query.scopes.length === 0 || query.limit <= 0) return { rows: [] };
  const terms: string[] = [];
  for (const term of query.terms) {
    const match = yield* termMatch(term);
    if (match === null) return { rows: [] };
    terms.push(match);
  }
  if (terms.length === 0) return { rows: [] };
  const words = `{words}: (${terms.join(' AND ')})`;
  const hits = hitCollector(query);
  const batch = Math.max(query.limit * 2, 50);
  let examined = 0;
  if (query.scopes.length <= bounds.maxConversations) {
    // A user in few conversations: their keys are part of the index query, so it reads only those.
    const match = `${words} AND {conv}: (${query.scopes.map((s) => quoted(s.key)).join(' OR ')})`;
    for (;;) {
      const rows = (yield { sql: SQL.newest, params: [match, hi, batch] }) as CandidateRow[];
      for (const row of rows) {
        if (examined++ >= bounds.maxExamined) return { rows: hits.rows, resumeAt: String(row.id + 1) };
        if (hits.offer(row)) return { rows: hits.rows };
      }
      if (rows.length < batch) return { rows: hits.rows };
      hi = rows[rows.length - 1]!.id - 1;
    }
  }
  // A user in many conversations: the index's matches are filtered by key, window by window.
  if (hi === Number.MAX_SAFE_INTEGER)
    hi = ((yield { sql: SQL.maxId, params: [] }) as Array<{ id: number | null }>)[0]?.id ?? 0;
  const keys = JSON.stringify(query.scopes.map((s) => s.key));
  for (let chunk = 0; hi >= 1; chunk++) {
    if (chunk >= bounds.maxWindows || examined >= bounds.maxExamined)
      return { rows: hits.rows, resumeAt: String(hi + 1) };
    const lo = Math.max(1, hi - bounds.window + 1);
    for (let top = hi; ;) {
      const rows = (yield { sql: SQL.inWindow, params: [words, lo, top, keys, batch] }) as CandidateRow[];
      for (const row of rows) {
        examined++;
        if (hits.offer(row)) return { rows: hits.rows };
      }
      if (rows.length < batch) break;
      top = rows[rows.length - 1]!.id - 1;
    }
    hi = lo - 1;
  }
  return { rows: hits.rows };
}

/** Turns index candidates into hits: after the conversation's cleared seq, and every term found as words. */
function hitCollector(query: MessageSearchQuery): { rows: MessageSearchRow[]; offer(row: CandidateRow): boolean } {
  const after = new Map(query.scopes.map((s) => [s.key, s.afterSeq]));
  const matches = termsMatcher(query.terms);
  const rows: MessageSearchRow[] = [];
  return {
    rows,
    offer: (row) => {
      if (row.seq <= (after.get(row.key) ?? Number.MAX_SAFE_INTEGER)) return false;
      const { message } = JSON.parse(row.json) as MessageRecord;
      const text = searchableText(message);
      // Checked again with the memory storage's rule: unicode61 folds case once more, which may differ.
      if (text === null || !matches(text)) return false;
      rows.push({ key: row.key, message, cursor: String(row.id) });
      return rows.length >= query.limit;
    },
  };
}
