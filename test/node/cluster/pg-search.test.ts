// PgStorage's message search from its word index (a GIN index of each
// message's index words and conversation): words in any script found from
// their start, case-insensitively (Unicode folding done as the queries are),
// Chinese at any character, only in the scopes after each one's cleared seq,
// newest first, paged by cursor; recalled messages drop out and edits are found by their new text.
// The migrations that add the trigram index and then the word index fill them
// in for messages stored before; another adds the terms that find a CJK name
// stored before by any run of it; another fills the column of how far each
// conversation was cleared, which the search scopes read.
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Message } from '../../../src/protocol/message';
import { PG_MIGRATIONS } from '../../../src/node/pg-migrations';
import { openPgStorage, type PgStorage } from '../../../src/node/pg-storage';
import type { SearchScope } from '../../../src/server/people-storage';
import { queryTerms } from '../../../src/server/search-text';
import { groupState, KEY, message, rec } from '../storage-contract';
import { freshDatabase } from './support/cluster';
import { usePostgres } from './support/services';

const server = usePostgres();
const freshUrl = (): Promise<string> => freshDatabase(server.postgres);

/**
 * A fresh database as an older natter left it: migrated to schema `version`, then given what
 * `fill` writes with that schema. Its URL.
 */
async function databaseAt(version: number, fill: (old: pg.Client) => Promise<void>): Promise<string> {
  const url = await freshUrl();
  const old = new pg.Client({ connectionString: url });
  await old.connect();
  try {
    await old.query('CREATE TABLE natter_schema (version INT NOT NULL)');
    await old.query('INSERT INTO natter_schema (version) VALUES ($1)', [version]);
    for (const step of PG_MIGRATIONS.slice(0, version)) await (typeof step === 'string' ? old.query(step) : step(old));
    await fill(old);
  } finally {
    await old.end();
  }
  return url;
}

async function storage(url?: string): Promise<PgStorage> {
  return server.closeAfter(await openPgStorage({ url: url ?? (await freshUrl()), poolSize: 2 }));
}

const text = (seq: number, msg: string, over: Partial<Message> = {}): Message =>
  message(seq, { body: { type: 'txt', msg }, ...over });

async function found(
  s: PgStorage,
  query: string,
  scopes: SearchScope[] = [{ key: KEY, afterSeq: 0 }],
): Promise<string[]> {
  const r = await s.searchMessages({ terms: queryTerms(query), scopes, limit: 50 });
  return r.rows.map((row) => (row.message.body.type === 'txt' ? row.message.body.msg : row.message.body.type));
}

describe('PgStorage message search', { timeout: 60_000 }, () => {
  it('finds text by substring, case-insensitively: Chinese, emoji, mixed and non-ASCII letters', async () => {
    const s = await storage();
    await s.transaction(async (tx) => {
      await tx.insertMessage(rec(text(1, '明天下午开会讨论预算')));
      await tx.insertMessage(rec(text(2, '生日快乐🎂🎉 Party tonight')));
      await tx.insertMessage(rec(text(3, 'React组件库natter很好用')));
      await tx.insertMessage(rec(message(4, { body: { type: 'cmd', action: 'party' } })));
      await tx.insertMessage(rec(text(5, 'ÄRGER über 50% der Kosten')));
    });
    expect(await found(s, '开会')).toEqual(['明天下午开会讨论预算']);
    expect(await found(s, '讨论预算')).toEqual(['明天下午开会讨论预算']);
    expect(await found(s, '🎂')).toEqual(['生日快乐🎂🎉 Party tonight']);
    expect(await found(s, 'PARTY')).toEqual(['生日快乐🎂🎉 Party tonight']);
    expect(await found(s, '组件库NATTER')).toEqual(['React组件库natter很好用']);
    expect(await found(s, 'natter 组件')).toEqual(['React组件库natter很好用']);
    expect(await found(s, 'ärger ÜBER')).toEqual(['ÄRGER über 50% der Kosten']);
    expect(await found(s, '50%')).toEqual(['ÄRGER über 50% der Kosten']);
    expect(await found(s, 'kost')).toEqual(['ÄRGER über 50% der Kosten']);
    expect(await found(s, 'osten')).toEqual([]);
    expect(await found(s, 'nothing like this')).toEqual([]);
  });

  it("finds words holding the index query's quoting characters, and words longer than a lexeme by their start", async () => {
    const s = await storage();
    const long = `x${'y'.repeat(300)}z`;
    await s.transaction(async (tx) => {
      await tx.insertMessage(rec(text(1, "it's a\\b path ' & | ! :*")));
      await tx.insertMessage(rec(text(2, `token ${long} end`)));
    });
    expect(await found(s, "it's")).toEqual(["it's a\\b path ' & | ! :*"]);
    expect(await found(s, 'a\\b')).toEqual(["it's a\\b path ' & | ! :*"]);
    expect(await found(s, long)).toEqual([`token ${long} end`]);
    expect(await found(s, long.slice(0, 250))).toEqual([`token ${long} end`]);
    expect(await found(s, `${'x'.padEnd(290, 'y')}q`)).toEqual([]);
  });

  it('finds a prefix that starts many indexed words, and finds nothing for one that starts none', async () => {
    const s = await storage();
    await s.transaction(async (tx) => {
      for (let i = 1; i <= 80; i++) await tx.insertMessage(rec(text(i, `pre${i}fix word${i}`)));
    });
    const r = await s.searchMessages({ terms: ['pre'], scopes: [{ key: KEY, afterSeq: 0 }], limit: 100 });
    expect(r.rows).toHaveLength(80);
    expect(await found(s, 'word7')).toEqual([
      'pre79fix word79',
      'pre78fix word78',
      'pre77fix word77',
      'pre76fix word76',
      'pre75fix word75',
      'pre74fix word74',
      'pre73fix word73',
      'pre72fix word72',
      'pre71fix word71',
      'pre70fix word70',
      'pre7fix word7',
    ]);
    expect(await found(s, 'prz')).toEqual([]);
  });

  it('looks in many conversations at once (more than the index query names) and only in those', async () => {
    const s = await storage();
    const keys = Array.from({ length: 250 }, (_, i) => `single:alice|u${i}`);
    await s.transaction(async (tx) => {
      for (const [i, key] of keys.entries())
        await tx.insertMessage(rec(text(1, `hello ${i}`, { to: `u${i}`, localId: `h${i}`, serverId: `h${i}` }), key));
    });
    const scopes = keys.slice(0, 240).map((key) => ({ key, afterSeq: 0 }));
    const r = await s.searchMessages({ terms: ['hello'], scopes, limit: 300 });
    expect(r.rows).toHaveLength(240);
    expect(new Set(r.rows.map((x) => x.key))).toEqual(new Set(keys.slice(0, 240)));
    expect(await found(s, 'hello 7', scopes.slice(0, 10))).toEqual(['hello 7']);
  });

  it('drops a recalled message, finds an edited one by its new text only', async () => {
    const s = await storage();
    await s.transaction(async (tx) => {
      await tx.insertMessage(rec(text(1, 'secret plan')));
      await tx.insertMessage(rec(text(2, 'other plan')));
    });
    await s.transaction(async (tx) =>
      tx.updateMessage({ ...text(1, ''), body: { type: 'recalled', recalledAt: 9, by: 'alice' } }),
    );
    await s.transaction(async (tx) => tx.updateMessage(text(2, 'revised scheme')));
    expect(await found(s, 'plan')).toEqual([]);
    expect(await found(s, 'secret')).toEqual([]);
    expect(await found(s, 'scheme')).toEqual(['revised scheme']);
  });

  it("looks only in the scopes, after each scope's cleared seq, newest first, paged by cursor", async () => {
    const s = await storage();
    await s.transaction(async (tx) => {
      for (let i = 1; i <= 6; i++) await tx.insertMessage(rec(text(i, `needle ${i}`)));
      await tx.insertMessage(
        rec(text(1, 'needle elsewhere', { to: 'carol', localId: 'x1', serverId: 'x1' }), 'single:alice|carol'),
      );
    });
    expect(await found(s, 'needle', [{ key: KEY, afterSeq: 2 }])).toEqual([
      'needle 6',
      'needle 5',
      'needle 4',
      'needle 3',
    ]);
    const first = await s.searchMessages({ terms: ['needle'], scopes: [{ key: KEY, afterSeq: 0 }], limit: 4 });
    expect(first.rows.map((r) => r.message.seq)).toEqual([6, 5, 4, 3]);
    const next = await s.searchMessages({
      terms: ['needle'],
      scopes: [{ key: KEY, afterSeq: 0 }],
      before: first.rows[3]!.cursor,
      limit: 4,
    });
    expect(next.rows.map((r) => r.message.seq)).toEqual([2, 1]);
    expect(await found(s, 'needle', [])).toEqual([]);
    expect(await found(s, 'needle', [{ key: 'single:alice|carol', afterSeq: 0 }])).toEqual(['needle elsewhere']);
  });

  it('the migrations index messages stored before them, and PostgreSQL answers from the word index', async () => {
    // A database at schema 2 (before the index) holding a message.
    const url = await databaseAt(2, async (old) => {
      const m = text(1, 'Öffentliche Ankündigung');
      await old.query(
        'INSERT INTO messages (server_id, key, seq, from_user, local_id, excluded, json) VALUES ($1, $2, 1, $3, $4, false, $5)',
        [m.serverId, KEY, m.from, m.localId, JSON.stringify(rec(m))],
      );
    });
    const s = await storage(url);
    expect(await found(s, 'ankündigung öffentliche')).toEqual(['Öffentliche Ankündigung']);
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    try {
      await check.query('SET enable_seqscan = off');
      const plan = await check.query<{ 'QUERY PLAN': string }>(
        "EXPLAIN SELECT id FROM messages WHERE search_words @@ 'ankündigung'::tsquery",
      );
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('messages_search_words');
    } finally {
      await check.end();
    }
  });

  it('a migration gives the search scopes how far each conversation was cleared before the column', async () => {
    // A database at schema 9 holding two of alice's states, one of them cleared up to seq 6.
    const url = await databaseAt(9, async (old) => {
      for (const state of [groupState('g'), groupState('h', { clearedSeq: 6 })]) {
        await old.query(
          'INSERT INTO conversation_states (user_id, key, updated_at, hidden, unread, json) VALUES ($1, $2, 1, false, 0, $3)',
          [state.user, state.key, JSON.stringify(state)],
        );
      }
    });
    const s = await storage(url);
    expect(await s.listClearedHistories('alice')).toEqual([{ key: 'group:h', clearedSeq: 6 }]);
  });

  it('a migration adds the terms that find a CJK name stored before it by any run of it', async () => {
    // A database at schema 6 holding a profile with the terms it had then (name and id).
    const url = await databaseAt(6, async (old) => {
      const record = { profile: { user: 'wang', name: '王小明', updatedAt: 1 }, hidePresence: false, lastSeen: null };
      await old.query('INSERT INTO profiles (user_id, name_key, json) VALUES ($1, $2, $3)', [
        'wang',
        '王小明',
        JSON.stringify(record),
      ]);
      await old.query("INSERT INTO profile_terms (term, user_id) VALUES ('王小明', 'wang'), ('wang', 'wang')");
    });
    const s = await storage(url);
    const users = async (prefix: string) => (await s.searchProfiles({ prefix, limit: 5 })).map((r) => r.profile.user);
    expect(await users('小明')).toEqual(['wang']);
    expect(await users('明')).toEqual(['wang']);
    expect(await users('王')).toEqual(['wang']);
    await s.putProfile({ profile: { user: 'li', name: '李雷', updatedAt: 2 }, hidePresence: false, lastSeen: null });
    expect(await users('雷')).toEqual(['li']);
  });
});
