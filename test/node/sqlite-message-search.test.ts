// What only SQLite's message search has: a partly typed word is looked up in
// the list of indexed words (migration 13; kept by the indexer and, for edits,
// by the trigger) and searched as the whole words it starts, with the index's
// own prefix query past 64 of them or for long words; and searches from the
// core read on a reader thread with its own connection, which sees what was
// committed, is not held up by another writer's open transaction, and stops
// with the storage; inside the writer's own transaction a search reads on the
// writer's connection (what it indexes there is not committed yet).
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { MIGRATIONS, migrate } from '../../src/node/sqlite-migrations';
import { registerSearchWords } from '../../src/node/sqlite-people-storage';
import { SqliteStorage } from '../../src/node/sqlite-storage';
import type { Message } from '../../src/protocol/message';
import { queryTerms } from '../../src/server/search-text';
import { asyncStorage } from '../../src/server/sync-storage-adapter';
import { KEY, message, rec } from './storage-contract';
import { useTempSqlite } from './support/temp-sqlite';

const { tempDb, open } = useTempSqlite('natter-message-search-');

const text = (seq: number, msg: string): Message =>
  message(seq, { serverId: `m${seq}`, localId: `l${seq}`, body: { type: 'txt', msg } });
const query = (q: string, limit = 50) => ({ terms: queryTerms(q), scopes: [{ key: KEY, afterSeq: 0 }], limit });
const texts = (rows: Array<{ message: Message }>) =>
  rows.map((r) => (r.message.body.type === 'txt' ? r.message.body.msg : r.message.body.type));
const found = (s: SqliteStorage, q: string) => texts(s.searchMessages(query(q)).rows);
const listed = (s: SqliteStorage): string[] =>
  (s.db.prepare('SELECT word FROM message_word_list ORDER BY word').all() as Array<{ word: string }>).map(
    (r) => r.word,
  );

describe('SQLite search: a partly typed word by the list of indexed words', () => {
  it('finds whole words by their start in Chinese, emoji and mixed text', () => {
    const s = open(tempDb());
    s.transaction(() => {
      s.insertMessage(rec(text(1, 'React组件库natter很好用')));
      s.insertMessage(rec(text(2, '生日快乐🎂🎉 Party tonight')));
      s.insertMessage(rec(text(3, 'deadlines and the deadline')));
      s.insertMessage(rec(text(4, '👍🏽 ok')));
    });
    expect(found(s, 'dead')).toEqual(['deadlines and the deadline']);
    expect(found(s, 'reac')).toEqual(['React组件库natter很好用']);
    expect(found(s, '组件库nat')).toEqual(['React组件库natter很好用']);
    expect(found(s, '组')).toEqual(['React组件库natter很好用']);
    expect(found(s, '快乐🎂 par')).toEqual(['生日快乐🎂🎉 Party tonight']);
    expect(found(s, '👍🏽')).toEqual(['👍🏽 ok']);
    expect(found(s, 'partyx')).toEqual([]);
    expect(listed(s)).toEqual(
      expect.arrayContaining(['deadline', 'deadlines', 'react', '组件', '件库', 'natter', '🎂']),
    );
  });

  it('finds a word only an edit brought in, and by the index prefix past 64 words or in long words', () => {
    const s = open(tempDb());
    const long = `x${'y'.repeat(80)}z`;
    s.transaction(() => {
      s.insertMessage(rec(text(1, 'first draft')));
      for (let i = 0; i < 70; i++) s.insertMessage(rec(text(i + 2, `word${i}`)));
      s.insertMessage(rec(text(80, `a ${long} b`)));
    });
    expect(found(s, 'draft')).toEqual(['first draft']);
    // The row is indexed now: the edit's words reach the list through the trigger.
    s.transaction(() => s.updateMessage(text(1, 'final wording')));
    expect(found(s, 'fin')).toEqual(['final wording']);
    expect(found(s, 'draf')).toEqual([]);
    const words = found(s, 'word');
    expect(words).toHaveLength(50);
    expect(words[0]).toBe('word69');
    expect(found(s, `x${'y'.repeat(70)}`)).toEqual([`a ${long} b`]);
    expect(found(s, `x${'y'.repeat(40)}`)).toEqual([`a ${long} b`]);
  });

  it('lists the words a database indexed before the migration that added the list', () => {
    const path = tempDb();
    const db = new Database(path);
    registerSearchWords(db);
    migrate(db, MIGRATIONS.slice(0, 12));
    db.prepare(
      'INSERT INTO messages (server_id, key, seq, from_user, local_id, excluded, json) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run('m1', KEY, 1, 'alice', 'l1', 0, JSON.stringify(rec(text(1, 'quarterly 报告 🎉'))));
    db.prepare(
      `INSERT INTO message_words (rowid, words, conv) SELECT id, natter_search_words(json_extract(json, '$.message.body.msg')), key FROM messages`,
    ).run();
    db.prepare('UPDATE message_words_head SET upto = 1').run();
    db.close();
    const s = open(path);
    expect(listed(s)).toEqual(['quarterly', '告', '报告', '🎉'].sort());
    expect(found(s, 'quart')).toEqual(['quarterly 报告 🎉']);
  });
});

describe('SQLite search on the reader thread', () => {
  it('finds what searchMessages finds, including a message committed just before', async () => {
    const s = open(tempDb());
    s.transaction(() => {
      for (let i = 1; i <= 30; i++) s.insertMessage(rec(text(i, i % 2 ? `会议 notes ${i}` : `lunch 🍜 ${i}`)));
    });
    for (const q of ['会议', 'not', '🍜', 'lunch 🍜', 'nothing']) {
      expect(texts((await s.searchInBackground(query(q, 5))).rows), q).toEqual(found(s, q).slice(0, 5));
    }
    s.transaction(() => s.insertMessage(rec(text(31, 'fresh news'))));
    expect(texts((await s.searchInBackground(query('fresh'))).rows)).toEqual(['fresh news']);
  });

  it('does not wait for the writer: answers from what was committed while a write is under way', async () => {
    const path = tempDb();
    const s = open(path);
    s.transaction(() => s.insertMessage(rec(text(1, 'kept report'))));
    expect(texts((await s.searchInBackground(query('report'))).rows)).toEqual(['kept report']);
    // Another writer on the file holds its write transaction open (uncommitted row) meanwhile.
    const other = new Database(path);
    registerSearchWords(other);
    other.exec('BEGIN IMMEDIATE');
    other
      .prepare(
        'INSERT INTO messages (server_id, key, seq, from_user, local_id, excluded, json) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run('m2', KEY, 2, 'alice', 'l2', 0, JSON.stringify(rec(text(2, 'pending report'))));
    try {
      expect(texts((await s.searchInBackground(query('report'))).rows)).toEqual(['kept report']);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  it("reads inside a transaction of the writer on its connection, and is what the core's storage searches with", async () => {
    const s = open(tempDb());
    const background = vi.spyOn(s, 'searchInBackground');
    const storage = asyncStorage(s);
    s.transaction(() => s.insertMessage(rec(text(1, 'kept report'))));
    expect(texts((await storage.searchMessages(query('report'))).rows)).toEqual(['kept report']);
    expect(background).toHaveBeenCalledTimes(1);
    s.begin();
    s.insertMessage(rec(text(2, 'pending report')));
    expect(texts((await s.searchInBackground(query('report'))).rows)).toEqual(['pending report', 'kept report']);
    s.rollback();
    expect(texts((await s.searchInBackground(query('report'))).rows)).toEqual(['kept report']);
  });

  it('searches a database in memory on its own connection', async () => {
    const s = new SqliteStorage({ path: ':memory:' });
    try {
      s.insertMessage(rec(text(1, 'in memory')));
      expect(texts((await s.searchInBackground(query('mem'))).rows)).toEqual(['in memory']);
    } finally {
      s.close();
    }
  });

  it('refuses a search still pending when the storage closes', async () => {
    const s = new SqliteStorage({ path: tempDb() });
    s.insertMessage(rec(text(1, 'closing time')));
    const pending = s.searchInBackground(query('closing'));
    s.close();
    await expect(pending).rejects.toThrow('the storage is closing');
  });
});
