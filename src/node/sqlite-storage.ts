// Owns the durable Storage of the Node host: the server core's synchronous
// Storage interface on SQLite (better-sqlite3, WAL). Records are JSON columns
// re-parsed on every read, so nothing handed out aliases what is stored.
// `synchronous: 'NORMAL'` survives a process crash; 'FULL' also power loss.
// Each part has its own sqlite-*.ts module (the file and its transactions in
// sqlite-database.ts); this class is the one Storage the core sees.
import type Database from 'better-sqlite3';
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
import { SqliteEventLog } from './sqlite-event-log';
import { SqliteSeqCounters } from './sqlite-seq-counters';
import { SqliteDatabase, type SqliteStorageOptions } from './sqlite-database';
import { SqlitePeopleStorage } from './sqlite-people-storage';
import { SqlitePushStorage } from './sqlite-push-storage';
import type { PushSubscriptionRecord } from '../server/push-storage';
import { SqliteInvitations } from './sqlite-invitations';
import { SqliteThreadReads } from './sqlite-thread-reads';
import { SqliteMessages } from './sqlite-messages';
import { SqliteConversationStates } from './sqlite-conversation-states';
import { SqliteDirectory } from './sqlite-directory';
import type { ThreadReadRecord } from '../server/thread-read-storage';
import type {
  MessageSearchQuery,
  MessageSearchResult,
  ProfileRecord,
  ProfileSearchQuery,
} from '../server/people-storage';

export type { SqliteStorageOptions } from './sqlite-database';

type Row = { json: string };
const parse = <T>(row: Row | undefined): T | null => (row ? (JSON.parse(row.json) as T) : null);

export class SqliteStorage implements SyncStorage {
  readonly db: Database.Database;
  /** Opening, transactions and closing (sqlite-database.ts). */
  private readonly file: SqliteDatabase;
  private readonly s: ReturnType<typeof prepare>;
  /** The per-user event logs (message events stored as references to the message row). */
  private readonly events: SqliteEventLog;
  /** Conversation seq counters (written once per transaction when this storage is the only writer). */
  private readonly seqs: SqliteSeqCounters;
  private readonly messages: SqliteMessages;
  private readonly states: SqliteConversationStates;
  private readonly directory: SqliteDirectory;
  private readonly people: SqlitePeopleStorage;
  private readonly push: SqlitePushStorage;
  private readonly threadReads: SqliteThreadReads;
  private readonly invitations: SqliteInvitations;

  constructor(options: SqliteStorageOptions) {
    this.file = new SqliteDatabase(options, {
      beforeCommit: () => this.seqs.flush(),
      afterRollback: () => {
        this.events.reset();
        this.seqs.reset();
      },
    });
    this.db = this.file.db;
    this.s = prepare(this.db);
    // Each user's last position is cached only when nobody else can append (exclusive lock).
    this.events = new SqliteEventLog(this.db, this.file.exclusive ? new Map() : null);
    this.seqs = new SqliteSeqCounters(this.db, this.file.exclusive);
    this.messages = new SqliteMessages(this.db, this.events);
    this.states = new SqliteConversationStates(this.db);
    this.directory = new SqliteDirectory(this.db, (fn) => this.transaction(fn));
    this.people = new SqlitePeopleStorage(this.db);
    this.push = new SqlitePushStorage(this.db);
    this.invitations = new SqliteInvitations(this.db, (fn) => this.transaction(fn));
    this.threadReads = new SqliteThreadReads(this.db);
  }

  transaction<T>(fn: () => T): T {
    return this.file.transaction(fn);
  }
  begin(): void {
    this.file.begin();
  }
  commit(): void {
    this.file.commit();
  }
  rollback(): void {
    this.file.rollback();
  }
  /** Flushes the WAL into the main file and closes the database. */
  close(): void {
    // The search indexer stops first: it works on the file being closed.
    this.people.stop();
    this.file.close();
  }

  // ---- messages and receipts (sqlite-messages.ts) --------------------------
  /** `json`, when the core passes it, is `JSON.stringify(record.message)` (made once per send). */
  insertMessage(record: MessageRecord, json?: string): void {
    this.messages.insertMessage(record, json);
    this.people.messageStored();
  }
  updateMessage(message: Message): void {
    this.messages.updateMessage(message);
  }
  getMessage(serverId: string): MessageRecord | null {
    return this.messages.getMessage(serverId);
  }
  getMessageByLocalId(from: UserId, localId: string): MessageRecord | null {
    return this.messages.getMessageByLocalId(from, localId);
  }
  listMessages(key: ConversationKey, query: MessageQuery): Message[] {
    return this.messages.listMessages(key, query);
  }
  countUnread(key: ConversationKey, query: UnreadQuery): number {
    return this.messages.countUnread(key, query);
  }
  addReceipt(serverId: string, user: UserId, kind: ReceiptKind, at: number): boolean {
    return this.messages.addReceipt(serverId, user, kind, at);
  }
  listReceipts(serverId: string, kind: ReceiptKind): UserId[] {
    return this.messages.listReceipts(serverId, kind);
  }

  // ---- per-conversation sequence ---------------------------------------------
  nextSeq(key: ConversationKey): number {
    return this.seqs.next(key);
  }
  lastSeq(key: ConversationKey): number {
    return this.seqs.last(key);
  }

  // ---- per-user conversation state (sqlite-conversation-states.ts) ----------
  getConversationState(user: UserId, key: ConversationKey): ConversationStateRecord | null {
    return this.states.getConversationState(user, key);
  }
  putConversationState(state: ConversationStateRecord): void {
    this.states.putConversationState(state);
  }
  listConversationStates(user: UserId): ConversationStateRecord[] {
    return this.states.listConversationStates(user);
  }
  listConversationPage(user: UserId, query: ConversationPageQuery): ConversationStateRecord[] {
    return this.states.listConversationPage(user, query);
  }
  unreadTotal(user: UserId): number {
    return this.states.unreadTotal(user);
  }

  // ---- groups, chat rooms, blocklists (sqlite-directory.ts) -------------------
  getGroup(groupId: string): GroupInfo | null {
    return this.directory.getGroup(groupId);
  }
  putGroup(group: GroupInfo): void {
    this.directory.putGroup(group);
  }
  deleteGroup(groupId: string): void {
    this.directory.deleteGroup(groupId);
  }
  listGroupsOf(user: UserId): GroupInfo[] {
    return this.directory.listGroupsOf(user);
  }
  getRoom(roomId: string): RoomInfo | null {
    return this.directory.getRoom(roomId);
  }
  putRoom(room: RoomInfo): void {
    this.directory.putRoom(room);
  }
  deleteRoom(roomId: string): void {
    this.directory.deleteRoom(roomId);
  }
  listRooms(): RoomInfo[] {
    return this.directory.listRooms();
  }
  getBlocklist(user: UserId): UserId[] {
    return this.directory.getBlocklist(user);
  }
  setBlocklist(user: UserId, blocked: UserId[]): void {
    this.directory.setBlocklist(user, blocked);
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

/** The statements of what has no module of its own (pins, file metadata), prepared once. */
function prepare(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  return {
    getPins: p('SELECT json FROM pins WHERE key = ?'),
    setPins: p('INSERT OR REPLACE INTO pins (key, json) VALUES (?, ?)'),
    deletePins: p('DELETE FROM pins WHERE key = ?'),
    putFile: p('INSERT OR REPLACE INTO files (file_id, owner, created_at, json) VALUES (?, ?, ?, ?)'),
    getFile: p('SELECT json FROM files WHERE file_id = ?'),
    deleteFile: p('DELETE FROM files WHERE file_id = ?'),
  };
}
