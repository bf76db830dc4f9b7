// Owns how a page of the conversation list is read from SQLite in one go: the
// states of the page (conversation_states_listed, migration 14), each with its
// conversation's last seq and its last message's row, in one statement, and
// the unread total beside it. Run together on the reader thread
// (sqlite-reader.ts) they are one snapshot, and the 50 random reads of the
// messages table a page of a large file costs (the larger part of a page's
// server time) leave the event loop. The last messages stay JSON text: the
// page is answered with them spliced in (conversation-page-json.ts).
import type { UserId } from '../protocol/message';
import type { ConversationPageQuery, ConversationPageRead, ConversationStateRecord } from '../server/storage';
import { messageJsonOfRow } from './sqlite-messages';
import type { SqlRead } from './sqlite-reader';

const COLUMNS = `SELECT s.json AS state, q.last AS lastSeq, m.json AS last FROM conversation_states s
  LEFT JOIN seqs q ON q.key = s.key
  LEFT JOIN messages m ON m.server_id = json_extract(s.json, '$.lastServerId')`;

const SQL = {
  page: `${COLUMNS} WHERE s.user = ? AND s.hidden = 0 ORDER BY s.updated_at DESC, s.key ASC LIMIT ?`,
  pageAfter: `${COLUMNS} WHERE s.user = ? AND s.hidden = 0 AND s.updated_at <= ? AND (s.updated_at < ? OR s.key > ?)
    ORDER BY s.updated_at DESC, s.key ASC LIMIT ?`,
  unreadTotal: 'SELECT SUM(unread) AS n FROM conversation_states WHERE user = ? AND hidden = 0',
} as const;

type PageRow = { state: string; lastSeq: number | null; last: string | null };

/** The reads of one page (the unread total's too when `withTotal`), to run together. */
export function conversationPageReads(user: UserId, query: ConversationPageQuery, withTotal: boolean): SqlRead[] {
  const { after, limit } = query;
  const reads: SqlRead[] = [
    after
      ? { sql: SQL.pageAfter, params: [user, after.updatedAt, after.updatedAt, after.key, limit] }
      : { sql: SQL.page, params: [user, limit] },
  ];
  if (withTotal) reads.push({ sql: SQL.unreadTotal, params: [user] });
  return reads;
}

/** The page the rows of `conversationPageReads` hold. */
export function conversationPageFromRows(rows: readonly unknown[][]): ConversationPageRead {
  const page = rows[0] as PageRow[];
  const read: ConversationPageRead = { states: [], lastSeqs: [], lastMessages: [] };
  for (const row of page) {
    const state = JSON.parse(row.state) as ConversationStateRecord;
    read.states.push(state);
    read.lastSeqs.push(row.lastSeq ?? 0);
    // A state naming a message that is gone (its history deleted) has no last message, as getMessages says.
    read.lastMessages.push(state.lastServerId && row.last !== null ? messageJsonOfRow(row.last, state.key) : null);
  }
  if (rows.length > 1) read.unreadTotal = (rows[1] as Array<{ n: number | null }>)[0]?.n ?? 0;
  return read;
}
