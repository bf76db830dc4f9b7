// Owns PgStorage's queries over the per-user event log: positions come from a
// counter row per user (event_heads), raised for a whole batch in the statement
// that inserts it, so a position is handed out once however many nodes append.
import type { ChatEvent } from '../protocol/frames';
import type { UserId } from '../protocol/message';
import type { EventAppend, EventRecord } from '../server/storage';
import type { PgRows } from './pg-people-storage';

/**
 * Inserts the entries and returns their positions, in one statement: the heads are raised and the
 * rows take positions from what the raise returns (one round trip, not one for each). Atomic on its
 * own; in a transaction the heads stay locked until it ends.
 */
export async function pgInsertEvents(rows: PgRows, entries: readonly EventAppend[], at: number): Promise<number[]> {
  const counts = new Map<UserId, number>();
  // Each entry's place among its user's entries, from 1.
  const nth: number[] = [];
  for (const e of entries) {
    const n = (counts.get(e.user) ?? 0) + 1;
    counts.set(e.user, n);
    nth.push(n);
  }
  // Its position is the raised head less this (0 for the user's last entry).
  const fromHead = entries.map((e, i) => counts.get(e.user)! - nth[i]!);
  const users = [...counts.keys()].sort();
  // Heads locked in user order (two commits to overlapping users do not deadlock).
  const heads = await rows<{ user_id: string; last_pos: string }>(
    `WITH raised AS (
       INSERT INTO event_heads (user_id, last_pos) SELECT u, n FROM unnest($1::text[], $2::bigint[]) AS t(u, n) ORDER BY u
       ON CONFLICT (user_id) DO UPDATE SET last_pos = event_heads.last_pos + excluded.last_pos RETURNING user_id, last_pos
     ), inserted AS (
       INSERT INTO events (user_id, pos, at, json)
       SELECT e.u, raised.last_pos - e.k, $3, e.j
       FROM unnest($4::text[], $5::bigint[], $6::text[]) AS e(u, k, j) JOIN raised ON raised.user_id = e.u
     )
     SELECT user_id, last_pos FROM raised`,
    [
      users,
      users.map((u) => counts.get(u)!),
      at,
      entries.map((e) => e.user),
      fromHead,
      entries.map((e) => e.json ?? JSON.stringify(e.event)),
    ],
  );
  const head = new Map(heads.map((h) => [h.user_id, Number(h.last_pos)]));
  return entries.map((e, i) => head.get(e.user)! - fromHead[i]!);
}

export async function pgReadEvents(rows: PgRows, user: UserId, after: number, limit: number): Promise<EventRecord[]> {
  const found = await rows<{ pos: string; at: string; json: string }>(
    'SELECT pos, at, json FROM events WHERE user_id = $1 AND pos > $2 ORDER BY pos LIMIT $3',
    [user, after, Math.max(0, limit)],
  );
  return found.map((r) => ({ pos: Number(r.pos), at: Number(r.at), event: JSON.parse(r.json) as ChatEvent }));
}

export async function pgLastEventPosition(rows: PgRows, user: UserId): Promise<number> {
  const found = await rows<{ last_pos: string }>('SELECT last_pos FROM event_heads WHERE user_id = $1', [user]);
  return Number(found[0]?.last_pos ?? 0);
}

export async function pgFirstEventPosition(rows: PgRows, user: UserId): Promise<number> {
  const found = await rows<{ p: string | null }>('SELECT MIN(pos) AS p FROM events WHERE user_id = $1', [user]);
  return found[0]?.p == null ? (await pgLastEventPosition(rows, user)) + 1 : Number(found[0].p);
}
