// Owns PgStorage's message search. Each message row carries a tsvector of
// its index words (search-words.ts, the same words the SQLite index stores,
// Chinese as character pairs) and of its conversation key, under a GIN index
// (migration 8). The plan follows the words' frequency, as the planner
// estimates it from the column's statistics: a rare word's rows are read
// from the GIN index and those of the user's conversations kept; a word of
// middling frequency is looked up with the user's conversation keys in the
// same index query; newest first by row id (also the cursor of the next
// page). Common words are found by walking the user's conversations
// backwards (pg-search-walk.ts), since their index entries are too many to
// read and sort for one page. A term's
// words must also be adjacent and start words, checked in JS with the
// tokenizer every storage uses. The vector is built in JS, never by
// PostgreSQL's parser, so the database's locale and text search settings
// change nothing. A prefix is looked up in the list of indexed words
// (search_lexemes) and searched as the few words it starts: the index reads
// a prefix's entries in full before it can skip, an exact word it skips
// through.
import type { ClientBase } from 'pg';
import type { Message } from '../protocol/message';
import type { MessageSearchQuery, MessageSearchResult } from '../server/people-storage';
import { foldForSearch, searchableText, termsMatcher } from '../server/search-text';
import { termIndexWords, textIndexWords } from '../server/search-words';
import type { MessageRecord } from '../server/storage';
import type { PgRows } from './pg-people-storage';
import { walkSearch } from './pg-search-walk';

/** A lexeme is at most this many code points (PostgreSQL refuses lexemes over 2 KB); longer words are found by their start. */
const LEXEME_CHARS = 100;
/** Up to this many conversations, a common word is searched by walking them (past it, the index is read). */
const MAX_WALKED_CONVERSATIONS = 200;
/** Words estimated in more rows than this are common: their index entries cost more than a walk. */
const COMMON_WORD_ROWS = 10_000;
/** Words estimated in fewer rows than this are rare: their rows are read before the conversations are checked. */
const RARE_WORD_ROWS = 1_000;
/** A prefix starting more indexed words than this is searched as a prefix. */
const MAX_PREFIX_WORDS = 64;
/** Above every lexeme in byte order (a prefix range's end). */
const TOP = '\u{10FFFF}';

const clip = (word: string): { lexeme: string; clipped: boolean } => {
  const chars = Array.from(word);
  return chars.length > LEXEME_CHARS
    ? { lexeme: chars.slice(0, LEXEME_CHARS).join(''), clipped: true }
    : { lexeme: word, clipped: false };
};
/** A lexeme quoted for tsvector and tsquery input. */
const quote = (lexeme: string): string => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
/** A conversation's lexeme: index words never hold a space, so it is never a word of a text. */
const convLexeme = (key: string): string => clip(` ${key}`).lexeme;

/** What a message is found by: its tsvector (input form) and its words; null when it is not (e.g. recalled or not text). */
export function searchIndexOf(key: string, message: Message): { vector: string; words: string[] } | null {
  const text = searchableText(message);
  if (text === null) return null;
  const words = [...new Set(textIndexWords(text).map((w) => clip(w).lexeme))];
  return { vector: [...words, convLexeme(key)].map(quote).join(' '), words };
}

/**
 * The tsquery (input form) of the terms; null when it finds nothing (a term without a word, or a
 * prefix no indexed word starts).
 */
async function searchQueryOf(rows: PgRows, terms: readonly string[]): Promise<string | null> {
  const parts: string[] = [];
  for (const term of terms) {
    const { words, prefix } = termIndexWords(term);
    for (const [i, w] of words.entries()) {
      const { lexeme, clipped } = clip(w);
      if (!clipped && !(prefix && i === words.length - 1)) {
        parts.push(quote(lexeme));
        continue;
      }
      const started = await rows<{ word: string }>(
        'SELECT word FROM search_lexemes WHERE word COLLATE "C" >= $1 AND word COLLATE "C" < $2 ORDER BY word COLLATE "C" LIMIT $3',
        [lexeme, lexeme + TOP, MAX_PREFIX_WORDS + 1],
      );
      if (started.length === 0) return null;
      parts.push(
        started.length > MAX_PREFIX_WORDS ? `${quote(lexeme)}:*` : `(${started.map((r) => quote(r.word)).join(' | ')})`,
      );
    }
  }
  if (parts.length === 0) return null;
  return parts.join(' & ');
}

/** Adds the words of the stored vectors to the list of indexed words (after a bulk load). */
export async function fillSearchLexemes(client: ClientBase): Promise<void> {
  await client.query(
    `INSERT INTO search_lexemes (word)
       SELECT DISTINCT w FROM messages, unnest(tsvector_to_array(search_words)) AS w
        WHERE search_words IS NOT NULL AND w NOT LIKE ' %'
     ON CONFLICT DO NOTHING`,
  );
}

/** The folded text migration 4 stored (the trigram index migration 8 replaced). */
function searchTextOf(message: Message): string | null {
  const text = searchableText(message);
  return text === null ? null : foldForSearch(text);
}

const BACKFILL_BATCH = 1_000;

/** Migration step: fills a column of every message row from its record, in batches. */
async function backfill(
  client: ClientBase,
  column: 'search_text' | 'search_words',
  type: 'text' | 'tsvector',
  of: (record: MessageRecord) => string | null,
): Promise<void> {
  for (let after = 0; ;) {
    const { rows } = await client.query<{ id: string; json: string }>(
      'SELECT id, json FROM messages WHERE id > $1 ORDER BY id LIMIT $2',
      [after, BACKFILL_BATCH],
    );
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.id);
    const values = rows.map((r) => of(JSON.parse(r.json) as MessageRecord));
    await client.query(
      `UPDATE messages m SET ${column} = t.v FROM unnest($1::bigint[], $2::${type}[]) AS t(id, v) WHERE m.id = t.id`,
      [ids, values],
    );
    after = Number(ids[ids.length - 1]);
  }
}

/** Migration 4: fills the search text of messages stored before migration 3. */
export async function backfillSearchText(client: ClientBase): Promise<void> {
  await backfill(client, 'search_text', 'text', (r) => searchTextOf(r.message));
}

/**
 * Migration 8: the word index in place of the trigram index. Each row's vector is filled before
 * the index is built (faster than keeping it meanwhile); the index is updated in place on each
 * insert (no pending list that some send would have to flush).
 */
export async function searchWordsIndex(client: ClientBase): Promise<void> {
  await client.query('ALTER TABLE messages ADD COLUMN search_words tsvector');
  await backfill(client, 'search_words', 'tsvector', (r) => searchIndexOf(r.key, r.message)?.vector ?? null);
  await client.query('CREATE INDEX messages_search_words ON messages USING gin (search_words) WITH (fastupdate = off)');
  await client.query('CREATE TABLE search_lexemes (word TEXT COLLATE "C" PRIMARY KEY)');
  await fillSearchLexemes(client);
  await client.query('DROP INDEX messages_search');
  await client.query('ALTER TABLE messages DROP COLUMN search_text');
}

/** The planner's estimate of the rows holding the words (from the column's statistics; no rows read). */
async function estimatedRows(rows: PgRows, tsquery: string): Promise<number> {
  const [explained] = await rows<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
    'EXPLAIN (FORMAT JSON) SELECT 1 FROM messages WHERE search_words @@ $1::tsquery',
    [tsquery],
  );
  return explained?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0;
}

export async function pgSearchMessages(rows: PgRows, query: MessageSearchQuery): Promise<MessageSearchResult> {
  if (query.scopes.length === 0 || query.limit <= 0) return { rows: [] };
  const tsquery = await searchQueryOf(rows, query.terms);
  if (tsquery === null) return { rows: [] };
  // Cursors are row ids (opaque to the core); a malformed one finds nothing.
  let below =
    query.before === undefined ? Number.MAX_SAFE_INTEGER : /^\d+$/.test(query.before) ? Number(query.before) : 0;
  const matches = termsMatcher(query.terms);
  const estimate = await estimatedRows(rows, tsquery);
  const few = query.scopes.length <= MAX_WALKED_CONVERSATIONS;
  if (few && estimate > COMMON_WORD_ROWS) return walkSearch(rows, query, tsquery, below, matches);
  // A word of middling frequency is looked up with the user's conversation keys in the same index
  // query (their entries cost a few ms, less than reading the word's thousands of rows). A rare
  // word's rows are taken from the index first: left to the planner, it may walk every row
  // backwards by id for a page the user's few matches never fill. A common word in many
  // conversations is left to it (that walk ends soon).
  const withKeys = few && estimate > RARE_WORD_ROWS;
  const indexQuery = withKeys
    ? `${tsquery} & (${query.scopes.map((sc) => quote(convLexeme(sc.key))).join(' | ')})`
    : tsquery;
  const sql =
    withKeys || estimate > COMMON_WORD_ROWS
      ? `SELECT m.id, m.key, m.json FROM messages m
         JOIN unnest($1::text[], $2::bigint[]) AS s(key, after) ON m.key = s.key AND m.seq > s.after
        WHERE m.id < $3 AND m.search_words @@ $4::tsquery
        ORDER BY m.id DESC LIMIT $5`
      : `WITH hits AS MATERIALIZED (SELECT id, key, seq FROM messages WHERE search_words @@ $4::tsquery AND id < $3)
       SELECT m.id, m.key, m.json FROM messages m
        WHERE m.id IN (SELECT h.id FROM hits h JOIN unnest($1::text[], $2::bigint[]) AS s(key, after)
                         ON h.key = s.key AND h.seq > s.after ORDER BY h.id DESC LIMIT $5)
        ORDER BY m.id DESC`;
  const batch = Math.max(query.limit * 2, 50);
  const out: MessageSearchResult['rows'] = [];
  for (;;) {
    const found = await rows<{ id: string; key: string; json: string }>(sql, [
      query.scopes.map((s) => s.key),
      query.scopes.map((s) => s.afterSeq),
      below,
      indexQuery,
      batch,
    ]);
    for (const r of found) {
      below = Number(r.id);
      const { message } = JSON.parse(r.json) as MessageRecord;
      const text = searchableText(message);
      if (text === null || !matches(text)) continue;
      out.push({ key: r.key, message, cursor: r.id });
      if (out.length >= query.limit) return { rows: out };
    }
    if (found.length < batch) return { rows: out };
  }
}
