// Owns SqliteStorage's per-user conversation states: one row per (user,
// conversation) with the columns the conversation list pages on (updated_at,
// key, hidden) and sums unread over, the record as JSON. The core's list
// pages are read on a reader thread of their own (sqlite-conversation-page.ts).
import type Database from 'better-sqlite3';
import type { UserId } from '../protocol/message';
import type {
  ConversationKey,
  ConversationPageQuery,
  ConversationPageRead,
  ConversationStateRecord,
} from '../server/storage';
import { conversationPageRead } from './sqlite-conversation-page';
import { SqliteReader } from './sqlite-reader';

/**
 * The page reader's cache (KiB), as large as the writer's: a list's last messages are scattered
 * over the whole file, one page each, and a list of 5,000 touches about 25 MB; at 16 MB a list load
 * missed it all and read twice the CPU time (system calls for every page).
 */
const PAGE_CACHE_KIB = 64 * 1024;

type Row = { json: string };
const parseAll = (rows: Row[]): ConversationStateRecord[] =>
  rows.map((r) => JSON.parse(r.json) as ConversationStateRecord);

export class SqliteConversationStates {
  private readonly s;
  private readonly reader: SqliteReader;

  constructor(db: Database.Database) {
    this.reader = new SqliteReader(db, 'conversation pages', PAGE_CACHE_KIB);
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      get: p('SELECT json FROM conversation_states WHERE user = ? AND key = ?'),
      put: p(
        'INSERT OR REPLACE INTO conversation_states (user, key, updated_at, hidden, unread, json) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      list: p('SELECT json FROM conversation_states WHERE user = ? ORDER BY updated_at DESC, key ASC'),
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
    this.s.put.run(state.user, state.key, state.updatedAt, state.hidden ? 1 : 0, state.unread, JSON.stringify(state));
  }

  listConversationStates(user: UserId): ConversationStateRecord[] {
    return parseAll(this.s.list.all(user) as Row[]);
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

  /** A page with its seq counters, last messages and (asked) total, on the reader thread; null without one. */
  pageInBackground(
    user: UserId,
    query: ConversationPageQuery & { unreadTotal: boolean },
  ): Promise<ConversationPageRead | null> {
    return this.reader.runOnReader(conversationPageRead(user, query));
  }

  /** Stops the page reader (before the database closes). */
  stop(): void {
    this.reader.stop();
  }
}
