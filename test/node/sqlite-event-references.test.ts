// The SQLite event log stores a fanned-out message once and each recipient's
// `message` event as a reference to it; reads give back exactly the events
// that were appended (the message as sent, even after a recall), and a
// database written by schema version 1 (one JSON row per event) is migrated.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { useTempSqlite } from './support/temp-sqlite';
import type { SqliteStorage } from '../../src/node/sqlite-storage';
import { MIGRATIONS, migrate } from '../../src/node/sqlite-migrations';
import type { ChatEvent } from '../../src/protocol/frames';
import { KEY, message, rec } from './storage-contract';

const { tempDb, open } = useTempSqlite('natter-sqlite-refs-');
const rowsOf = (s: SqliteStorage) =>
  s.db
    .prepare('SELECT user, pos, msg IS NOT NULL AS ref, json IS NOT NULL AS inline FROM events ORDER BY user, pos')
    .all() as { user: string; pos: number; ref: number; inline: number }[];

describe('SqliteStorage event log with message references', () => {
  it('stores each recipient’s message event as a reference and reads back the same events', () => {
    const s = open(tempDb());
    const m = message(1);
    const json = JSON.stringify(m);
    const events: Record<string, ChatEvent> = {
      alice: { type: 'message', message: m, conversation: 'single:bob', unread: 0 },
      bob: { type: 'message', message: m, conversation: 'single:alice', unread: 3 },
    };
    s.transaction(() => {
      s.insertMessage(rec(m), json);
      for (const [user, e] of Object.entries(events)) s.appendEvent(user, e, 50, JSON.stringify(e));
      s.appendEvent('bob', { type: 'blocklist', blocked: ['x'] }, 51);
    });
    expect(rowsOf(s)).toEqual([
      { user: 'alice', pos: 1, ref: 1, inline: 0 },
      { user: 'bob', pos: 1, ref: 1, inline: 0 },
      { user: 'bob', pos: 2, ref: 0, inline: 1 },
    ]);
    expect(s.readEvents('alice', 0, 10)).toEqual([{ pos: 1, at: 50, event: events.alice }]);
    expect(s.readEvents('bob', 0, 10)).toEqual([
      { pos: 1, at: 50, event: events.bob },
      { pos: 2, at: 51, event: { type: 'blocklist', blocked: ['x'] } },
    ]);
    // The row written from the core's JSON is the same record a plain insert makes.
    expect(s.getMessage(m.serverId)).toEqual(rec(m));
  });

  it('replays a recalled message as it was sent (the recall is its own later event)', () => {
    const path = tempDb();
    const s = open(path);
    const m = message(1);
    s.transaction(() => {
      s.insertMessage(rec(m), JSON.stringify(m));
      s.appendEvent('bob', { type: 'message', message: m, conversation: 'single:alice', unread: 1 }, 5);
    });
    s.updateMessage({ ...m, body: { type: 'txt', msg: '' }, recalled: true } as typeof m);
    s.updateMessage({ ...m, body: { type: 'txt', msg: 'second edit' } });
    expect(s.getMessage(m.serverId)?.message.body).toEqual({ type: 'txt', msg: 'second edit' });
    s.close();
    const again = open(path);
    expect(again.readEvents('bob', 0, 10).map((r) => r.event)).toEqual([
      { type: 'message', message: m, conversation: 'single:alice', unread: 1 },
    ]);
  });

  it('stores a message event inline when it is not the stored message object or has another shape', () => {
    const s = open(tempDb());
    const m = message(1);
    const copy: ChatEvent = { type: 'message', message: { ...m }, conversation: 'single:alice', unread: 0 };
    const odd = { type: 'message', message: m, conversation: 'single:someone-else', unread: 0 } as ChatEvent;
    s.transaction(() => {
      s.insertMessage(rec(m));
      s.appendEvent('bob', copy, 1);
      s.appendEvent('bob', odd, 2);
    });
    expect(rowsOf(s).map((r) => r.inline)).toEqual([1, 1]);
    expect(s.readEvents('bob', 0, 10).map((r) => r.event)).toEqual([copy, odd]);
  });

  it('forgets references made in a transaction that rolled back', () => {
    const s = open(tempDb());
    const m = message(1);
    expect(() =>
      s.transaction(() => {
        s.insertMessage(rec(m));
        throw new Error('abort');
      }),
    ).toThrow('abort');
    // Same object appended later: its row is gone, so the event must not name it.
    s.appendEvent('bob', { type: 'message', message: m, conversation: 'single:alice', unread: 0 }, 3);
    expect(rowsOf(s).map((r) => r.inline)).toEqual([1]);
  });

  it('prunes by age without a time index: each user’s old prefix goes, positions are never reused', () => {
    const path = tempDb();
    const s = open(path);
    const evt: ChatEvent = { type: 'blocklist', blocked: [] };
    const users = ['ann', 'bob', 'cy', 'dee'];
    for (let t = 1; t <= 5; t++)
      for (const [i, u] of users.entries()) if (i !== 3 || t <= 2) s.appendEvent(u, evt, t * 10 + i);
    expect(s.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'").all()).toEqual(
      [],
    );
    s.pruneEventsBefore(31);
    expect(users.map((u) => [s.firstEventPosition(u), s.lastEventPosition(u)])).toEqual([
      [4, 5], // ann: 10, 20, 30 dropped
      [3, 5], // bob: 11, 21 dropped; 31 kept
      [3, 5],
      [3, 2], // dee: all (12, 22) dropped
    ]);
    s.close();
    const again = open(path);
    expect(users.map((u) => again.appendEvent(u, evt, 100))).toEqual([6, 6, 6, 3]);
    expect(again.readEvents('ann', 0, 10).map((r) => r.pos)).toEqual([4, 5, 6]);
  });

  it('migrates a schema-1 database: messages and JSON events kept, new events referenced', () => {
    const path = tempDb();
    const old = new Database(path);
    migrate(old, MIGRATIONS.slice(0, 1));
    const m1 = message(1);
    old
      .prepare(
        'INSERT INTO messages (server_id, key, seq, from_user, local_id, excluded, json) VALUES (?, ?, ?, ?, ?, 0, ?)',
      )
      .run(m1.serverId, KEY, 1, 'alice', m1.localId, JSON.stringify(rec(m1)));
    old.prepare('INSERT INTO seqs (key, last) VALUES (?, 1)').run(KEY);
    const e1: ChatEvent = { type: 'message', message: m1, conversation: 'single:alice', unread: 1 };
    old.prepare('INSERT INTO events (user, pos, at, json) VALUES (?, ?, ?, ?)').run('bob', 1, 10, JSON.stringify(e1));
    old.close();

    const s = open(path);
    expect(s.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(s.getMessage(m1.serverId)).toEqual(rec(m1));
    expect(s.getMessageByLocalId('alice', m1.localId)?.message.seq).toBe(1);
    const m2 = message(s.nextSeq(KEY));
    const e2: ChatEvent = { type: 'message', message: m2, conversation: 'single:alice', unread: 2 };
    s.transaction(() => {
      s.insertMessage(rec(m2), JSON.stringify(m2));
      expect(s.appendEvent('bob', e2, 20)).toBe(2);
    });
    expect(rowsOf(s).map((r) => [r.pos, r.ref])).toEqual([
      [1, 0],
      [2, 1],
    ]);
    expect(s.readEvents('bob', 0, 10).map((r) => r.event)).toEqual([e1, e2]);
    expect(s.listMessages(KEY, { limit: 10 }).map((m) => m.seq)).toEqual([2, 1]);
  });
});
