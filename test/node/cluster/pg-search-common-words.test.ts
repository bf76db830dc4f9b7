// PgStorage's search of a common word, which walks the user's conversations
// backwards by row id (pg-search-walk.ts) instead of reading the word's index
// entries, and of a middling one, looked up with the conversation keys: the
// same guarantees as for a rare word (only the scopes after each
// one's cleared seq, recalled messages dropped, newest first, every match
// once across pages by cursor).
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Message } from '../../../src/protocol/message';
import { fillSearchLexemes, searchIndexOf } from '../../../src/node/pg-search';
import { WINDOW_SQL } from '../../../src/node/pg-search-walk';
import { openPgStorage, type PgStorage } from '../../../src/node/pg-storage';
import type { SearchScope } from '../../../src/server/people-storage';
import { queryTerms } from '../../../src/server/search-text';
import { KEY, message, rec } from '../storage-contract';
import { usePostgres } from './support/services';

const server = usePostgres();

const text = (seq: number, msg: string, over: Partial<Message> = {}): Message =>
  message(seq, { body: { type: 'txt', msg }, ...over });

async function found(st: PgStorage, query: string, scopes: SearchScope[]): Promise<string[]> {
  const r = await st.searchMessages({ terms: queryTerms(query), scopes, limit: 50 });
  return r.rows.map((row) => (row.message.body.type === 'txt' ? row.message.body.msg : row.message.body.type));
}

describe('PgStorage search of a common word', { timeout: 120_000 }, () => {
  it('pages through a word in thousands of rows, or in a thousand or two, as through a rare one', async () => {
    const url = server.postgres.url;
    const s = server.closeAfter(await openPgStorage({ url, poolSize: 2 }));
    const convs = [
      { key: KEY, to: 'bob', count: 6000 },
      { key: 'single:alice|carol', to: 'carol', count: 4000 },
      { key: 'single:alice|dave', to: 'dave', count: 2000 },
    ];
    const records = convs.flatMap((c) =>
      Array.from({ length: c.count }, (_, i) =>
        rec(
          text(i + 1, `common word ${i + 1}${i % 5 === 0 ? ' middling' : ''}`, {
            to: c.to,
            localId: `${c.to}${i}`,
            serverId: `${c.to}${i}`,
          }),
          c.key,
        ),
      ),
    );
    // Interleaved as sent, so each conversation's rows are spread over the ids.
    records.sort((a, b) => a.message.seq - b.message.seq);
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      await db.query(
        `INSERT INTO messages (server_id, key, seq, from_user, local_id, excluded, json, search_words)
         SELECT s, k, q, 'alice', l, false, j, t
           FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::tsvector[]) AS u(s, k, q, l, j, t)`,
        [
          records.map((r) => r.message.serverId),
          records.map((r) => r.key),
          records.map((r) => r.message.seq),
          records.map((r) => r.message.localId),
          records.map((r) => JSON.stringify(r)),
          records.map((r) => searchIndexOf(r.key, r.message)!.vector),
        ],
      );
      await fillSearchLexemes(db);
      await db.query('ANALYZE messages');
      const estimate = async (word: string): Promise<number> => {
        const [plan] = (
          await db.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
            `EXPLAIN (FORMAT JSON) SELECT 1 FROM messages WHERE search_words @@ '${word}'::tsquery`,
          )
        ).rows;
        return plan!['QUERY PLAN'][0].Plan['Plan Rows'];
      };
      // Common enough to be walked; middling: looked up with the conversation keys (pg-search.ts).
      expect(await estimate('common')).toBeGreaterThan(10_000);
      expect(await estimate('middling')).toBeGreaterThan(1_000);
      expect(await estimate('middling')).toBeLessThan(10_000);
    } finally {
      await db.end();
    }
    const recalled = records.find((r) => r.key === KEY && r.message.seq === 2999)!.message;
    await s.transaction(async (tx) =>
      tx.updateMessage({ ...recalled, body: { type: 'recalled', recalledAt: 9, by: 'alice' } }),
    );
    const scopes = [
      { key: KEY, afterSeq: 0 },
      { key: 'single:alice|carol', afterSeq: 1000 },
    ];
    const all = async (terms: string[]): Promise<Array<{ key: string; seq: number; cursor: string }>> => {
      const seen: Array<{ key: string; seq: number; cursor: string }> = [];
      for (let before: string | undefined; ;) {
        const page = await s.searchMessages({
          terms,
          scopes,
          limit: 100,
          ...(before === undefined ? {} : { before }),
        });
        seen.push(...page.rows.map((r) => ({ key: r.key, seq: r.message.seq, cursor: r.cursor })));
        if (page.rows.length < 100) return seen;
        before = page.rows[99]!.cursor;
      }
    };
    // Common: 6,000 + 4,000 rows in scope, less one recalled and carol's first 1,000 (cleared).
    // Middling: every fifth of those.
    for (const [terms, expected] of [
      [['common word'], 5999 + 3000],
      [['middling'], 1200 + 600],
    ] as const) {
      const seen = await all([...terms]);
      expect(seen).toHaveLength(expected);
      const cursors = seen.map((r) => Number(r.cursor));
      expect(cursors).toEqual([...cursors].sort((a, b) => b - a));
      expect(new Set(cursors).size).toBe(seen.length);
      expect(seen.filter((r) => r.key === KEY).map((r) => r.seq)).not.toContain(2999);
      expect(Math.min(...seen.filter((r) => r.key !== KEY).map((r) => r.seq))).toBeGreaterThan(1000);
      expect(seen.some((r) => r.key === 'single:alice|dave')).toBe(false);
    }
    expect(await found(s, 'common word 5998', scopes)).toEqual(['common word 5998']);
  });

  it("reads a window's rows through the conversations' btree, never the word's index entries", async () => {
    // Shaped like a busy server: the user's two conversations are 1% of 100,000 rows, and the
    // word is in one row in ten. Offered the word test as an index condition, the planner ANDs a
    // bitmap of the word's GIN entries (every one of them) with the btree's few rows.
    const db = new pg.Client({ connectionString: server.postgres.url });
    await db.connect();
    try {
      await db.query(`CREATE TEMP TABLE plan_probe (LIKE messages INCLUDING INDEXES)`);
      await db.query(
        `INSERT INTO plan_probe (id, server_id, key, seq, from_user, local_id, excluded, json, search_words)
         SELECT i, 'p' || i, 'single:u' || (i % 200) || '|v', i / 200, 'u', 'l' || i, false, '{}',
                CASE WHEN i % 10 = 0 THEN '''often'' ''word''' ELSE '''word''' END::tsvector
           FROM generate_series(1, 100000) AS i`,
      );
      await db.query('ANALYZE plan_probe');
      const sql = WINDOW_SQL.replace(/\bmessages\b/, 'plan_probe');
      expect(sql).not.toBe(WINDOW_SQL);
      const [plan] = (
        await db.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${sql}`, [
          ['single:u1|v', 'single:u2|v'],
          100_001,
          90_001,
          `'often'`,
          50,
        ])
      ).rows;
      const used = JSON.stringify(plan!['QUERY PLAN']);
      expect(used).toContain('Index Name');
      expect(used).not.toMatch(/search_words_idx|Bitmap And|BitmapAnd/);
    } finally {
      await db.end();
    }
  });
});
