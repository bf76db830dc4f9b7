// Owns PgStorage's per-user conversation states: one row per (user,
// conversation) with the columns the conversation list pages on and sums
// unread over (pg-people-storage.ts) and search scopes read (cleared_seq), the
// record as JSON. A state read inside
// a transaction is locked until it ends.
import type { UserId } from '../protocol/message';
import type { ClearedHistory, ConversationKey, ConversationStateRecord } from '../server/storage';
import type { PgDatabase } from './pg-database';
import { allJson, firstJson } from './pg-json-rows';

export async function getConversationState(
  db: PgDatabase,
  user: UserId,
  key: ConversationKey,
): Promise<ConversationStateRecord | null> {
  return firstJson<ConversationStateRecord>(
    await db.prepared(`SELECT json FROM conversation_states WHERE user_id = $1 AND key = $2${db.lock}`, [user, key]),
  );
}

/**
 * Several users' states in one conversation, in `users`' order (null where none), in one statement.
 * Inside a transaction the rows are locked in byte order of the user id (putConversationStates
 * writes in the same order), so two transactions over overlapping members wait for each other
 * instead of deadlocking.
 */
export async function getConversationStates(
  db: PgDatabase,
  users: readonly UserId[],
  key: ConversationKey,
): Promise<Array<ConversationStateRecord | null>> {
  const rows = await db.prepared<{ user_id: UserId; json: string }>(
    `SELECT user_id, json FROM conversation_states WHERE key = $1 AND user_id = ANY($2::text[]) ORDER BY user_id COLLATE "C"${db.lock}`,
    [key, users],
  );
  const byUser = new Map(rows.map((r) => [r.user_id, r.json]));
  return users.map((user) => {
    const json = byUser.get(user);
    return json === undefined ? null : (JSON.parse(json) as ConversationStateRecord);
  });
}

export function putConversationState(db: PgDatabase, state: ConversationStateRecord): Promise<void> {
  return putConversationStates(db, [state]);
}

/** Puts states of distinct (user, key) in one statement, rows in (user, key) order (see getConversationStates). */
export async function putConversationStates(db: PgDatabase, states: readonly ConversationStateRecord[]): Promise<void> {
  const sorted = [...states].sort((a, b) => compare(a.user, b.user) || compare(a.key, b.key));
  await db.prepared(
    `INSERT INTO conversation_states (user_id, key, updated_at, hidden, unread, cleared_seq, json)
     SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::boolean[], $5::bigint[], $6::bigint[], $7::text[])
     ON CONFLICT (user_id, key) DO UPDATE SET updated_at = excluded.updated_at, hidden = excluded.hidden,
       unread = excluded.unread, cleared_seq = excluded.cleared_seq, json = excluded.json`,
    [
      sorted.map((s) => s.user),
      sorted.map((s) => s.key),
      sorted.map((s) => s.updatedAt),
      sorted.map((s) => Boolean(s.hidden)),
      sorted.map((s) => s.unread),
      sorted.map((s) => s.clearedSeq),
      sorted.map((s) => JSON.stringify(s)),
    ],
  );
}

/**
 * Code-unit order: the byte order of the read's COLLATE "C" for ids within the Basic Multilingual
 * Plane (where they differ, two writers may deadlock once and the loser runs again, pg-database.ts).
 */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export async function listConversationKeys(db: PgDatabase, user: UserId): Promise<ConversationKey[]> {
  const rows = await db.prepared<{ key: ConversationKey }>('SELECT key FROM conversation_states WHERE user_id = $1', [
    user,
  ]);
  return rows.map((r) => r.key);
}

export async function listClearedHistories(db: PgDatabase, user: UserId): Promise<ClearedHistory[]> {
  const rows = await db.prepared<{ key: ConversationKey; cleared_seq: string }>(
    'SELECT key, cleared_seq FROM conversation_states WHERE user_id = $1 AND cleared_seq > 0',
    [user],
  );
  return rows.map((r) => ({ key: r.key, clearedSeq: Number(r.cleared_seq) }));
}

export async function listConversationStates(db: PgDatabase, user: UserId): Promise<ConversationStateRecord[]> {
  const rows = await db.prepared(
    'SELECT json FROM conversation_states WHERE user_id = $1 ORDER BY updated_at DESC, key ASC',
    [user],
  );
  return allJson<ConversationStateRecord>(rows);
}
