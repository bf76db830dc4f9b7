// Owns PgStorage's queries for thread read positions (thread-read-storage.ts):
// one row per (root, user) in `thread_reads`, raised with GREATEST in one
// statement, so two nodes marking the same thread at once end at the higher.
import type { UserId } from '../protocol/message';
import type { ThreadReadRecord } from '../server/thread-read-storage';
import type { PgRows } from './pg-people-storage';

export async function pgGetThreadRead(rows: PgRows, user: UserId, root: string): Promise<number | null> {
  const [row] = await rows<{ read_seq: string }>('SELECT read_seq FROM thread_reads WHERE root = $1 AND user_id = $2', [
    root,
    user,
  ]);
  return row ? Number(row.read_seq) : null;
}

export async function pgRaiseThreadRead(rows: PgRows, user: UserId, root: string, readSeq: number): Promise<void> {
  await rows(
    `INSERT INTO thread_reads (root, user_id, read_seq) VALUES ($1, $2, $3)
     ON CONFLICT (root, user_id) DO UPDATE SET read_seq = GREATEST(thread_reads.read_seq, excluded.read_seq)`,
    [root, user, readSeq],
  );
}

export async function pgListThreadReads(rows: PgRows, root: string): Promise<ThreadReadRecord[]> {
  const list = await rows<{ user_id: string; read_seq: string }>(
    'SELECT user_id, read_seq FROM thread_reads WHERE root = $1 ORDER BY user_id COLLATE "C"',
    [root],
  );
  return list.map((r) => ({ user: r.user_id, root, readSeq: Number(r.read_seq) }));
}
