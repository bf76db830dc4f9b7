// Owns the per-user durable event log of the SQLite storage. A fanned-out
// message is the bulk of every log, so its events are stored as references:
// one row (user, pos, at, msg = the message's rowid, unread) instead of the
// whole event JSON per recipient; the message itself is stored once, in
// `messages`. Any other event (and a message event that does not have the
// exact shape the core builds) is stored as its JSON. Reads rebuild message
// events from the message as it was sent: a recall keeps the original text
// in `message_originals`, so a replay shows the message and then its recall,
// as the in-memory log does.
import type Database from 'better-sqlite3';
import type { ChatEvent } from '../protocol/frames';
import type { Message, UserId } from '../protocol/message';
import { viewerConversationId } from '../server/conversation-key';
import type { EventRecord } from '../server/storage';

type EventRow = { pos: number; at: number; json: string | null; unread: number | null; record: string | null };

/** A `message` event exactly as the core builds it: {type, message, conversation, unread}. */
function isPlainMessageEvent(event: ChatEvent, user: UserId): event is Extract<ChatEvent, { type: 'message' }> {
  if (event.type !== 'message') return false;
  const m = event.message;
  return (
    Object.keys(event).length === 4 &&
    Number.isInteger(event.unread) &&
    event.conversation === viewerConversationId(m.chatType, m.from, m.to, user)
  );
}

export class SqliteEventLog {
  private readonly s: ReturnType<typeof prepare>;
  /**
   * The message objects inserted in the open transaction, newest last, with their rowids. Its events
   * are appended before it commits; kept past the commit, every message would live long enough to
   * be moved to the old generation, and a steady stream of sends would fill it for major GCs.
   */
  private readonly recent = new Map<Message, number>();

  /**
   * @param heads Each user's last position when the storage holds the database exclusively
   *   (nobody else appends); null re-reads it from the database every time.
   */
  constructor(
    db: Database.Database,
    private readonly heads: Map<UserId, number> | null,
  ) {
    this.s = prepare(db);
  }

  /** The message object just stored as row `rowid`: events carrying this very object become references. */
  noteMessage(message: Message, rowid: number): void {
    this.recent.set(message, rowid);
    // Events are appended at the end of a commit, which may hold thousands of messages (group commit).
    if (this.recent.size > 4096) this.recent.delete(this.recent.keys().next().value as Message);
  }

  /** The transaction is about to commit: its events are appended, its messages need no rowid lookup. */
  committing(): void {
    this.recent.clear();
  }

  /** Forgets cached positions and rowids (after a rollback they may name rows that are gone). */
  reset(): void {
    this.heads?.clear();
    this.recent.clear();
  }

  append(user: UserId, event: ChatEvent, at: number, json?: string): number {
    const pos = this.last(user) + 1;
    const rowid = event.type === 'message' ? this.recent.get(event.message) : undefined;
    if (rowid !== undefined && isPlainMessageEvent(event, user))
      this.s.insertRef.run(user, pos, at, rowid, event.unread);
    else this.s.insertJson.run(user, pos, at, json ?? JSON.stringify(event));
    this.heads?.set(user, pos);
    return pos;
  }

  read(user: UserId, after: number, limit: number): EventRecord[] {
    return (this.s.read.all(user, after, Math.max(0, limit)) as EventRow[]).map((r) => ({
      pos: r.pos,
      at: r.at,
      event: rebuild(r, user),
    }));
  }

  // A user's last position is max(pos) of their events, or the head recorded when pruning removed
  // the newest ones (positions are never reused), so an append is a single insert.
  last(user: UserId): number {
    const cached = this.heads?.get(user);
    if (cached !== undefined) return cached;
    const last = (this.s.last.get(user, user) as { p: number | null }).p ?? 0;
    this.heads?.set(user, last);
    return last;
  }

  first(user: UserId): number {
    const first = (this.s.first.get(user) as { p: number | null }).p;
    return first ?? this.last(user) + 1;
  }

  prune(user: UserId, upTo: number): void {
    this.s.keepHead.run(user, this.last(user));
    this.s.prune.run(user, upTo);
  }

  /**
   * Drops the events appended before `time` of at most `users` users after `after` (in user order);
   * the last user visited when others are left, else null. There is no index on time (it would cost
   * an insert per event): a user's events are appended in time order, so the old ones are a prefix
   * of their log. Users are visited by seeking to the next user id, and each user's prefix is found
   * by walking from its oldest event: the work is one seek per user plus the events dropped
   * (100,000 users took 0.57-0.93 s, hence the pages).
   */
  pruneBefore(time: number, after: UserId | null, users: number): UserId | null {
    const next = (user: UserId | null) =>
      (user === null ? this.s.firstUser.get() : this.s.nextUser.get(user)) as { user: UserId } | undefined;
    let visited = after;
    for (let row = next(after), n = 0; row; row = next(row.user), n++) {
      if (n === users) return visited;
      visited = row.user;
      const kept = this.s.firstAtOrAfter.get(row.user, time) as { pos: number } | undefined;
      if (kept) {
        this.s.prune.run(row.user, kept.pos - 1);
      } else {
        // Every event of this user goes: remember the head so positions are never reused.
        this.s.keepHead.run(row.user, this.last(row.user));
        this.s.prune.run(row.user, Number.MAX_SAFE_INTEGER);
      }
    }
    return null;
  }
}

function rebuild(r: EventRow, user: UserId): ChatEvent {
  if (r.json !== null) return JSON.parse(r.json) as ChatEvent;
  if (r.record === null) throw new Error(`event ${user}/${r.pos} names a message that is not stored`);
  const { message } = JSON.parse(r.record) as { message: Message };
  return {
    type: 'message',
    message,
    conversation: viewerConversationId(message.chatType, message.from, message.to, user),
    unread: r.unread ?? 0,
  };
}

function prepare(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  return {
    insertRef: p('INSERT INTO events (user, pos, at, msg, unread) VALUES (?, ?, ?, ?, ?)'),
    insertJson: p('INSERT INTO events (user, pos, at, json) VALUES (?, ?, ?, ?)'),
    read: p(
      `SELECT e.pos, e.at, e.json, e.unread, COALESCE(o.json, m.json) AS record FROM events e
       LEFT JOIN messages m ON m.rowid = e.msg LEFT JOIN message_originals o ON o.msg = e.msg
       WHERE e.user = ? AND e.pos > ? ORDER BY e.pos LIMIT ?`,
    ),
    last: p(
      'SELECT MAX(COALESCE((SELECT MAX(pos) FROM events WHERE user = ?), 0), COALESCE((SELECT last_pos FROM event_heads WHERE user = ?), 0)) AS p',
    ),
    first: p('SELECT MIN(pos) AS p FROM events WHERE user = ?'),
    keepHead: p(
      'INSERT INTO event_heads (user, last_pos) VALUES (?, ?) ON CONFLICT (user) DO UPDATE SET last_pos = MAX(last_pos, excluded.last_pos)',
    ),
    prune: p('DELETE FROM events WHERE user = ? AND pos <= ?'),
    firstUser: p('SELECT user FROM events ORDER BY user LIMIT 1'),
    nextUser: p('SELECT user FROM events WHERE user > ? ORDER BY user LIMIT 1'),
    firstAtOrAfter: p('SELECT pos FROM events WHERE user = ? AND at >= ? ORDER BY pos LIMIT 1'),
  };
}
