// Owns reading one page of a user's conversation list on SQLite in one
// statement: the visible states in list order (sqlite-conversation-states.ts's
// order and cursor), each with its conversation's seq counter and its last
// message, and on request the unread total. One statement reads one snapshot,
// so on a reader thread (sqlite-reader.ts) that the writer's commits do not
// wait for, every summary's lastSeq, unread and last message, and the total,
// are still of one moment: a message committed meanwhile is in all of them or
// in none (the client keeps the newer of the page and the live events, by
// lastSeq).
import type { UserId } from '../protocol/message';
import type {
  ConversationPageQuery,
  ConversationPageRead,
  ConversationStateRecord,
  MessageRecord,
} from '../server/storage';
import type { ReadSteps } from './sqlite-reader';

type Row = { state: string; last_seq: number | null; message: string | null; total?: number | null };

const COLUMNS = `c.json AS state, s.last AS last_seq, m.json AS message`;
/** An uncorrelated subquery: SQLite runs it once per statement, in the statement's snapshot. */
const TOTAL = `(SELECT SUM(unread) FROM conversation_states WHERE user = ? AND hidden = 0) AS total`;
const FROM = `FROM conversation_states c
  LEFT JOIN seqs s ON s.key = c.key
  LEFT JOIN messages m ON m.server_id = json_extract(c.json, '$.lastServerId')`;
const FIRST = `WHERE c.user = ? AND c.hidden = 0`;
const AFTER = `WHERE c.user = ? AND c.hidden = 0 AND c.updated_at <= ? AND (c.updated_at < ? OR c.key > ?)`;
const ORDER = `ORDER BY c.updated_at DESC, c.key ASC LIMIT ?`;

const sql = (total: boolean, after: boolean) =>
  `SELECT ${COLUMNS}${total ? `, ${TOTAL}` : ''} ${FROM} ${after ? AFTER : FIRST} ${ORDER}`;
const STATEMENTS = {
  first: sql(false, false),
  firstWithTotal: sql(true, false),
  after: sql(false, true),
  afterWithTotal: sql(true, true),
};

/** The read of one page (one statement) and the page made of its rows. */
export function* conversationPageRead(
  user: UserId,
  query: ConversationPageQuery & { unreadTotal: boolean },
): ReadSteps<ConversationPageRead> {
  const { after, limit, unreadTotal } = query;
  const params: unknown[] = unreadTotal ? [user, user] : [user];
  if (after) params.push(after.updatedAt, after.updatedAt, after.key);
  params.push(limit);
  const statement = after
    ? unreadTotal
      ? STATEMENTS.afterWithTotal
      : STATEMENTS.after
    : unreadTotal
      ? STATEMENTS.firstWithTotal
      : STATEMENTS.first;
  const rows = (yield { sql: statement, params }) as Row[];
  const page: ConversationPageRead = { states: [], lastSeqs: [], lastMessages: [] };
  for (const r of rows) {
    page.states.push(JSON.parse(r.state) as ConversationStateRecord);
    page.lastSeqs.push(r.last_seq ?? 0);
    page.lastMessages.push(r.message === null ? null : (JSON.parse(r.message) as MessageRecord));
  }
  // No row: no visible state, so nothing unread in the list.
  if (unreadTotal) page.unreadTotal = rows[0]?.total ?? 0;
  return page;
}
