// Test support: SqliteStorage instances on databases in fresh temporary
// directories, closed and removed after each test of the file that uses it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { SqliteStorage } from '../../../src/node/sqlite-storage';

export interface TempSqlite {
  /** A path for a new database in its own temporary directory. */
  tempDb(): string;
  /** Opens (or reopens) the database at `path`; closed after the test. */
  open(path: string, synchronous?: 'NORMAL' | 'FULL'): SqliteStorage;
}

/** Call at a test file's top level: registers the clean-up with afterEach. */
export function useTempSqlite(prefix: string): TempSqlite {
  const opened: SqliteStorage[] = [];
  const dirs: string[] = [];
  afterEach(() => {
    for (const s of opened.splice(0)) s.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return {
    tempDb() {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return join(dir, 'natter.sqlite');
    },
    open(path, synchronous) {
      const s = new SqliteStorage(synchronous ? { path, synchronous } : { path });
      opened.push(s);
      return s;
    },
  };
}
