// SqliteStorage keeps the server's Storage contract (the same expectations as
// MemoryStorage), survives reopening, and migrates by user_version.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { useTempSqlite } from './support/temp-sqlite';
import { MemoryStorage } from '../../src/server/memory-storage';
import { asyncStorage } from '../../src/server/sync-storage-adapter';
import { SqliteStorage } from '../../src/node/sqlite-storage';
import { MIGRATIONS } from '../../src/node/sqlite-migrations';
import { describeStorageContract, group, invitation, KEY, message, rec } from './storage-contract';

const { tempDb, open } = useTempSqlite('natter-sqlite-');

describeStorageContract('MemoryStorage', () => asyncStorage(new MemoryStorage()));
describeStorageContract('SqliteStorage', () => asyncStorage(open(tempDb())));

describe('SqliteStorage on disk', () => {
  it('keeps everything the core stores across a close and reopen', () => {
    const path = tempDb();
    const a = open(path);
    a.transaction(() => {
      a.insertMessage(rec(message(a.nextSeq(KEY))));
      a.putConversationState({
        user: 'bob',
        key: KEY,
        id: 'single:alice',
        type: 'single',
        target: 'alice',
        readSeq: 0,
        unread: 1,
        clearedSeq: 0,
        hidden: false,
        lastServerId: 's1-alice-bob',
        updatedAt: 7,
      });
      a.appendEvent('bob', { type: 'blocklist', blocked: [] }, 7);
    });
    a.addReceipt('s1-alice-bob', 'bob', 'delivered', 8);
    a.putGroup(group('g', ['alice', 'bob']));
    a.putRoom({ roomId: 'r', name: 'r', owner: 'alice', members: [], keepHistory: false, createdAt: 1 });
    a.setBlocklist('bob', ['mallory']);
    a.putInvitation(invitation('inv', { deadline: 99 }));
    a.putFile({
      fileId: 'f1',
      owner: 'alice',
      createdAt: 1,
      file: { fileId: 'f1', url: '/files/f1', name: 'x.txt', size: 1, mime: 'text/plain' },
    });
    a.close();

    const b = open(path);
    expect(b.getMessageByLocalId('alice', 'l1-bob')?.message.seq).toBe(1);
    expect(b.nextSeq(KEY)).toBe(2);
    expect(b.listConversationStates('bob')[0]?.unread).toBe(1);
    expect(b.readEvents('bob', 0, 10).map((e) => e.pos)).toEqual([1]);
    expect(b.listReceipts('s1-alice-bob', 'delivered')).toEqual(['bob']);
    expect(b.listGroupsOf('bob').map((g) => g.groupId)).toEqual(['g']);
    expect(b.listRooms().map((r) => r.roomId)).toEqual(['r']);
    expect(b.getBlocklist('bob')).toEqual(['mallory']);
    expect(b.listDueInvitations(100, 10).map((i) => i.inviteId)).toEqual(['inv']);
    expect(b.getFile('f1')?.file.name).toBe('x.txt');
  });

  it('never reuses event positions, even when every event was pruned before a reopen', () => {
    const path = tempDb();
    const a = open(path);
    const evt = { type: 'blocklist' as const, blocked: [] };
    for (let i = 1; i <= 3; i++) a.appendEvent('alice', evt, i * 10);
    a.appendEvent('bob', evt, 10);
    a.pruneEvents('alice', 3);
    a.pruneEventsBefore(100);
    a.close();
    const b = open(path);
    expect([b.lastEventPosition('alice'), b.firstEventPosition('alice'), b.lastEventPosition('bob')]).toEqual([
      3, 4, 1,
    ]);
    expect([b.appendEvent('alice', evt, 200), b.appendEvent('bob', evt, 200)]).toEqual([4, 2]);
  });

  it('prunes by age the users of one page in user order and names the last, so the next page goes on from it', () => {
    const s = open(tempDb());
    const evt = { type: 'blocklist' as const, blocked: [] };
    for (const user of ['carol', 'alice', 'dave', 'bob']) {
      s.appendEvent(user, evt, 10);
      s.appendEvent(user, evt, 50);
    }
    const first = (user: string) => s.firstEventPosition(user);
    expect(s.pruneEventsBefore(30, null, 2)).toBe('bob');
    expect(['alice', 'bob', 'carol', 'dave'].map(first)).toEqual([2, 2, 1, 1]);
    expect(s.pruneEventsBefore(30, 'bob', 2)).toBeNull();
    expect(['alice', 'bob', 'carol', 'dave'].map(first)).toEqual([2, 2, 2, 2]);
  });

  it('keeps conversation seqs handed out in committed transactions only, across a reopen', () => {
    const path = tempDb();
    const a = open(path);
    a.transaction(() => {
      expect([a.nextSeq(KEY), a.nextSeq(KEY), a.nextSeq('group:g')]).toEqual([1, 2, 1]);
    });
    expect(() =>
      a.transaction(() => {
        expect(a.nextSeq(KEY)).toBe(3);
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(a.lastSeq(KEY)).toBe(2);
    expect(a.nextSeq(KEY)).toBe(3); // outside a transaction: written at once
    a.close();
    const b = open(path);
    expect([b.lastSeq(KEY), b.lastSeq('group:g'), b.nextSeq(KEY)]).toEqual([3, 1, 4]);
  });

  it('runs in WAL mode with the synchronous level asked for, at the latest schema version', () => {
    const s = open(tempDb(), 'FULL');
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(s.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const n = open(tempDb());
    expect(n.db.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('refuses to open a database another storage holds, until that one closes', () => {
    const path = tempDb();
    const first = open(path);
    expect(() => new SqliteStorage({ path })).toThrow(/in use by another process/);
    first.close();
    expect(open(path).lastSeq(KEY)).toBe(0);
  });

  it('refuses a database written by a newer schema', () => {
    const path = tempDb();
    const raw = new Database(path);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => new SqliteStorage({ path })).toThrow(/newer/);
  });
});
