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
    await db.rows(`SELECT json FROM conversation_states WHERE user_id = $1 AND key = $2${db.lock}`, [user, key]),
  );
}

export async function putConversationState(db: PgDatabase, state: ConversationStateRecord): Promise<void> {
  await db.rows(
    'INSERT INTO conversation_states (user_id, key, updated_at, hidden, unread, cleared_seq, json) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (user_id, key) DO UPDATE SET updated_at = excluded.updated_at, hidden = excluded.hidden, unread = excluded.unread, cleared_seq = excluded.cleared_seq, json = excluded.json',
    [
      state.user,
      state.key,
      state.updatedAt,
      Boolean(state.hidden),
      state.unread,
      state.clearedSeq,
      JSON.stringify(state),
    ],
  );
}

export async function listConversationKeys(db: PgDatabase, user: UserId): Promise<ConversationKey[]> {
  const rows = await db.rows<{ key: ConversationKey }>('SELECT key FROM conversation_states WHERE user_id = $1', [
    user,
  ]);
  return rows.map((r) => r.key);
}

export async function listClearedHistories(db: PgDatabase, user: UserId): Promise<ClearedHistory[]> {
  const rows = await db.rows<{ key: ConversationKey; cleared_seq: string }>(
    'SELECT key, cleared_seq FROM conversation_states WHERE user_id = $1 AND cleared_seq > 0',
    [user],
  );
  return rows.map((r) => ({ key: r.key, clearedSeq: Number(r.cleared_seq) }));
}

export async function listConversationStates(db: PgDatabase, user: UserId): Promise<ConversationStateRecord[]> {
  const rows = await db.rows(
    'SELECT json FROM conversation_states WHERE user_id = $1 ORDER BY updated_at DESC, key ASC',
    [user],
  );
  return allJson<ConversationStateRecord>(rows);
}
