// PeopleStorage on both storages, and what only SQLite has: the FTS5 index
// built for messages stored before the migration that added it, the terms of
// CJK names added to profiles stored before the migration that finds any run
// of them, and the bound on rows one search looks at (with the cursor to go on from).
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../src/node/sqlite-migrations';
import { registerSearchWords, SqlitePeopleStorage } from '../../src/node/sqlite-people-storage';
import { SqliteReader } from '../../src/node/sqlite-reader';
import { MemoryStorage } from '../../src/server/memory-storage';
import { describePeopleStorageContract } from './people-storage-contract';
import { KEY, message, rec } from './storage-contract';
import { useTempSqlite } from './support/temp-sqlite';

const { tempDb, open } = useTempSqlite('natter-people-');

describePeopleStorageContract('MemoryStorage', () => new MemoryStorage());
describePeopleStorageContract('SqliteStorage', () => open(tempDb()));

describe('SQLite message search index', () => {
  it('indexes the messages a database held before the migration that added search', () => {
    const path = tempDb();
    const db = new Database(path);
    migrate(db, MIGRATIONS.slice(0, 4));
    db.prepare(
      'INSERT INTO messages (server_id, key, seq, from_user, local_id, excluded, json) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(
      's1',
      KEY,
      1,
      'alice',
      'l1',
      0,
      JSON.stringify(rec(message(1, { serverId: 's1', body: { type: 'txt', msg: '旧消息 old message' } }))),
    );
    db.close();
    const s = open(path);
    const r = s.searchMessages({ terms: ['旧消息'], scopes: [{ key: KEY, afterSeq: 0 }], limit: 5 });
    expect(r.rows.map((x) => x.message.serverId)).toEqual(['s1']);
  });

  it('finds a CJK name stored before the migration that finds any run of it by its given name', () => {
    const path = tempDb();
    const db = new Database(path);
    registerSearchWords(db);
    migrate(db, MIGRATIONS.slice(0, 9));
    const record = { profile: { user: 'wang', name: '王小明', updatedAt: 1 }, hidePresence: false, lastSeen: null };
    db.prepare('INSERT INTO profiles (user, name_key, json) VALUES (?, ?, ?)').run(
      'wang',
      '王小明',
      JSON.stringify(record),
    );
    db.prepare('INSERT INTO profile_terms (term, user) VALUES (?, ?)').run('王小明', 'wang');
    db.prepare('INSERT INTO profile_terms (term, user) VALUES (?, ?)').run('wang', 'wang');
    db.close();
    const s = open(path);
    expect(s.searchProfiles({ prefix: '小明', limit: 5 }).map((r) => r.profile.user)).toEqual(['wang']);
    expect(s.searchProfiles({ prefix: '王', limit: 5 }).map((r) => r.profile.user)).toEqual(['wang']);
  });

  it('finds a hit in a few conversations past many newer matches elsewhere without looking at them', () => {
    const s = open(tempDb());
    s.transaction(() => {
      s.insertMessage(rec(message(1, { serverId: 'hit', localId: 'hit', body: { type: 'txt', msg: 'ok found' } })));
      for (let i = 0; i < 3_000; i++)
        s.insertMessage(
          rec(
            message(i + 1, { serverId: `o${i}`, localId: `o${i}`, to: 'zed', body: { type: 'txt', msg: 'ok found' } }),
            'single:alice|zed',
          ),
        );
    });
    // At most 100 candidates: the 3,000 newer matches of the other conversation are not candidates.
    const people = new SqlitePeopleStorage(s.db, (fn) => s.transaction(fn), new SqliteReader(s.db), {
      window: 1_000,
      maxWindows: 2,
      maxExamined: 100,
      maxConversations: 5,
    });
    const r = people.searchMessages({ terms: ['ok', 'found'], scopes: [{ key: KEY, afterSeq: 0 }], limit: 5 });
    expect(r.rows.map((x) => x.message.serverId)).toEqual(['hit']);
    expect(r.resumeAt).toBeUndefined();
  });

  it('stops after a bounded number of candidates in a few conversations and says where to go on', () => {
    const s = open(tempDb());
    const CAROL = 'single:alice|carol';
    s.transaction(() => {
      s.insertMessage(
        rec(
          message(1, { serverId: 'hit', localId: 'hit', to: 'carol', body: { type: 'txt', msg: 'ok found' } }),
          CAROL,
        ),
      );
      // Newer candidates in history this user cleared: the index finds them, the cleared seq turns them down.
      for (let i = 0; i < 30; i++)
        s.insertMessage(
          rec(message(i + 1, { serverId: `n${i}`, localId: `n${i}`, body: { type: 'txt', msg: 'ok found' } })),
        );
    });
    const people = new SqlitePeopleStorage(s.db, (fn) => s.transaction(fn), new SqliteReader(s.db), {
      window: 1_000,
      maxWindows: 2,
      maxExamined: 20,
      maxConversations: 5,
    });
    const scopes = [
      { key: KEY, afterSeq: 30 },
      { key: CAROL, afterSeq: 0 },
    ];
    const pages: string[][] = [];
    let before: string | undefined;
    for (let round = 0; round < 5; round++) {
      const r = people.searchMessages({ terms: ['ok'], scopes, limit: 5, ...(before !== undefined ? { before } : {}) });
      pages.push(r.rows.map((x) => x.message.serverId));
      if (r.resumeAt === undefined) break;
      before = r.resumeAt;
    }
    // 31 candidates, 20 a request: the hit is on the second page.
    expect(pages).toEqual([[], ['hit']]);
  });

  it('looks at a bounded window of rows per search and says where to go on', () => {
    const s = open(tempDb());
    s.transaction(() => {
      s.insertMessage(rec(message(1, { serverId: 'hit', localId: 'hit', body: { type: 'txt', msg: 'ok found' } })));
      // Newer rows in a conversation this search does not look in.
      for (let i = 0; i < 3_000; i++)
        s.insertMessage(rec(message(i + 1, { serverId: `o${i}`, localId: `o${i}`, to: 'zed' }), 'single:alice|zed'));
    });
    // A user in more conversations than the index query names (0 here): the index's matches are filtered.
    const people = new SqlitePeopleStorage(s.db, (fn) => s.transaction(fn), new SqliteReader(s.db), {
      window: 1_000,
      maxWindows: 2,
      maxExamined: 100,
      maxConversations: 0,
    });
    const scope = [{ key: KEY, afterSeq: 0 }];
    for (const terms of [['ok'], ['found']]) {
      const pages: string[][] = [];
      let before: string | undefined;
      for (let round = 0; round < 5; round++) {
        const r = people.searchMessages({
          terms,
          scopes: scope,
          limit: 5,
          ...(before !== undefined ? { before } : {}),
        });
        pages.push(r.rows.map((x) => x.message.serverId));
        if (r.resumeAt === undefined) break;
        before = r.resumeAt;
      }
      // 3,001 rows in windows of 1,000, two windows a search: the hit is on the second page.
      expect(pages, terms.join()).toEqual([[], ['hit']]);
    }
  });
});
