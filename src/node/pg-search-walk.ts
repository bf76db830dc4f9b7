// Owns PgStorage's search plan for common words: walks the user's conversations
// backwards by row id, a window of ids at a time, through the (key, id) btree
// (migration 9), testing each row's words, until the page is full. A common
// word's GIN entries are many thousands of rows across all users, all read and
// sorted before the LIMIT; here a page of a common word is found in the newest
// few hundred of the user's own rows. Each window is twice as wide as the one
// before, so a word rarer than its estimate still ends in few queries.
import type { MessageSearchQuery, MessageSearchResult } from '../server/people-storage';
import { searchableText } from '../server/search-text';
import type { MessageRecord } from '../server/storage';
import type { PgRows } from './pg-people-storage';

/** The first window, in row ids (about 1% of them a given user's in a busy database: a page of a common word in one window). */
const FIRST_SPAN = 65_536;

/**
 * The matches among the rows of conversations $1 with $3 ≤ id < $2, newest first: the window's
 * rows are read through the (key, id) btree alone and their words tested after (OFFSET 0 keeps
 * the test out of the scan). Offered the word test as an index condition, the planner ANDs a
 * bitmap of the word's GIN entries with the btree's: for "deadline" in the search bench's
 * 1,000,000 rows that bitmap held 68,000 rows and the query took 112 ms, against 1.3 ms for the
 * btree's 655 rows tested one by one (EXPLAIN ANALYZE, machine load 9).
 */
export const WINDOW_SQL = `SELECT id, key, json FROM (
    SELECT id, key, json, search_words FROM messages
     WHERE key = ANY($1::text[]) AND id < $2 AND id >= $3 OFFSET 0) AS w
   WHERE search_words @@ $4::tsquery
   ORDER BY id DESC LIMIT $5`;

/** The page of `query` below row id `below`, rows checked by `matches` (adjacency and word starts). */
export async function walkSearch(
  rows: PgRows,
  query: MessageSearchQuery,
  tsquery: string,
  below: number,
  matches: (text: string) => boolean,
): Promise<MessageSearchResult> {
  const after = new Map(query.scopes.map((s) => [s.key, s.afterSeq]));
  const keys = [...after.keys()];
  const [top] = await rows<{ top: string | null }>('SELECT max(id) + 1 AS top FROM messages');
  let upper = Math.min(below, Number(top?.top ?? 0));
  const batch = Math.max(query.limit * 2, 50);
  const out: MessageSearchResult['rows'] = [];
  for (let span = FIRST_SPAN; upper > 0;) {
    const from = Math.max(0, upper - span);
    const found = await rows<{ id: string; key: string; json: string }>(WINDOW_SQL, [
      keys,
      upper,
      from,
      tsquery,
      batch,
    ]);
    for (const r of found) {
      const { message } = JSON.parse(r.json) as MessageRecord;
      // Messages from before the user joined are not theirs to find.
      if (message.seq <= (after.get(r.key) ?? Number.MAX_SAFE_INTEGER)) continue;
      const text = searchableText(message);
      if (text === null || !matches(text)) continue;
      out.push({ key: r.key, message, cursor: r.id });
      if (out.length >= query.limit) return { rows: out };
    }
    if (found.length === batch) {
      upper = Number(found[found.length - 1]!.id);
    } else {
      upper = from;
      span *= 2;
    }
  }
  return { rows: out };
}
