// WAL checkpoints of the Node host's database run on a thread of their own:
// what commits appended to the WAL reaches the database file while the main
// thread is busy (its timers cannot run then).
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startCheckpointer } from '../../src/node/sqlite-checkpointer';
import { useTempSqlite } from './support/temp-sqlite';

const { tempDb } = useTempSqlite('natter-checkpointer-');

/** The WAL header's first salt, which SQLite changes each time it restarts the WAL from its start. */
function walSalt(path: string): number {
  const fd = openSync(`${path}-wal`, 'r');
  try {
    const header = Buffer.alloc(32);
    readSync(fd, header, 0, 32, 0);
    return header.readUInt32BE(16);
  } finally {
    closeSync(fd);
  }
}

/** A WAL database at `path` that never checkpoints by itself, with one table `t` and its insert. */
function walDatabase(path: string) {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE t (x TEXT)');
  return { db, insert: db.prepare('INSERT INTO t (x) VALUES (?)') };
}

/** Blocks this thread for `ms` (no timer or callback of it runs meanwhile). */
const block = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

describe('SQLite checkpointer', () => {
  it('copies committed WAL frames into the database file from its own thread', () => {
    const path = tempDb();
    const { db, insert } = walDatabase(path);
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`row ${i} `.repeat(20));
    })();
    const before = statSync(path).size;
    const checkpointer = startCheckpointer(db, path, 'NORMAL', true);
    try {
      // Bounded: the thread checkpoints once a second.
      for (let waited = 0; statSync(path).size === before && waited < 10_000; waited += 100) block(100);
      expect(statSync(path).size).toBeGreaterThan(before);
      expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2000 });
    } finally {
      checkpointer.stop();
      db.close();
    }
  });

  it('restarts the WAL while a writer commits without a pause, once the WAL passes its restart length', async () => {
    const path = tempDb();
    const { db, insert } = walDatabase(path);
    const commit = db.transaction((from: number) => {
      for (let i = from; i < from + 4; i++) insert.run(`row ${i} `.repeat(300));
    });
    const timing = { intervalMs: 200, fastIntervalMs: 20, restartFrames: 64 };
    const checkpointer = startCheckpointer(db, path, 'NORMAL', true, timing);
    let rows = 0;
    const salts = new Set<number>();
    try {
      // Bounded: a commit each turn of the event loop (the worker's reports are heard between them).
      const until = Date.now() + 15_000;
      while (salts.size < 4 && Date.now() < until) {
        commit(rows);
        rows += 4;
        salts.add(walSalt(path));
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(salts.size).toBe(4);
      expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: rows });
    } finally {
      checkpointer.stop();
      db.close();
    }
  });
});
