// Owns "one server per database": a lock held for as long as a server has its
// database open. The database itself runs in shared WAL mode so that a
// checkpoint thread can open it too, so the lock lives beside it, in a tiny
// SQLite file held with an exclusive lock (SQLite's own file locking: released
// when the holder closes it or its process dies, kill -9 included).
import Database from 'better-sqlite3';

export interface OwnerLock {
  release(): void;
}

/** Takes the lock for `dbPath`, or throws a clear error when another server holds it. */
export function takeOwnerLock(dbPath: string): OwnerLock {
  const lock = new Database(`${dbPath}-lock`, { timeout: 500 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    // Nothing is ever written to it: no journal file beside it.
    lock.pragma('journal_mode = MEMORY');
    // BEGIN EXCLUSIVE takes the file's exclusive lock; in exclusive locking mode it is kept after COMMIT.
    lock.exec('BEGIN EXCLUSIVE; COMMIT;');
  } catch (e) {
    lock.close();
    if ((e as { code?: string }).code === 'SQLITE_BUSY') {
      throw new Error(`database ${dbPath} is in use by another process (is another natter serve running on it?)`);
    }
    throw e;
  }
  return {
    release() {
      if (lock.open) lock.close();
    },
  };
}
