// Owns the Node host's SQLite file as a whole: opening it (the owner lock, one
// server per file; WAL with the chosen durability, the page cache, the search
// function, the schema migration; a refused database is left closed and
// unlocked), transactions, and closing it. Checkpoints run off the main thread
// (sqlite-checkpointer.ts), never inside a commit.
import Database from 'better-sqlite3';
import { startCheckpointer, type Checkpointer } from './sqlite-checkpointer';
import { migrate } from './sqlite-migrations';
import { takeOwnerLock, type OwnerLock } from './sqlite-owner-lock';
import { registerSearchWords } from './sqlite-people-storage';

export interface SqliteStorageOptions {
  /** Database file; ':memory:' for a throwaway one. */
  path: string;
  /** 'NORMAL' (default) survives crashes of the process; 'FULL' also survives power loss. */
  synchronous?: 'NORMAL' | 'FULL';
  /**
   * Hold an exclusive lock on the database for as long as it is open (default true): the core keeps
   * sessions and timers in memory, so a second server on the same file would split them. Off lets
   * other processes read the file while the server runs.
   */
  exclusive?: boolean;
}

/** What the storage keeps in memory around a transaction (seq counters, event positions). */
export interface TransactionHooks {
  /** Writes what was held back until the end of the transaction, inside it. */
  beforeCommit(): void;
  /** Forgets what the rolled-back transaction cached. */
  afterRollback(): void;
}

export class SqliteDatabase {
  readonly db: Database.Database;
  /** Nobody else writes this file (owner lock held): caches of what is stored stay true. */
  readonly exclusive: boolean;
  /** Held while open when `exclusive` (one server per database file). */
  private readonly lock: OwnerLock | null;
  private readonly checkpointer: Checkpointer;
  /** One wrapper made once: better-sqlite3 builds several functions per `db.transaction` call. */
  private readonly runInTransaction: (fn: () => unknown) => unknown;

  constructor(
    options: SqliteStorageOptions,
    private readonly hooks: TransactionHooks,
  ) {
    const opened = openSqliteDatabase(options);
    this.db = opened.db;
    this.lock = opened.lock;
    this.exclusive = opened.exclusive;
    this.runInTransaction = this.db.transaction((fn: () => unknown) => {
      const result = fn();
      this.hooks.beforeCommit();
      return result;
    });
    this.checkpointer = startCheckpointer(this.db, options.path, opened.synchronous, !opened.inMemory);
  }

  transaction<T>(fn: () => T): T {
    // Nested calls join the outer transaction rather than opening a savepoint.
    if (this.db.inTransaction) return fn();
    try {
      return this.runInTransaction(fn) as T;
    } catch (e) {
      this.hooks.afterRollback();
      throw e;
    }
  }

  begin(): void {
    this.db.exec('BEGIN');
  }

  commit(): void {
    this.hooks.beforeCommit();
    this.db.exec('COMMIT');
  }

  rollback(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.hooks.afterRollback();
  }

  /** Flushes the WAL into the main file and closes the database. */
  close(): void {
    this.checkpointer.stop();
    if (this.db.open) {
      // Busy when the checkpoint thread is mid-way (it is being stopped): the WAL then stays, durable.
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.close();
    }
    this.lock?.release();
  }
}

/** SQLite page cache per database (KiB). */
const PAGE_CACHE_KIB = 64 * 1024;

function openSqliteDatabase(options: SqliteStorageOptions) {
  const exclusive = options.exclusive ?? true;
  const inMemory = options.path === ':memory:' || options.path === '';
  const lock = exclusive && !inMemory ? takeOwnerLock(options.path) : null;
  const synchronous: 'NORMAL' | 'FULL' = options.synchronous === 'FULL' ? 'FULL' : 'NORMAL';
  let db: Database.Database | undefined;
  try {
    db = new Database(options.path, { timeout: 5000 });
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma('foreign_keys = ON');
    // Every send touches one event-log page per recipient, spread over all users' logs: with
    // SQLite's default 2 MiB page cache those pages are re-read from the OS on every commit.
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    registerSearchWords(db);
    migrate(db);
  } catch (e) {
    // A refused database (e.g. a newer schema) is left closed and unlocked.
    db?.close();
    lock?.release();
    throw e;
  }
  // A checkpoint copies the WAL into the database file and syncs it; made inside a commit it
  // stalls every send queued behind it, so commits never checkpoint: a worker thread does.
  db.pragma('wal_autocheckpoint = 0');
  // A restarted WAL file is cut back to 64 MiB rather than kept at its largest size.
  db.pragma('journal_size_limit = 67108864');
  return { db, lock, exclusive, inMemory, synchronous };
}
