// The SQLite conversation list: a database written before the list was paged
// (schema 3, conversation states as JSON only) is migrated so that its pages
// leave deleted conversations out and its unread total is the states' sum; one
// written before schema 15 gets how far each conversation was cleared.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { useTempSqlite } from './support/temp-sqlite';
import { MIGRATIONS, migrate } from '../../src/node/sqlite-migrations';
import { registerSearchWords } from '../../src/node/sqlite-people-storage';
import type { ConversationStateRecord } from '../../src/server/storage';
import { groupState } from './storage-contract';

const { tempDb, open } = useTempSqlite('natter-sqlite-list-');

const state = (target: string, updatedAt: number, unread: number, hidden: boolean): ConversationStateRecord =>
  groupState(target, { updatedAt, unread, hidden });

describe('SqliteStorage conversation list', () => {
  it('migrates schema-3 conversation states into the paged list and its unread total', () => {
    const path = tempDb();
    const old = new Database(path);
    migrate(old, MIGRATIONS.slice(0, 3));
    const insert = old.prepare('INSERT INTO conversation_states (user, key, updated_at, json) VALUES (?, ?, ?, ?)');
    for (const s of [state('a', 3, 2, false), state('b', 9, 5, true), state('c', 6, 1, false)])
      insert.run(s.user, s.key, s.updatedAt, JSON.stringify(s));
    old.close();

    const s = open(path);
    expect(s.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(s.listConversationPage('alice', { limit: 10 }).map((c) => c.target)).toEqual(['c', 'a']);
    expect(s.unreadTotal('alice')).toBe(3);
    s.putConversationState(state('b', 12, 4, false));
    expect(s.listConversationPage('alice', { limit: 1 }).map((c) => c.target)).toEqual(['b']);
    expect(s.unreadTotal('alice')).toBe(7);
  });

  it('migrates how far each conversation was cleared from states written before the column', () => {
    const path = tempDb();
    const old = new Database(path);
    registerSearchWords(old);
    migrate(old, MIGRATIONS.slice(0, 14));
    const insert = old.prepare(
      'INSERT INTO conversation_states (user, key, updated_at, hidden, unread, json) VALUES (?, ?, ?, 0, 0, ?)',
    );
    for (const [target, clearedSeq] of [
      ['a', 0],
      ['b', 9],
    ] as const) {
      const s = { ...state(target, 1, 0, false), clearedSeq };
      insert.run(s.user, s.key, s.updatedAt, JSON.stringify(s));
    }
    old.close();

    const s = open(path);
    expect(s.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(s.listClearedHistories('alice')).toEqual([{ key: 'group:b', clearedSeq: 9 }]);
  });
});
