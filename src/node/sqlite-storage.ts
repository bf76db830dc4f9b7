// Owns the durable Storage of the Node host: the server core's synchronous
// Storage interface on SQLite (better-sqlite3, WAL). Records are JSON columns
// re-parsed on every read, so nothing handed out aliases what is stored.
// `synchronous: 'NORMAL'` survives a process crash; 'FULL' also power loss.
// Parts with their own module: the event log (message events as references,
// sqlite-event-log.ts), seq counters (sqlite-seq-counters.ts), checkpoints off
// the main thread (sqlite-checkpointer.ts), one server per file (sqlite-owner-lock.ts).
import Database from 'better-sqlite3';
import type { ChatEvent } from '../protocol/frames';
import type { GroupInfo, RoomInfo } from '../protocol/entities';
import type { PinnedMessage } from '../protocol/features';
import type { Invitation } from '../protocol/invitation';
import type { Message, UserId } from '../protocol/message';
import type {
  ConversationKey,
  ConversationPageQuery,
  ConversationStateRecord,
  EventRecord,
  FileRecord,
  MessageQuery,
  EventAppend,
  MessageRecord,
  ReceiptKind,
  SyncStorage,
  UnreadQuery,
} from '../server/storage';
import { startCheckpointer, type Checkpointer } from './sqlite-checkpointer';
import { SqliteEventLog } from './sqlite-event-log';
import { SqliteSeqCounters } from './sqlite-seq-counters';
import { takeOwnerLock, type OwnerLock } from './sqlite-owner-lock';
import { migrate } from './sqlite-migrations';
import { registerSearchWords, SqlitePeopleStorage } from './sqlite-people-storage';
import { SqlitePushStorage } from './sqlite-push-storage';
import type { PushSubscriptionRecord } from '../server/push-storage';
import { SqliteInvitations } from './sqlite-invitations';
import { SqliteThreadReads } from './sqlite-thread-reads';
import type { ThreadReadRecord } from '../server/thread-read-storage';
import type {
  MessageSearchQuery,
  MessageSearchResult,
  ProfileRecord,
  ProfileSearchQuery,
} from '../server/people-storage';

export interface SqliteStorageOptions {
  /** Database file; ':memory:' for a throwaway one. */
  path: string;
  /** 'NORMAL' (default) survives crashes of the process; 'FULL' also survives power loss. */
  synchronous?: 'NORMAL' | 'FULL';
  /**
   * Hold an exclusive lock on the database for as long as it is open (default true): the core keeps
   * sessions and timers in memory, so a second server on the same file would split them. Off lets
   * other processes read the file while the server runs.
   */
  exclusive?: boolean;
}

type Row = { json: string };
const parse = <T>(row: Row | undefined): T | null => (row ? (JSON.parse(row.json) as T) : null);
const parseAll = <T>(rows: Row[]): T[] => rows.map((r) => JSON.parse(r.json) as T);

/** SQLite page cache per database (KiB). */
const PAGE_CACHE_KIB = 64 * 1024;

export class SqliteStorage implements SyncStorage {
  readonly db: Database.Database;
  private readonly s: ReturnType<typeof prepare>;
  /** One wrapper made once: better-sqlite3 builds several functions per `db.transaction` call. */
  private readonly runInTransaction: (fn: () => unknown) => unknown;
  /** The per-user event logs (message events stored as references to the message row). */
  private readonly events: SqliteEventLog;
  /** Checkpoints run off the main thread (sqlite-checkpointer.ts), never inside a commit. */
  private readonly checkpointer: Checkpointer;
  /** Conversation seq counters (written once per transaction when this storage is the only writer). */
  private readonly seqs: SqliteSeqCounters;
  /** Held while open when `exclusive` (one server per database file). */
  private readonly lock: OwnerLock | null;
  /** Profiles, the directory and message search. */
  private readonly people: SqlitePeopleStorage;
  /** Web Push subscriptions. */
  private readonly push: SqlitePushStorage;
  /** Thread read positions (sqlite-thread-reads.ts). */
  private readonly threadReads: SqliteThreadReads;
  /** Invitations and their parties (sqlite-invitations.ts). */
  private readonly invitations: SqliteInvitations;

  constructor(options: SqliteStorageOptions) {
    const exclusive = options.exclusive ?? true;
    const inMemory = options.path === ':memory:' || options.path === '';
    this.lock = exclusive && !inMemory ? takeOwnerLock(options.path) : null;
    const synchronous = options.synchronous === 'FULL' ? 'FULL' : 'NORMAL';
    let db: Database.Database | undefined;
    try {
      db = new Database(options.path, { timeout: 5000 });
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${synchronous}`);
      db.pragma('foreign_keys = ON');
      // Every send touches one event-log page per recipient, spread over all users' logs: with
      // SQLite's default 2 MiB page cache those pages are re-read from the OS on every commit.
      db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
      registerSearchWords(db);
      migrate(db);
    } catch (e) {
      // A refused database (e.g. a newer schema) is left closed and unlocked.
      db?.close();
      this.lock?.release();
      throw e;
    }
    this.db = db;
    this.s = prepare(this.db);
    // Each user's last position is cached only when nobody else can append (exclusive lock).
    this.events = new SqliteEventLog(this.db, exclusive ? new Map() : null);
    this.seqs = new SqliteSeqCounters(this.db, exclusive);
    this.people = new SqlitePeopleStorage(this.db);
    this.push = new SqlitePushStorage(this.db);
    this.invitations = new SqliteInvitations(this.db, (fn) => this.transaction(fn));
    this.threadReads = new SqliteThreadReads(this.db);
    this.runInTransaction = this.db.transaction((fn: () => unknown) => {
      const result = fn();
      this.seqs.flush();
      return result;
    });
    // A checkpoint copies the WAL into the database file and syncs it; made inside a commit it
    // stalls every send queued behind it, so commits never checkpoint: a worker thread does.
    this.db.pragma('wal_autocheckpoint = 0');
    // A restarted WAL file is cut back to 64 MiB rather than kept at its largest size.
    this.db.pragma('journal_size_limit = 67108864');
    this.checkpointer = startCheckpointer(this.db, options.path, synchronous, !inMemory);
  }

  transaction<T>(fn: () => T): T {
    // Nested calls join the outer transaction rather than opening a savepoint.
    if (this.db.inTransaction) return fn();
    try {
      return this.runInTransaction(fn) as T;
    } catch (e) {
      this.events.reset();
      this.seqs.reset();
      throw e;
    }
  }

  begin(): void {
    this.db.exec('BEGIN');
  }

  commit(): void {
    this.seqs.flush();
    this.db.exec('COMMIT');
  }

  rollback(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.events.reset();
    this.seqs.reset();
  }

  /** Flushes the WAL into the main file and closes the database. */
  close(): void {
    this.checkpointer.stop();
    this.people.stop();
    if (this.db.open) {
      // Busy when the checkpoint thread is mid-way (it is being stopped): the WAL then stays, durable.
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.close();
    }
    this.lock?.release();
  }

  // ---- messages --------------------------------------------------------------
  /** `json`, when the core passes it, is `JSON.stringify(record.message)` (made once per send). */
  insertMessage(record: MessageRecord, json?: string): void {
    const m = record.message;
    const recordJson =
      json === undefined ? JSON.stringify(record) : `{"key":${JSON.stringify(record.key)},"message":${json}}`;
    const { lastInsertRowid } = this.s.insertMessage.run(
      m.serverId,
      record.key,
      m.seq,
      m.from,
      m.localId,
      m.excluded ? 1 : 0,
      recordJson,
    );
    this.events.noteMessage(m, Number(lastInsertRowid));
    this.people.messageStored();
  }
  updateMessage(message: Message): void {
    const row = this.s.getMessage.get(message.serverId) as Row | undefined;
    const old = parse<MessageRecord>(row);
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
    this.s.updateMessage.run(next.message.excluded ? 1 : 0, JSON.stringify(next), message.serverId);
  }
  getMessage(serverId: string): MessageRecord | null {
    return parse<MessageRecord>(this.s.getMessage.get(serverId) as Row | undefined);
  }
  getMessageByLocalId(from: UserId, localId: string): MessageRecord | null {
    return parse<MessageRecord>(this.s.getMessageByLocalId.get(from, localId) as Row | undefined);
  }
  listMessages(key: ConversationKey, query: MessageQuery): Message[] {
    const rows = this.s.listMessages.all(
      key,
      query.before ?? Number.MAX_SAFE_INTEGER,
      query.after ?? -1,
      Math.max(0, query.limit),
    ) as Row[];
    return parseAll<MessageRecord>(rows).map((r) => r.message);
  }
  countUnread(key: ConversationKey, query: UnreadQuery): number {
    return (this.s.countUnread.get(key, query.afterSeq, query.notFrom) as { n: number }).n;
  }

  // ---- per-conversation sequence ---------------------------------------------
  nextSeq(key: ConversationKey): number {
    return this.seqs.next(key);
  }
  lastSeq(key: ConversationKey): number {
    return this.seqs.last(key);
  }

  // ---- per-user conversation state -------------------------------------------
  getConversationState(user: UserId, key: ConversationKey): ConversationStateRecord | null {
    return parse<ConversationStateRecord>(this.s.getConversationState.get(user, key) as Row | undefined);
  }
  putConversationState(state: ConversationStateRecord): void {
    this.s.putConversationState.run(
      state.user,
      state.key,
      state.updatedAt,
      state.hidden ? 1 : 0,
      state.unread,
      JSON.stringify(state),
    );
  }
  listConversationStates(user: UserId): ConversationStateRecord[] {
    return parseAll<ConversationStateRecord>(this.s.listConversationStates.all(user) as Row[]);
  }
  listConversationPage(user: UserId, query: ConversationPageQuery): ConversationStateRecord[] {
    const { after, limit } = query;
    const rows = after
      ? this.s.listConversationPageAfter.all(user, after.updatedAt, after.updatedAt, after.key, limit)
      : this.s.listConversationPage.all(user, limit);
    return parseAll<ConversationStateRecord>(rows as Row[]);
  }
  unreadTotal(user: UserId): number {
    return (this.s.unreadTotal.get(user) as { n: number | null }).n ?? 0;
  }

  // ---- receipts --------------------------------------------------------------
  addReceipt(serverId: string, user: UserId, kind: ReceiptKind, at: number): boolean {
    return this.s.addReceipt.run(serverId, user, kind, at).changes > 0;
  }
  listReceipts(serverId: string, kind: ReceiptKind): UserId[] {
    return (this.s.listReceipts.all(serverId, kind) as { user: string }[]).map((r) => r.user);
  }

  // ---- groups ----------------------------------------------------------------
  getGroup(groupId: string): GroupInfo | null {
    return parse<GroupInfo>(this.s.getGroup.get(groupId) as Row | undefined);
  }
  putGroup(group: GroupInfo): void {
    this.transaction(() => {
      this.s.putGroup.run(group.groupId, group.createdAt, JSON.stringify(group));
      this.s.deleteGroupMembers.run(group.groupId);
      for (const user of new Set(group.members)) this.s.insertGroupMember.run(user, group.groupId);
    });
  }
  deleteGroup(groupId: string): void {
    this.transaction(() => {
      this.s.deleteGroup.run(groupId);
      this.s.deleteGroupMembers.run(groupId);
    });
  }
  listGroupsOf(user: UserId): GroupInfo[] {
    return parseAll<GroupInfo>(this.s.listGroupsOf.all(user) as Row[]);
  }

  // ---- chat rooms ------------------------------------------------------------
  getRoom(roomId: string): RoomInfo | null {
    return parse<RoomInfo>(this.s.getRoom.get(roomId) as Row | undefined);
  }
  putRoom(room: RoomInfo): void {
    this.s.putRoom.run(room.roomId, room.createdAt, JSON.stringify(room));
  }
  deleteRoom(roomId: string): void {
    this.s.deleteRoom.run(roomId);
  }
  listRooms(): RoomInfo[] {
    return parseAll<RoomInfo>(this.s.listRooms.all() as Row[]);
  }

  // ---- blocklists ------------------------------------------------------------
  getBlocklist(user: UserId): UserId[] {
    return parse<UserId[]>(this.s.getBlocklist.get(user) as Row | undefined) ?? [];
  }
  setBlocklist(user: UserId, blocked: UserId[]): void {
    this.s.setBlocklist.run(user, JSON.stringify(blocked));
  }

  // ---- pins ------------------------------------------------------------------
  getPins(key: ConversationKey): PinnedMessage[] {
    return parse<PinnedMessage[]>(this.s.getPins.get(key) as Row | undefined) ?? [];
  }
  setPins(key: ConversationKey, pins: PinnedMessage[]): void {
    if (pins.length === 0) this.s.deletePins.run(key);
    else this.s.setPins.run(key, JSON.stringify(pins));
  }

  // ---- thread read positions (sqlite-thread-reads.ts) --------------------------
  getThreadRead(user: UserId, root: string): number | null {
    return this.threadReads.getThreadRead(user, root);
  }
  raiseThreadRead(user: UserId, root: string, readSeq: number): void {
    this.threadReads.raiseThreadRead(user, root, readSeq);
  }
  listThreadReads(root: string): ThreadReadRecord[] {
    return this.threadReads.listThreadReads(root);
  }

  // ---- invitations (sqlite-invitations.ts) ----------------------------------
  getInvitation(inviteId: string): Invitation | null {
    return this.invitations.getInvitation(inviteId);
  }
  putInvitation(inv: Invitation): void {
    this.invitations.putInvitation(inv);
  }
  replaceInvitation(next: Invitation, expected: Invitation): boolean {
    return this.invitations.replaceInvitation(next, expected);
  }
  /** One server per file (owner lock): nobody else works on invitations, so a claim is the due list. */
  claimDueInvitations(time: number, limit: number): Invitation[] {
    return this.invitations.listDueInvitations(time, limit);
  }
  listDueInvitations(time: number, limit: number): Invitation[] {
    return this.invitations.listDueInvitations(time, limit);
  }
  listOpenInvitations(user: UserId): Invitation[] {
    return this.invitations.listOpenInvitations(user);
  }
  nextInvitationDeadline(): number | null {
    return this.invitations.nextInvitationDeadline();
  }

  // ---- per-user durable event log (sqlite-event-log.ts) ---------------------
  /** `json`, when the core passes it, is the event already serialized (once for a whole fan-out). */
  appendEvent(user: UserId, event: ChatEvent, at: number, json?: string): number {
    return this.events.append(user, event, at, json);
  }
  appendEvents(entries: readonly EventAppend[], at: number): number[] {
    return entries.map((e) => this.events.append(e.user, e.event, at, e.json));
  }
  readEvents(user: UserId, after: number, limit: number): EventRecord[] {
    return this.events.read(user, after, limit);
  }
  lastEventPosition(user: UserId): number {
    return this.events.last(user);
  }
  firstEventPosition(user: UserId): number {
    return this.events.first(user);
  }
  pruneEvents(user: UserId, upTo: number): void {
    this.transaction(() => this.events.prune(user, upTo));
  }
  pruneEventsBefore(time: number): void {
    this.transaction(() => this.events.pruneBefore(time));
  }

  // ---- file metadata ---------------------------------------------------------
  putFile(record: FileRecord): void {
    this.s.putFile.run(record.fileId, record.owner, record.createdAt, JSON.stringify(record));
  }
  getFile(fileId: string): FileRecord | null {
    return parse<FileRecord>(this.s.getFile.get(fileId) as Row | undefined);
  }
  deleteFile(fileId: string): void {
    this.s.deleteFile.run(fileId);
  }

  // ---- people and search (sqlite-people-storage.ts) ---------------------------
  getProfiles(users: UserId[]): ProfileRecord[] {
    return this.people.getProfiles(users);
  }
  putProfile(record: ProfileRecord): void {
    this.people.putProfile(record);
  }
  searchProfiles(query: ProfileSearchQuery): ProfileRecord[] {
    return this.people.searchProfiles(query);
  }
  searchMessages(query: MessageSearchQuery): MessageSearchResult {
    return this.people.searchMessages(query);
  }

  // ---- Web Push subscriptions (sqlite-push-storage.ts) -----------------------
  putPushSubscription(record: PushSubscriptionRecord): void {
    this.push.putPushSubscription(record);
  }
  listPushSubscriptions(user: UserId): PushSubscriptionRecord[] {
    return this.push.listPushSubscriptions(user);
  }
  deletePushSubscription(user: UserId, device: string): void {
    this.push.deletePushSubscription(user, device);
  }
  deletePushEndpoint(endpoint: string): void {
    this.push.deletePushEndpoint(endpoint);
  }
}

/** Every statement, prepared once. */
function prepare(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  return {
    insertMessage: p(
      'INSERT INTO messages (server_id, key, seq, from_user, local_id, excluded, json) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    updateMessage: p('UPDATE messages SET excluded = ?, json = ? WHERE server_id = ?'),
    keepOriginal: p(
      'INSERT OR IGNORE INTO message_originals (msg, json) SELECT id, json FROM messages WHERE server_id = ?',
    ),
    getMessage: p('SELECT json FROM messages WHERE server_id = ?'),
    getMessageByLocalId: p('SELECT json FROM messages WHERE from_user = ? AND local_id = ?'),
    listMessages: p('SELECT json FROM messages WHERE key = ? AND seq < ? AND seq > ? ORDER BY seq DESC LIMIT ?'),
    countUnread: p('SELECT COUNT(*) AS n FROM messages WHERE key = ? AND seq > ? AND from_user <> ? AND excluded = 0'),
    getConversationState: p('SELECT json FROM conversation_states WHERE user = ? AND key = ?'),
    putConversationState: p(
      'INSERT OR REPLACE INTO conversation_states (user, key, updated_at, hidden, unread, json) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    listConversationStates: p('SELECT json FROM conversation_states WHERE user = ? ORDER BY updated_at DESC, key ASC'),
    listConversationPage: p(
      'SELECT json FROM conversation_states WHERE user = ? AND hidden = 0 ORDER BY updated_at DESC, key ASC LIMIT ?',
    ),
    listConversationPageAfter: p(
      'SELECT json FROM conversation_states WHERE user = ? AND hidden = 0 AND updated_at <= ? AND (updated_at < ? OR key > ?) ORDER BY updated_at DESC, key ASC LIMIT ?',
    ),
    unreadTotal: p('SELECT SUM(unread) AS n FROM conversation_states WHERE user = ? AND hidden = 0'),
    addReceipt: p('INSERT OR IGNORE INTO receipts (server_id, user, kind, at) VALUES (?, ?, ?, ?)'),
    listReceipts: p('SELECT user FROM receipts WHERE server_id = ? AND kind = ? ORDER BY id'),
    getGroup: p('SELECT json FROM groups WHERE group_id = ?'),
    putGroup: p('INSERT OR REPLACE INTO groups (group_id, created_at, json) VALUES (?, ?, ?)'),
    deleteGroup: p('DELETE FROM groups WHERE group_id = ?'),
    deleteGroupMembers: p('DELETE FROM group_members WHERE group_id = ?'),
    insertGroupMember: p('INSERT OR IGNORE INTO group_members (user, group_id) VALUES (?, ?)'),
    listGroupsOf: p(
      'SELECT g.json FROM group_members m JOIN groups g ON g.group_id = m.group_id WHERE m.user = ? ORDER BY g.created_at, g.group_id',
    ),
    getRoom: p('SELECT json FROM rooms WHERE room_id = ?'),
    putRoom: p('INSERT OR REPLACE INTO rooms (room_id, created_at, json) VALUES (?, ?, ?)'),
    deleteRoom: p('DELETE FROM rooms WHERE room_id = ?'),
    listRooms: p('SELECT json FROM rooms ORDER BY created_at, room_id'),
    getBlocklist: p('SELECT json FROM blocklists WHERE user = ?'),
    setBlocklist: p('INSERT OR REPLACE INTO blocklists (user, json) VALUES (?, ?)'),
    getPins: p('SELECT json FROM pins WHERE key = ?'),
    setPins: p('INSERT OR REPLACE INTO pins (key, json) VALUES (?, ?)'),
    deletePins: p('DELETE FROM pins WHERE key = ?'),
    putFile: p('INSERT OR REPLACE INTO files (file_id, owner, created_at, json) VALUES (?, ?, ?, ?)'),
    getFile: p('SELECT json FROM files WHERE file_id = ?'),
    deleteFile: p('DELETE FROM files WHERE file_id = ?'),
  };
}
