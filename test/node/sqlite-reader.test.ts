// The SQLite reader thread yields the CPU to the event loop: on Linux, where
// a thread has a priority of its own, it runs at READER_NICE while the main
// thread and the rest of the process keep theirs; elsewhere nothing changes.
// A read of several steps started outside a transaction never reads the
// uncommitted writes of one opened between its steps.
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { READER_NICE, SqliteReader, type ReadSteps } from '../../src/node/sqlite-reader';
import { useTempSqlite } from './support/temp-sqlite';

const { tempDb, open } = useTempSqlite('natter-sqlite-reader-');

/** Each thread of this process and its nice value (/proc/self/task/<tid>/stat, field 19). */
function threadNices(): Map<number, number> {
  const nices = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: the fields after it follow its closing parenthesis.
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    nices.set(Number(tid), Number(after[16]));
  }
  return nices;
}

describe('SQLite reader thread', () => {
  it('runs at a lower priority than the event loop, leaving the rest of the process as it was', async () => {
    const s = open(tempDb());
    if (process.platform !== 'linux') {
      // Elsewhere a priority is the whole process': the reader keeps the default.
      const before = getPriority();
      await s.conversationPageInBackground('alice', { limit: 5 }, true);
      expect(getPriority()).toBe(before);
      return;
    }
    const before = threadNices();
    await s.conversationPageInBackground('alice', { limit: 5 }, true);
    const after = threadNices();
    const started = [...after].filter(([tid]) => !before.has(tid));
    expect(READER_NICE).toBeGreaterThan(0);
    expect(started.map(([, nice]) => nice)).toContain(READER_NICE);
    // The main thread (its id is the process id) and every thread there before keep their priority.
    expect(after.get(process.pid)).toBe(before.get(process.pid));
    for (const [tid, nice] of before) if (after.has(tid)) expect(after.get(tid), `thread ${tid}`).toBe(nice);
  });
});

describe('SQLite reader: a read started outside a transaction', () => {
  /** A WAL database with one row in `t`, and a reader for it; closed after `fn`. */
  async function withReader(path: string, fn: (db: Database.Database, reader: SqliteReader) => Promise<void>) {
    const db = new Database(path);
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)');
    const reader = new SqliteReader(db);
    try {
      await fn(db, reader);
    } finally {
      if (db.inTransaction) db.exec('ROLLBACK');
      reader.stop();
      db.close();
    }
  }
  /** Two steps; between them a write transaction opens on `db` and stays open: the count the second reads. */
  function* countAfterWriterOpens(db: Database.Database, onOpen: () => void = () => {}): ReadSteps<number> {
    yield { sql: 'SELECT 1', params: [] };
    db.exec('BEGIN');
    db.exec('INSERT INTO t VALUES (2)');
    onOpen();
    const [row] = (yield { sql: 'SELECT count(*) AS n FROM t', params: [] }) as { n: number }[];
    return row!.n;
  }

  it('reads its later steps from what was committed, not from a write transaction opened meanwhile', async () => {
    await withReader(tempDb(), async (db, reader) => {
      expect(await reader.run(countAfterWriterOpens(db))).toBe(1);
      // The transaction is still open, and its row is there for the writer.
      expect(db.inTransaction).toBe(true);
      expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2 });
    });
  });

  it('without a reader thread (a database in memory), waits for the transaction to end', async () => {
    await withReader(':memory:', async (db, reader) => {
      let rolledBack = false;
      const rollBackSoon = () =>
        setTimeout(() => {
          rolledBack = true;
          db.exec('ROLLBACK');
        }, 20);
      expect(await reader.run(countAfterWriterOpens(db, rollBackSoon))).toBe(1);
      expect(rolledBack).toBe(true);
    });
  });
});
