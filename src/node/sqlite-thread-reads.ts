// Owns SqliteStorage's thread read positions (thread-read-storage.ts): one
// row per (root, user) in `thread_reads`, raised in place, never lowered.
import type Database from 'better-sqlite3';
import type { UserId } from '../protocol/message';
import type { ThreadReadRecord, ThreadReadStorage } from '../server/thread-read-storage';

export class SqliteThreadReads implements ThreadReadStorage {
  private readonly get: Database.Statement;
  private readonly raise: Database.Statement;
  private readonly list: Database.Statement;

  constructor(db: Database.Database) {
    this.get = db.prepare('SELECT read_seq AS seq FROM thread_reads WHERE root = ? AND user = ?');
    this.raise = db.prepare(
      'INSERT INTO thread_reads (root, user, read_seq) VALUES (?, ?, ?) ON CONFLICT (root, user) DO UPDATE SET read_seq = max(read_seq, excluded.read_seq)',
    );
    this.list = db.prepare('SELECT user, read_seq AS seq FROM thread_reads WHERE root = ? ORDER BY user');
  }

  getThreadRead(user: UserId, root: string): number | null {
    const row = this.get.get(root, user) as { seq: number } | undefined;
    return row ? row.seq : null;
  }

  raiseThreadRead(user: UserId, root: string, readSeq: number): void {
    this.raise.run(root, user, readSeq);
  }

  listThreadReads(root: string): ThreadReadRecord[] {
    return (this.list.all(root) as { user: UserId; seq: number }[]).map((r) => ({
      user: r.user,
      root,
      readSeq: r.seq,
    }));
  }
}
