// Owns the Storage of natter nodes that share one PostgreSQL database (`pg`,
// the long-standing pure-JS client with a pool; no native build). `shared`:
// every invariant lives in the database, so any number of nodes may write
// at once (storage.ts): seq counters and per-user event positions are
// counter rows updated under their row lock until commit (one user's
// positions become visible in order), (from_user, local_id) is unique,
// rows read inside a transaction are read FOR UPDATE, and a transaction
// that loses a race (deadlock, serialization failure, unique violation) is
// rolled back and run again. When the database cannot be reached the
// operation fails with 5031 (retry), which clients' outboxes retry.
import pg from 'pg';
import type { ChatEvent } from '../protocol/frames';
import type { GroupInfo, RoomInfo } from '../protocol/entities';
import { ErrorCode, NatterError } from '../protocol/errors';
import { isInvitationOpen, type Invitation } from '../protocol/invitation';
import type { Message, UserId } from '../protocol/message';
import type {
  ConversationKey,
  ConversationPageQuery,
  ConversationStateRecord,
  EventAppend,
  EventRecord,
  FileRecord,
  MessageQuery,
  MessageRecord,
  ReceiptKind,
  Storage,
  UnreadQuery,
} from '../server/storage';
import type { PinnedMessage } from '../protocol/features';
import type {
  MessageSearchQuery,
  MessageSearchResult,
  ProfileRecord,
  ProfileSearchQuery,
} from '../server/people-storage';
import { migratePg } from './pg-migrations';
import { pgConversationPage, pgGetProfiles, pgPutProfile, pgSearchProfiles, pgUnreadTotal } from './pg-people-storage';
import { pgSearchMessages, searchTextOf } from './pg-search';
import {
  pgDeletePushEndpoint,
  pgDeletePushSubscription,
  pgListPushSubscriptions,
  pgPutPushSubscription,
} from './pg-push-storage';
import type { PushSubscriptionRecord } from '../server/push-storage';
import { pgGetThreadRead, pgListThreadReads, pgRaiseThreadRead } from './pg-thread-reads';
import type { ThreadReadRecord } from '../server/thread-read-storage';
import { pgRetryKind } from './pg-errors';
import { pgFirstEventPosition, pgInsertEvents, pgLastEventPosition, pgReadEvents } from './pg-event-log';
import {
  pgClaimDueInvitations,
  pgListDueInvitations,
  pgListOpenInvitations,
  pgNextInvitationDeadline,
  pgReplaceInvitation,
} from './pg-invitations';

export interface PgStorageOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Connections in the pool (default 10). */
  poolSize?: number;
}

type Queryable = pg.Pool | pg.PoolClient;
type Row = { json: string };
const parse = <T>(rows: Row[]): T | null => (rows[0] ? (JSON.parse(rows[0].json) as T) : null);
const parseAll = <T>(rows: Row[]): T[] => rows.map((r) => JSON.parse(r.json) as T);
const MAX_ATTEMPTS = 8;

/** Opens the pool and migrates (safe when several nodes start at once). */
export async function openPgStorage(options: PgStorageOptions): Promise<PgStorage> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
  });
  // A connection that dies (database restart) must not crash the process: idle ones report on the
  // pool, and every client gets a listener of its own the moment it exists, for a death while it is
  // checked out (pool.query's clients included). The query that was running fails, which is handled.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  try {
    const client = await pool.connect();
    try {
      await migratePg(client);
    } finally {
      client.release();
    }
  } catch (e) {
    await pool.end();
    throw e;
  }
  return new PgStorage(pool, pool, false);
}

export class PgStorage implements Storage {
  readonly shared = true;

  constructor(
    private readonly pool: pg.Pool,
    private readonly q: Queryable,
    private readonly inTx: boolean,
  ) {}

  private async rows<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    try {
      return (await this.q.query(sql, params)).rows as T[];
    } catch (e) {
      throw unavailable(e);
    }
  }

  async transaction<T>(fn: (tx: Storage) => Promise<T>): Promise<T> {
    if (this.inTx) return fn(this);
    for (let attempt = 1; ; attempt++) {
      let client: pg.PoolClient;
      try {
        client = await this.pool.connect();
      } catch (e) {
        throw unavailable(e);
      }
      // A connection cut while checked out (database restart) emits 'error': the query fails too,
      // which is what is handled; unlistened, the event would end the process.
      if (client.listenerCount('error') === 0) client.on('error', () => undefined);
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(new PgStorage(this.pool, client, true));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => (broken = true));
        const kind = pgRetryKind(e);
        if (kind === 'race' && attempt < MAX_ATTEMPTS) continue;
        throw unavailable(e);
      } finally {
        client.release(broken);
      }
    }
  }

  /** Runs a multi-statement write atomically (joins the open transaction). */
  private atomic(fn: (tx: PgStorage) => Promise<void>): Promise<void> {
    return this.transaction((tx) => fn(tx as PgStorage));
  }

  async ping(): Promise<void> {
    await this.rows('SELECT 1');
  }
  /** The database server's time, ms since epoch (the cluster clock, pg-clock.ts). */
  async databaseTime(): Promise<number> {
    const [row] = await this.rows<{ t: number }>('SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS t');
    return Number(row!.t);
  }
  async close(): Promise<void> {
    if (!this.inTx) await this.pool.end();
  }

  /** Inside a transaction, rows read are locked until it ends (storage.ts: read for update). */
  private get lock(): string {
    return this.inTx ? ' FOR UPDATE' : '';
  }

  // ---- messages --------------------------------------------------------------
  async insertMessage(record: MessageRecord, json?: string): Promise<void> {
    const m = record.message;
    const recordJson =
      json === undefined ? JSON.stringify(record) : `{"key":${JSON.stringify(record.key)},"message":${json}}`;
    await this.rows(
      'INSERT INTO messages (server_id, key, seq, from_user, local_id, excluded, json, search_text) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [m.serverId, record.key, m.seq, m.from, m.localId, m.excluded === true, recordJson, searchTextOf(m)],
    );
  }
  async updateMessage(message: Message): Promise<void> {
    const old = parse<MessageRecord>(
      await this.rows('SELECT json FROM messages WHERE server_id = $1', [message.serverId]),
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
    await this.rows('UPDATE messages SET excluded = $1, json = $2, search_text = $3 WHERE server_id = $4', [
      next.message.excluded === true,
      JSON.stringify(next),
      searchTextOf(next.message),
      message.serverId,
    ]);
  }
  async getMessage(serverId: string): Promise<MessageRecord | null> {
    // Locked inside a transaction: reactions, edits and thread summaries read, change and write the
    // row, so a concurrent change on another node waits and then composes instead of overwriting.
    return parse<MessageRecord>(
      await this.rows(`SELECT json FROM messages WHERE server_id = $1${this.lock}`, [serverId]),
    );
  }
  async getMessageByLocalId(from: UserId, localId: string): Promise<MessageRecord | null> {
    return parse<MessageRecord>(
      await this.rows('SELECT json FROM messages WHERE from_user = $1 AND local_id = $2', [from, localId]),
    );
  }
  async listMessages(key: ConversationKey, query: MessageQuery): Promise<Message[]> {
    const rows = await this.rows(
      'SELECT json FROM messages WHERE key = $1 AND seq < $2 AND seq > $3 ORDER BY seq DESC LIMIT $4',
      [key, query.before ?? Number.MAX_SAFE_INTEGER, query.after ?? -1, Math.max(0, query.limit)],
    );
    return parseAll<MessageRecord>(rows).map((r) => r.message);
  }
  async countUnread(key: ConversationKey, query: UnreadQuery): Promise<number> {
    const rows = await this.rows<{ n: string }>(
      'SELECT COUNT(*) AS n FROM messages WHERE key = $1 AND seq > $2 AND from_user <> $3 AND NOT excluded',
      [key, query.afterSeq, query.notFrom],
    );
    return Number(rows[0]?.n ?? 0);
  }

  // ---- seq: a counter row, locked by the increment until commit ------------------
  async nextSeq(key: ConversationKey): Promise<number> {
    const rows = await this.rows<{ last: string }>(
      'INSERT INTO seqs (key, last) VALUES ($1, 1) ON CONFLICT (key) DO UPDATE SET last = seqs.last + 1 RETURNING last',
      [key],
    );
    return Number(rows[0]!.last);
  }
  async lastSeq(key: ConversationKey): Promise<number> {
    const rows = await this.rows<{ last: string }>('SELECT last FROM seqs WHERE key = $1', [key]);
    return Number(rows[0]?.last ?? 0);
  }

  // ---- conversation states ---------------------------------------------------
  async getConversationState(user: UserId, key: ConversationKey): Promise<ConversationStateRecord | null> {
    return parse(
      await this.rows(`SELECT json FROM conversation_states WHERE user_id = $1 AND key = $2${this.lock}`, [user, key]),
    );
  }
  async putConversationState(state: ConversationStateRecord): Promise<void> {
    await this.rows(
      'INSERT INTO conversation_states (user_id, key, updated_at, hidden, unread, json) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (user_id, key) DO UPDATE SET updated_at = excluded.updated_at, hidden = excluded.hidden, unread = excluded.unread, json = excluded.json',
      [state.user, state.key, state.updatedAt, Boolean(state.hidden), state.unread, JSON.stringify(state)],
    );
  }
  async listConversationStates(user: UserId): Promise<ConversationStateRecord[]> {
    return parseAll(
      await this.rows('SELECT json FROM conversation_states WHERE user_id = $1 ORDER BY updated_at DESC, key ASC', [
        user,
      ]),
    );
  }

  listConversationPage(user: UserId, query: ConversationPageQuery): Promise<ConversationStateRecord[]> {
    return pgConversationPage(this.rows.bind(this), user, query);
  }
  unreadTotal(user: UserId): Promise<number> {
    return pgUnreadTotal(this.rows.bind(this), user);
  }

  // ---- pins, people (pg-people-storage.ts), search (pg-search.ts), thread reads (pg-thread-reads.ts)
  async getPins(key: ConversationKey): Promise<PinnedMessage[]> {
    // A conversation's first pin has no row to lock yet: a transaction-scoped advisory lock on the
    // key serializes pin changes whether or not the row exists.
    if (this.inTx) await this.rows("SELECT pg_advisory_xact_lock(hashtextextended('pins:' || $1, 0))", [key]);
    return parse<PinnedMessage[]>(await this.rows(`SELECT json FROM pins WHERE key = $1${this.lock}`, [key])) ?? [];
  }
  async setPins(key: ConversationKey, pins: PinnedMessage[]): Promise<void> {
    await this.rows(
      'INSERT INTO pins (key, json) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET json = excluded.json',
      [key, JSON.stringify(pins)],
    );
  }
  getProfiles(users: UserId[]): Promise<ProfileRecord[]> {
    return pgGetProfiles(this.rows.bind(this), users);
  }
  putProfile(record: ProfileRecord): Promise<void> {
    return this.atomic((tx) => pgPutProfile(tx.rows.bind(tx), record));
  }
  searchProfiles(query: ProfileSearchQuery): Promise<ProfileRecord[]> {
    return pgSearchProfiles(this.rows.bind(this), query);
  }
  searchMessages(query: MessageSearchQuery): Promise<MessageSearchResult> {
    return pgSearchMessages(this.rows.bind(this), query);
  }
  getThreadRead(user: UserId, root: string): Promise<number | null> {
    return pgGetThreadRead(this.rows.bind(this), user, root);
  }
  raiseThreadRead(user: UserId, root: string, readSeq: number): Promise<void> {
    return pgRaiseThreadRead(this.rows.bind(this), user, root, readSeq);
  }
  listThreadReads(root: string): Promise<ThreadReadRecord[]> {
    return pgListThreadReads(this.rows.bind(this), root);
  }

  // ---- Web Push subscriptions (pg-push-storage.ts) ---------------------------
  putPushSubscription(record: PushSubscriptionRecord): Promise<void> {
    return this.atomic((tx) => pgPutPushSubscription(tx.rows.bind(tx), record));
  }
  listPushSubscriptions(user: UserId): Promise<PushSubscriptionRecord[]> {
    return pgListPushSubscriptions(this.rows.bind(this), user);
  }
  deletePushSubscription(user: UserId, device: string): Promise<void> {
    return pgDeletePushSubscription(this.rows.bind(this), user, device);
  }
  deletePushEndpoint(endpoint: string): Promise<void> {
    return pgDeletePushEndpoint(this.rows.bind(this), endpoint);
  }

  // ---- receipts --------------------------------------------------------------
  async addReceipt(serverId: string, user: UserId, kind: ReceiptKind, at: number): Promise<boolean> {
    const rows = await this.rows(
      'INSERT INTO receipts (server_id, user_id, kind, at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id',
      [serverId, user, kind, at],
    );
    return rows.length > 0;
  }
  async listReceipts(serverId: string, kind: ReceiptKind): Promise<UserId[]> {
    return (
      await this.rows<{ user_id: string }>(
        'SELECT user_id FROM receipts WHERE server_id = $1 AND kind = $2 ORDER BY id',
        [serverId, kind],
      )
    ).map((r) => r.user_id);
  }

  // ---- groups, rooms, blocklists ---------------------------------------------
  async getGroup(groupId: string): Promise<GroupInfo | null> {
    return parse(await this.rows(`SELECT json FROM groups WHERE group_id = $1${this.lock}`, [groupId]));
  }
  putGroup(group: GroupInfo): Promise<void> {
    return this.atomic(async (tx) => {
      await tx.rows(
        'INSERT INTO groups (group_id, created_at, json) VALUES ($1, $2, $3) ON CONFLICT (group_id) DO UPDATE SET json = excluded.json',
        [group.groupId, group.createdAt, JSON.stringify(group)],
      );
      await tx.rows('DELETE FROM group_members WHERE group_id = $1', [group.groupId]);
      await tx.rows(
        'INSERT INTO group_members (user_id, group_id) SELECT DISTINCT u, $2::text FROM unnest($1::text[]) AS u',
        [group.members, group.groupId],
      );
    });
  }
  deleteGroup(groupId: string): Promise<void> {
    return this.atomic(async (tx) => {
      await tx.rows('DELETE FROM groups WHERE group_id = $1', [groupId]);
      await tx.rows('DELETE FROM group_members WHERE group_id = $1', [groupId]);
    });
  }
  async listGroupsOf(user: UserId): Promise<GroupInfo[]> {
    return parseAll(
      await this.rows(
        'SELECT g.json FROM group_members m JOIN groups g ON g.group_id = m.group_id WHERE m.user_id = $1 ORDER BY g.created_at, g.group_id',
        [user],
      ),
    );
  }
  async getRoom(roomId: string): Promise<RoomInfo | null> {
    return parse(await this.rows(`SELECT json FROM rooms WHERE room_id = $1${this.lock}`, [roomId]));
  }
  async putRoom(room: RoomInfo): Promise<void> {
    await this.rows(
      'INSERT INTO rooms (room_id, created_at, json) VALUES ($1, $2, $3) ON CONFLICT (room_id) DO UPDATE SET json = excluded.json',
      [room.roomId, room.createdAt, JSON.stringify(room)],
    );
  }
  async deleteRoom(roomId: string): Promise<void> {
    await this.rows('DELETE FROM rooms WHERE room_id = $1', [roomId]);
  }
  async listRooms(): Promise<RoomInfo[]> {
    return parseAll(await this.rows('SELECT json FROM rooms ORDER BY created_at, room_id'));
  }
  async getBlocklist(user: UserId): Promise<UserId[]> {
    return parse<UserId[]>(await this.rows(`SELECT json FROM blocklists WHERE user_id = $1${this.lock}`, [user])) ?? [];
  }
  async setBlocklist(user: UserId, blocked: UserId[]): Promise<void> {
    await this.rows(
      'INSERT INTO blocklists (user_id, json) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET json = excluded.json',
      [user, JSON.stringify(blocked)],
    );
  }

  // ---- invitations -------------------------------------------------------------
  async getInvitation(inviteId: string): Promise<Invitation | null> {
    return parse(await this.rows(`SELECT json FROM invitations WHERE invite_id = $1${this.lock}`, [inviteId]));
  }
  putInvitation(inv: Invitation): Promise<void> {
    return this.atomic(async (tx) => {
      await tx.rows(
        `INSERT INTO invitations (invite_id, open, deadline, created_at, json) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (invite_id) DO UPDATE SET open = excluded.open, deadline = excluded.deadline, json = excluded.json`,
        [inv.inviteId, isInvitationOpen(inv), inv.deadline, inv.createdAt, JSON.stringify(inv)],
      );
      await tx.rows('DELETE FROM invitation_parties WHERE invite_id = $1', [inv.inviteId]);
      await tx.rows(
        'INSERT INTO invitation_parties (user_id, invite_id) SELECT DISTINCT u, $2::text FROM unnest($1::text[]) AS u',
        [[inv.inviter, ...inv.invitees], inv.inviteId],
      );
    });
  }
  replaceInvitation(next: Invitation, expected: Invitation): Promise<boolean> {
    return pgReplaceInvitation(this.rows.bind(this), next, expected);
  }
  claimDueInvitations(time: number, limit: number, owner: string, leaseUntil: number): Promise<Invitation[]> {
    return pgClaimDueInvitations(this.rows.bind(this), time, limit, owner, leaseUntil);
  }
  listDueInvitations(time: number, limit: number): Promise<Invitation[]> {
    return pgListDueInvitations(this.rows.bind(this), time, limit);
  }
  listOpenInvitations(user: UserId): Promise<Invitation[]> {
    return pgListOpenInvitations(this.rows.bind(this), user);
  }
  nextInvitationDeadline(): Promise<number | null> {
    return pgNextInvitationDeadline(this.rows.bind(this));
  }

  // ---- per-user event log: positions from a counter row per user ----------------
  async appendEvent(user: UserId, event: ChatEvent, at: number, json?: string): Promise<number> {
    const entry: EventAppend = json === undefined ? { user, event } : { user, event, json };
    return (await this.appendEvents([entry], at))[0]!;
  }
  async appendEvents(entries: readonly EventAppend[], at: number): Promise<number[]> {
    if (entries.length === 0) return [];
    let positions: number[] = [];
    await this.atomic(async (tx) => {
      positions = await pgInsertEvents(tx.rows.bind(tx), entries, at);
    });
    return positions;
  }
  readEvents(user: UserId, after: number, limit: number): Promise<EventRecord[]> {
    return pgReadEvents(this.rows.bind(this), user, after, limit);
  }
  lastEventPosition(user: UserId): Promise<number> {
    return pgLastEventPosition(this.rows.bind(this), user);
  }
  firstEventPosition(user: UserId): Promise<number> {
    return pgFirstEventPosition(this.rows.bind(this), user);
  }
  async pruneEvents(user: UserId, upTo: number): Promise<void> {
    await this.rows('DELETE FROM events WHERE user_id = $1 AND pos <= $2', [user, upTo]);
  }
  async pruneEventsBefore(time: number): Promise<void> {
    await this.rows('DELETE FROM events WHERE at < $1', [time]);
  }

  // ---- files -------------------------------------------------------------------
  async putFile(record: FileRecord): Promise<void> {
    await this.rows(
      'INSERT INTO files (file_id, owner, created_at, json) VALUES ($1, $2, $3, $4) ON CONFLICT (file_id) DO UPDATE SET json = excluded.json',
      [record.fileId, record.owner, record.createdAt, JSON.stringify(record)],
    );
  }
  async getFile(fileId: string): Promise<FileRecord | null> {
    return parse(await this.rows('SELECT json FROM files WHERE file_id = $1', [fileId]));
  }
  async deleteFile(fileId: string): Promise<void> {
    await this.rows('DELETE FROM files WHERE file_id = $1', [fileId]);
  }
}

/** A failure to reach the database becomes 5031 (retryable); anything else is rethrown as is. */
function unavailable(e: unknown): unknown {
  if (e instanceof NatterError) return e;
  return pgRetryKind(e) === 'connection' ? new NatterError(ErrorCode.STORAGE_UNAVAILABLE, undefined, 1000) : e;
}
