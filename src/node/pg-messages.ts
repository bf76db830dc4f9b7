// Owns PgStorage's queries over messages, their receipts and each
// conversation's seq counter: one row per message with the columns history
// pages, unread counts and search read; a counter row per conversation whose
// increment locks it until commit, so seqs are handed out in commit order
// (a transaction's further increments are counted by PgStorage and set once).
import type { Message, UserId } from '../protocol/message';
import type { ConversationKey, MessageQuery, MessageRecord, ReceiptKind, UnreadQuery } from '../server/storage';
import type { PgDatabase } from './pg-database';
import { searchIndexOf } from './pg-search';
import { recordsInAskedOrder } from './records-in-asked-order';
import { allJson, firstJson } from './pg-json-rows';
import { writeWithWords, type PgSearchWords } from './pg-search-words';

/**
 * Inserts the message; the words it brings to the list of indexed words go to `words` when given (a
 * transaction's, inserted before its commit: pg-search-words.ts), or in the same statement.
 */
export async function insertMessage(
  db: PgDatabase,
  record: MessageRecord,
  json?: string,
  words?: PgSearchWords | null,
): Promise<void> {
  const m = record.message;
  const recordJson =
    json === undefined ? JSON.stringify(record) : `{"key":${JSON.stringify(record.key)},"message":${json}}`;
  const search = searchIndexOf(record.key, m);
  const params = [
    m.serverId,
    record.key,
    m.seq,
    m.from,
    m.localId,
    m.excluded === true,
    recordJson,
    search?.vector ?? null,
  ];
  const insert =
    'INSERT INTO messages (server_id, key, seq, from_user, local_id, excluded, json, search_words) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)';
  await writeWithWords(db, insert, params, search?.words ?? [], words);
}

export async function updateMessage(db: PgDatabase, message: Message, words?: PgSearchWords | null): Promise<void> {
  const old = firstJson<MessageRecord>(
    await db.prepared('SELECT json FROM messages WHERE server_id = $1', [message.serverId]),
  );
  if (!old) throw new Error(`updateMessage: unknown message ${message.serverId}`);
  const next: MessageRecord = {
    key: old.key,
    message: {
      ...message,
      serverId: old.message.serverId,
      localId: old.message.localId,
      from: old.message.from,
      seq: old.message.seq,
    },
  };
  const search = searchIndexOf(next.key, next.message);
  const params = [next.message.excluded === true, JSON.stringify(next), search?.vector ?? null, message.serverId];
  const update = 'UPDATE messages SET excluded = $1, json = $2, search_words = $3 WHERE server_id = $4';
  await writeWithWords(db, update, params, search?.words ?? [], words);
}

export async function getMessage(db: PgDatabase, serverId: string): Promise<MessageRecord | null> {
  // Locked inside a transaction: reactions, edits and thread summaries read, change and write the
  // row, so a concurrent change on another node waits and then composes instead of overwriting.
  return firstJson<MessageRecord>(
    await db.prepared(`SELECT json FROM messages WHERE server_id = $1${db.lock}`, [serverId]),
  );
}

export async function getMessages(db: PgDatabase, serverIds: readonly string[]): Promise<Array<MessageRecord | null>> {
  if (serverIds.length === 0) return [];
  // A plain read (no row lock): the conversation list shows these messages, it does not change them.
  const rows = await db.prepared<{ id: string; json: string }>(
    'SELECT server_id AS id, json FROM messages WHERE server_id = ANY($1::text[])',
    [[...serverIds]],
  );
  return recordsInAskedOrder<MessageRecord>(serverIds, rows);
}

export async function getMessageByLocalId(
  db: PgDatabase,
  from: UserId,
  localId: string,
): Promise<MessageRecord | null> {
  return firstJson<MessageRecord>(
    await db.prepared('SELECT json FROM messages WHERE from_user = $1 AND local_id = $2', [from, localId]),
  );
}

export async function listMessages(db: PgDatabase, key: ConversationKey, query: MessageQuery): Promise<Message[]> {
  const rows = await db.prepared(
    'SELECT json FROM messages WHERE key = $1 AND seq < $2 AND seq > $3 ORDER BY seq DESC LIMIT $4',
    [key, query.before ?? Number.MAX_SAFE_INTEGER, query.after ?? -1, Math.max(0, query.limit)],
  );
  return allJson<MessageRecord>(rows).map((r) => r.message);
}

export async function countUnread(db: PgDatabase, key: ConversationKey, query: UnreadQuery): Promise<number> {
  const rows = await db.prepared<{ n: string }>(
    'SELECT COUNT(*) AS n FROM messages WHERE key = $1 AND seq > $2 AND from_user <> $3 AND NOT excluded',
    [key, query.afterSeq, query.notFrom],
  );
  return Number(rows[0]?.n ?? 0);
}

export async function nextSeq(db: PgDatabase, key: ConversationKey): Promise<number> {
  const rows = await db.prepared<{ last: string }>(
    'INSERT INTO seqs (key, last) VALUES ($1, 1) ON CONFLICT (key) DO UPDATE SET last = seqs.last + 1 RETURNING last',
    [key],
  );
  return Number(rows[0]!.last);
}

/** Sets counters already locked by this transaction (pg-storage.ts: nextSeq) to their last seq. */
export async function setSeqs(db: PgDatabase, lasts: Array<[ConversationKey, number]>): Promise<void> {
  await db.prepared(
    'UPDATE seqs SET last = t.n FROM unnest($1::text[], $2::bigint[]) AS t(k, n) WHERE seqs.key = t.k',
    [lasts.map(([key]) => key), lasts.map(([, n]) => n)],
  );
}

export async function lastSeq(db: PgDatabase, key: ConversationKey): Promise<number> {
  const rows = await db.prepared<{ last: string }>('SELECT last FROM seqs WHERE key = $1', [key]);
  return Number(rows[0]?.last ?? 0);
}

export async function addReceipt(
  db: PgDatabase,
  serverId: string,
  user: UserId,
  kind: ReceiptKind,
  at: number,
): Promise<boolean> {
  const rows = await db.prepared(
    'INSERT INTO receipts (server_id, user_id, kind, at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id',
    [serverId, user, kind, at],
  );
  return rows.length > 0;
}

export async function listReceipts(db: PgDatabase, serverId: string, kind: ReceiptKind): Promise<UserId[]> {
  const rows = await db.prepared<{ user_id: string }>(
    'SELECT user_id FROM receipts WHERE server_id = $1 AND kind = $2 ORDER BY id',
    [serverId, kind],
  );
  return rows.map((r) => r.user_id);
}
