// Owns SqliteStorage's messages and their receipts: one row per message with
// the columns history pages and unread counts query, the record as JSON. An
// edited message keeps its first version (message_originals) because events
// refer to the row and must keep showing the message as it was sent.
import type Database from 'better-sqlite3';
import type { Message, UserId } from '../protocol/message';
import type { ConversationKey, MessageQuery, MessageRecord, ReceiptKind, UnreadQuery } from '../server/storage';
import type { SqliteEventLog } from './sqlite-event-log';
import { recordsInAskedOrder } from './records-in-asked-order';

type Row = { json: string };

/** A row's JSON up to its message: rows hold their MessageRecord in this layout (the key, then the message). */
const rowHead = (key: string): string => `{"key":${JSON.stringify(key)},"message":`;

const messageRowJson = (key: string, messageJson: string): string => `${rowHead(key)}${messageJson}}`;

/**
 * The message's JSON in a row's JSON, found without parsing it (the row's key is `key`). Rows
 * are written in one layout (messageRowJson); one that is not (e.g. edited by hand) is parsed.
 */
export function messageJsonOfRow(rowJson: string, key: string): string {
  const head = rowHead(key);
  if (rowJson.startsWith(head) && rowJson.endsWith('}')) return rowJson.slice(head.length, -1);
  return JSON.stringify((JSON.parse(rowJson) as MessageRecord).message);
}
const parse = (row: Row | undefined): MessageRecord | null => (row ? (JSON.parse(row.json) as MessageRecord) : null);

export class SqliteMessages {
  private readonly s;

  constructor(
    db: Database.Database,
    private readonly events: SqliteEventLog,
  ) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      insert: p(
        'INSERT INTO messages (server_id, key, seq, from_user, local_id, excluded, json) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      update: p('UPDATE messages SET excluded = ?, json = ? WHERE server_id = ?'),
      keepOriginal: p(
        'INSERT OR IGNORE INTO message_originals (msg, json) SELECT id, json FROM messages WHERE server_id = ?',
      ),
      get: p('SELECT json FROM messages WHERE server_id = ?'),
      // One statement for a list of ids: one read transaction (and its WAL locks) instead of one each.
      getMany: p('SELECT server_id AS id, json FROM messages WHERE server_id IN (SELECT value FROM json_each(?))'),
      getByLocalId: p('SELECT json FROM messages WHERE from_user = ? AND local_id = ?'),
      list: p('SELECT json FROM messages WHERE key = ? AND seq < ? AND seq > ? ORDER BY seq DESC LIMIT ?'),
      countUnread: p(
        'SELECT COUNT(*) AS n FROM messages WHERE key = ? AND seq > ? AND from_user <> ? AND excluded = 0',
      ),
      addReceipt: p('INSERT OR IGNORE INTO receipts (server_id, user, kind, at) VALUES (?, ?, ?, ?)'),
      listReceipts: p('SELECT user FROM receipts WHERE server_id = ? AND kind = ? ORDER BY id'),
    };
  }

  /** `json`, when the core passes it, is `JSON.stringify(record.message)` (made once per send). */
  insertMessage(record: MessageRecord, json?: string): void {
    const m = record.message;
    const recordJson = messageRowJson(record.key, json ?? JSON.stringify(m));
    const { lastInsertRowid } = this.s.insert.run(
      m.serverId,
      record.key,
      m.seq,
      m.from,
      m.localId,
      m.excluded ? 1 : 0,
      recordJson,
    );
    this.events.noteMessage(m, Number(lastInsertRowid));
  }

  updateMessage(message: Message): void {
    const old = parse(this.s.get.get(message.serverId) as Row | undefined);
    if (!old) throw new Error(`updateMessage: unknown message ${message.serverId}`);
    // Key, seq and ids stay as stored; only the content changes.
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
    // Events refer to the row: they keep showing the message as it was sent (the first version).
    this.s.keepOriginal.run(message.serverId);
    this.s.update.run(
      next.message.excluded ? 1 : 0,
      messageRowJson(next.key, JSON.stringify(next.message)),
      message.serverId,
    );
  }

  getMessage(serverId: string): MessageRecord | null {
    return parse(this.s.get.get(serverId) as Row | undefined);
  }

  getMessages(serverIds: readonly string[]): Array<MessageRecord | null> {
    if (serverIds.length === 0) return [];
    const rows = this.s.getMany.all(JSON.stringify(serverIds)) as { id: string; json: string }[];
    return recordsInAskedOrder<MessageRecord>(serverIds, rows);
  }

  getMessageByLocalId(from: UserId, localId: string): MessageRecord | null {
    return parse(this.s.getByLocalId.get(from, localId) as Row | undefined);
  }

  listMessages(key: ConversationKey, query: MessageQuery): Message[] {
    const rows = this.s.list.all(
      key,
      query.before ?? Number.MAX_SAFE_INTEGER,
      query.after ?? -1,
      Math.max(0, query.limit),
    ) as Row[];
    return rows.map((r) => (JSON.parse(r.json) as MessageRecord).message);
  }

  countUnread(key: ConversationKey, query: UnreadQuery): number {
    return (this.s.countUnread.get(key, query.afterSeq, query.notFrom) as { n: number }).n;
  }

  addReceipt(serverId: string, user: UserId, kind: ReceiptKind, at: number): boolean {
    return this.s.addReceipt.run(serverId, user, kind, at).changes > 0;
  }

  listReceipts(serverId: string, kind: ReceiptKind): UserId[] {
    return (this.s.listReceipts.all(serverId, kind) as { user: string }[]).map((r) => r.user);
  }
}
