// Fills the search benchmark's databases with the corpus (corpus.ts). SQLite
// goes through the packed package's SqliteStorage, so its word index is kept
// by the same triggers as in production. PostgreSQL is filled in bulk (one
// INSERT per 2,000 rows; a row at a time would take most of an hour) with the
// rows PgStorage writes: the record as JSON, the indexed columns, and the
// search words vector built as PgStorage builds it (pg-search.ts); then
// vacuumed and analyzed.
import pg from 'pg';
import type { SyncStorage } from '../../src/server/storage';
import { fillSearchLexemes, searchIndexOf } from '../../src/node/pg-search';
import { corpusConversations, corpusMessages } from './corpus';

/** The packed @natter/server's SqliteStorage constructor (only what the fill uses). */
type SqliteStorageClass = new (options: { path: string; exclusive?: boolean }) => SyncStorage & { close(): void };

const seconds = (since: number): number => Math.round((performance.now() - since) / 100) / 10;

/** Fills a new SQLite database at `path`; returns the seconds it took. */
export function fillSqlite(SqliteStorage: SqliteStorageClass, path: string, messages: number): number {
  const started = performance.now();
  const storage = new SqliteStorage({ path, exclusive: false });
  const BATCH = 5_000;
  const all = corpusMessages(messages);
  for (let done = false; !done;) {
    storage.transaction(() => {
      for (let i = 0; i < BATCH; i++) {
        const next = all.next();
        if (next.done) {
          done = true;
          return;
        }
        storage.insertMessage(next.value);
      }
    });
  }
  storage.transaction(() => {
    for (const c of corpusConversations(messages)) {
      for (let s = 0; s < c.lastSeq; s++) storage.nextSeq(c.key);
      for (const state of c.states) storage.putConversationState(state);
    }
  });
  storage.close();
  return seconds(started);
}

/** Fills a PostgreSQL database that a natter server has already migrated; returns the seconds it took. */
export async function fillPostgres(url: string, messages: number): Promise<number> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const BATCH = 2_000;
    let rows: string[][] = [];
    const flush = async () => {
      if (rows.length === 0) return;
      const column = (i: number) => rows.map((r) => r[i]!);
      await client.query(
        `INSERT INTO messages (server_id, key, seq, from_user, local_id, excluded, json, search_words)
         SELECT s, k, q::bigint, f, l, false, j, t FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::tsvector[]) AS u(s, k, q, f, l, j, t)`,
        [0, 1, 2, 3, 4, 5, 6].map(column),
      );
      rows = [];
    };
    for (const { key, message } of corpusMessages(messages)) {
      rows.push([
        message.serverId,
        key,
        String(message.seq),
        message.from,
        message.localId,
        JSON.stringify({ key, message }),
        searchIndexOf(key, message)?.vector ?? '',
      ]);
      if (rows.length >= BATCH) await flush();
    }
    await flush();
    for (const c of corpusConversations(messages)) {
      await client.query('INSERT INTO seqs (key, last) VALUES ($1, $2)', [c.key, c.lastSeq]);
      for (const s of c.states)
        await client.query(
          'INSERT INTO conversation_states (user_id, key, updated_at, hidden, unread, json) VALUES ($1, $2, $3, false, 0, $4)',
          [s.user, s.key, s.updatedAt, JSON.stringify(s)],
        );
    }
    await fillSearchLexemes(client);
    // Vacuumed as autovacuum keeps a table that grew gradually: the bulk load starts autovacuum
    // runs over the whole table and its word index (six during one fill), and the last of them
    // would otherwise go on while the searches are timed.
    await client.query('VACUUM (ANALYZE) messages');
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
  return seconds(started);
}
