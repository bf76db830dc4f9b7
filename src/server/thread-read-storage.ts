// Owns the storage contract of thread read positions: how far each user has
// read in each thread they follow (the thread's own seqs). A user follows a
// thread once they wrote its root, replied in it or marked it read. The
// unread count is never stored: it is counted from the thread's replies
// (`countUnread` on the thread's key), so it cannot drift. `Storage` extends
// this, so every implementation (memory, SQLite, PostgreSQL) keeps it.
import type { UserId } from '../protocol/message';

/** One user's read position in the thread of one root message. */
export interface ThreadReadRecord {
  user: UserId;
  /** serverId of the thread's root message. */
  root: string;
  /** Every reply of the thread up to this thread seq is read (0: none yet). */
  readSeq: number;
}

/** Thread read positions, in the synchronous form of StorageOps (`Storage` offers each as a Promise). */
export interface ThreadReadStorage {
  /** The user's read position in the thread, or null when the user does not follow it. */
  getThreadRead(user: UserId, root: string): number | null;
  /**
   * Follows the thread at `readSeq`, or raises the position to it; never lowers it (two devices
   * marking at once end at the higher). Index (root, user).
   */
  raiseThreadRead(user: UserId, root: string, readSeq: number): void;
  /** Everyone following the thread, by user id ascending. */
  listThreadReads(root: string): ThreadReadRecord[];
}
