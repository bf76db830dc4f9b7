// Owns SqliteStorage's per-user conversation states: one row per (user,
// conversation) with the columns the conversation list pages on (updated_at,
// key, hidden), sums unread over and search scopes read (cleared_seq), the
// record as JSON.
import type Database from 'better-sqlite3';
import type { UserId } from '../protocol/message';
import type {
  ClearedHistory,
  ConversationKey,
  ConversationPageQuery,
  ConversationStateRecord,
} from '../server/storage';

type Row = { json: string };
const parseAll = (rows: Row[]): ConversationStateRecord[] =>
  rows.map((r) => JSON.parse(r.json) as ConversationStateRecord);

export class SqliteConversationStates {
  private readonly s;

  constructor(db: Database.Database) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      get: p('SELECT json FROM conversation_states WHERE user = ? AND key = ?'),
      put: p(
        'INSERT OR REPLACE INTO conversation_states (user, key, updated_at, hidden, unread, cleared_seq, json) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      list: p('SELECT json FROM conversation_states WHERE user = ? ORDER BY updated_at DESC, key ASC'),
      keys: p('SELECT key FROM conversation_states WHERE user = ?').pluck(),
      cleared: p('SELECT key, cleared_seq AS clearedSeq FROM conversation_states WHERE user = ? AND cleared_seq > 0'),
      page: p(
        'SELECT json FROM conversation_states WHERE user = ? AND hidden = 0 ORDER BY updated_at DESC, key ASC LIMIT ?',
      ),
      pageAfter: p(
        'SELECT json FROM conversation_states WHERE user = ? AND hidden = 0 AND updated_at <= ? AND (updated_at < ? OR key > ?) ORDER BY updated_at DESC, key ASC LIMIT ?',
      ),
      unreadTotal: p('SELECT SUM(unread) AS n FROM conversation_states WHERE user = ? AND hidden = 0'),
    };
  }

  getConversationState(user: UserId, key: ConversationKey): ConversationStateRecord | null {
    const row = this.s.get.get(user, key) as Row | undefined;
    return row ? (JSON.parse(row.json) as ConversationStateRecord) : null;
  }

  putConversationState(state: ConversationStateRecord): void {
    const { user, key, updatedAt, hidden, unread, clearedSeq } = state;
    this.s.put.run(user, key, updatedAt, hidden ? 1 : 0, unread, clearedSeq, JSON.stringify(state));
  }

  listConversationStates(user: UserId): ConversationStateRecord[] {
    return parseAll(this.s.list.all(user) as Row[]);
  }

  listConversationKeys(user: UserId): ConversationKey[] {
    return this.s.keys.all(user) as ConversationKey[];
  }

  listClearedHistories(user: UserId): ClearedHistory[] {
    return this.s.cleared.all(user) as ClearedHistory[];
  }

  listConversationPage(user: UserId, query: ConversationPageQuery): ConversationStateRecord[] {
    const { after, limit } = query;
    const rows = after
      ? this.s.pageAfter.all(user, after.updatedAt, after.updatedAt, after.key, limit)
      : this.s.page.all(user, limit);
    return parseAll(rows as Row[]);
  }

  unreadTotal(user: UserId): number {
    return (this.s.unreadTotal.get(user) as { n: number | null }).n ?? 0;
  }
}
