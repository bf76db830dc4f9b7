// Owns PgStorage's queries over the per-user event log: positions come from a
// counter row per user (event_heads), raised for a whole batch in one
// statement, so a position is handed out once however many nodes append.
import type { ChatEvent } from '../protocol/frames';
import type { UserId } from '../protocol/message';
import type { EventAppend, EventRecord } from '../server/storage';
import type { PgRows } from './pg-people-storage';

/** Inserts the entries and returns their positions; run it inside a transaction (the heads stay locked). */
export async function pgInsertEvents(rows: PgRows, entries: readonly EventAppend[], at: number): Promise<number[]> {
  const counts = new Map<UserId, number>();
  for (const e of entries) counts.set(e.user, (counts.get(e.user) ?? 0) + 1);
  const users = [...counts.keys()].sort();
  // Heads locked in user order (two commits to overlapping users do not deadlock).
  const heads = await rows<{ user_id: string; last_pos: string }>(
    `INSERT INTO event_heads (user_id, last_pos) SELECT u, n FROM unnest($1::text[], $2::bigint[]) AS t(u, n) ORDER BY u
     ON CONFLICT (user_id) DO UPDATE SET last_pos = event_heads.last_pos + excluded.last_pos RETURNING user_id, last_pos`,
    [users, users.map((u) => counts.get(u)!)],
  );
  const next = new Map<UserId, number>();
  for (const h of heads) next.set(h.user_id, Number(h.last_pos) - counts.get(h.user_id)! + 1);
  const cols: [string[], number[], string[]] = [[], [], []];
  const positions: number[] = [];
  for (const e of entries) {
    const pos = next.get(e.user)!;
    next.set(e.user, pos + 1);
    positions.push(pos);
    cols[0].push(e.user);
    cols[1].push(pos);
    cols[2].push(e.json ?? JSON.stringify(e.event));
  }
  await rows(
    'INSERT INTO events (user_id, pos, at, json) SELECT u, p, $3, j FROM unnest($1::text[], $2::bigint[], $4::text[]) AS t(u, p, j)',
    [cols[0], cols[1], at, cols[2]],
  );
  return positions;
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
