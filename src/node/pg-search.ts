// Owns PgStorage's message search. Each message row carries its searchable
// text folded the way queries are (search-text.ts), under a trigram (pg_trgm)
// GIN index; a search is one query: the rows of the searched conversations
// (after each one's cleared seq) whose folded text contains every term, newest
// first by row id, which is also the cursor of the next page. Folding in JS
// on both sides keeps PostgreSQL's matching the same as the contract's
// whatever the database's locale; the index finds substrings, and a term must
// also start a word (checked in JS with the same tokenizer as the other storages).
import type { ClientBase } from 'pg';
import type { Message } from '../protocol/message';
import type { MessageSearchQuery, MessageSearchResult } from '../server/people-storage';
import { foldForSearch, searchableText, termsMatcher } from '../server/search-text';
import type { MessageRecord } from '../server/storage';
import type { PgRows } from './pg-people-storage';

/** The folded text a message is found by (null: it is not found, e.g. recalled or not text). */
export function searchTextOf(message: Message): string | null {
  const text = searchableText(message);
  return text === null ? null : foldForSearch(text);
}

const BACKFILL_BATCH = 1_000;

/** Migration step: fills the search text of messages stored before it existed. */
export async function backfillSearchText(client: ClientBase): Promise<void> {
  for (let after = 0; ;) {
    const { rows } = await client.query<{ id: string; json: string }>(
      'SELECT id, json FROM messages WHERE id > $1 ORDER BY id LIMIT $2',
      [after, BACKFILL_BATCH],
    );
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.id);
    const texts = rows.map((r) => searchTextOf((JSON.parse(r.json) as MessageRecord).message));
    await client.query(
      'UPDATE messages m SET search_text = t.s FROM unnest($1::bigint[], $2::text[]) AS t(id, s) WHERE m.id = t.id',
      [ids, texts],
    );
    after = Number(ids[ids.length - 1]);
  }
}

/** A LIKE pattern matching `term` anywhere. */
const containing = (term: string): string => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function pgSearchMessages(rows: PgRows, query: MessageSearchQuery): Promise<MessageSearchResult> {
  if (query.scopes.length === 0 || query.limit <= 0) return { rows: [] };
  // Cursors are row ids (opaque to the core); a malformed one finds nothing.
  let below =
    query.before === undefined ? Number.MAX_SAFE_INTEGER : /^\d+$/.test(query.before) ? Number(query.before) : 0;
  // The index finds rows containing every term; a term must also start a word (search-words.ts),
  // which is checked here, so a page is filled from as many index batches as that takes.
  const matches = termsMatcher(query.terms);
  const batch = Math.max(query.limit * 2, 50);
  const out: MessageSearchResult['rows'] = [];
  for (;;) {
    const found = await rows<{ id: string; key: string; json: string }>(
      `SELECT m.id, m.key, m.json FROM messages m
         JOIN unnest($1::text[], $2::bigint[]) AS s(key, after) ON m.key = s.key AND m.seq > s.after
        WHERE m.id < $3 AND m.search_text LIKE ALL($4::text[])
        ORDER BY m.id DESC LIMIT $5`,
      [query.scopes.map((s) => s.key), query.scopes.map((s) => s.afterSeq), below, query.terms.map(containing), batch],
    );
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
