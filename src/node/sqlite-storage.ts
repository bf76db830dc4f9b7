// Owns the durable Storage of the Node host: the server core's synchronous
// Storage interface on SQLite (better-sqlite3, WAL). Records are JSON columns
// re-parsed on every read, so nothing handed out aliases what is stored.
// `synchronous: 'NORMAL'` survives a process crash; 'FULL' also power loss.
// Each part has its own sqlite-*.ts module (the file and its transactions in
// sqlite-database.ts); this class is the one Storage the core sees: it
// forwards most operations to their part as they are, and keeps what spans
// parts (a stored message is news for the search index, the transaction
// hooks of the seq counters and event log) and the small tables with no
// module of their own (pins, file metadata).
import type Database from 'better-sqlite3';
import type { ChatEvent } from '../protocol/frames';
import type { PinnedMessage } from '../protocol/features';
import type { Invitation } from '../protocol/invitation';
import type { UserId } from '../protocol/message';
import type {
  ConversationKey,
  ConversationPageQuery,
  ConversationPageRead,
  EventRecord,
  FileRecord,
  EventAppend,
  MessageRecord,
  SyncStorage,
} from '../server/storage';
import type { MessageSearchQuery, MessageSearchResult } from '../server/people-storage';
import { forwardToPart } from '../server/forward-to-part';
import { SqliteEventLog } from './sqlite-event-log';
import { SqliteSeqCounters } from './sqlite-seq-counters';
import { SqliteDatabase, type SqliteStorageOptions } from './sqlite-database';
import { SqlitePeopleStorage } from './sqlite-people-storage';
import { SqlitePushStorage } from './sqlite-push-storage';
import { SqliteInvitations } from './sqlite-invitations';
import { SqliteThreadReads } from './sqlite-thread-reads';
import { SqliteMessages } from './sqlite-messages';
import { SqliteConversationStates } from './sqlite-conversation-states';
import { SqliteDirectory } from './sqlite-directory';
import { SqliteReader } from './sqlite-reader';
import { conversationPageFromRows, conversationPageReads } from './sqlite-conversation-page';

export type { SqliteStorageOptions } from './sqlite-database';

type Row = { json: string };
const parse = <T>(row: Row | undefined): T | null => (row ? (JSON.parse(row.json) as T) : null);

/** What SqliteStorage forwards to its parts as they are (forward-to-part.ts), by part. */
const MESSAGE_OPS = [
  'updateMessage',
  'getMessage',
  'getMessages',
  'getMessageByLocalId',
  'listMessages',
  'countUnread',
  'addReceipt',
  'listReceipts',
] as const;
const STATE_OPS = [
  'getConversationState',
  'putConversationState',
  'listConversationStates',
  'listConversationKeys',
  'listClearedHistories',
  'listConversationPage',
  'unreadTotal',
] as const;
const DIRECTORY_OPS = [
  'getGroup',
  'putGroup',
  'deleteGroup',
  'listGroupsOf',
  'getRoom',
  'putRoom',
  'deleteRoom',
  'listRooms',
  'getBlocklist',
  'setBlocklist',
] as const;
const THREAD_READ_OPS = ['getThreadRead', 'raiseThreadRead', 'listThreadReads'] as const;
const INVITATION_OPS = [
  'getInvitation',
  'putInvitation',
  'replaceInvitation',
  'listDueInvitations',
  'listOpenInvitations',
  'nextInvitationDeadline',
] as const;
const PEOPLE_OPS = ['getProfiles', 'putProfile', 'searchProfiles', 'searchMessages'] as const;
const PUSH_OPS = [
  'putPushSubscription',
  'listPushSubscriptions',
  'deletePushSubscription',
  'deletePushEndpoint',
] as const;
type ForwardedOps =
  | (typeof MESSAGE_OPS)[number]
  | (typeof STATE_OPS)[number]
  | (typeof DIRECTORY_OPS)[number]
  | (typeof THREAD_READ_OPS)[number]
  | (typeof INVITATION_OPS)[number]
  | (typeof PEOPLE_OPS)[number]
  | (typeof PUSH_OPS)[number];

/** The operations SqliteStorage forwards to its parts (see the class). */
// Merged on purpose: forwardToPart defines these on the prototype, from the same lists.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface SqliteStorage extends Pick<SyncStorage, ForwardedOps> {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the interface above
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
  /** The reader thread: searches and conversation pages from the core are read there. */
  private readonly reader: SqliteReader;

  static {
    forwardToPart(SqliteStorage, (s) => s.messages, MESSAGE_OPS);
    forwardToPart(SqliteStorage, (s) => s.states, STATE_OPS);
    forwardToPart(SqliteStorage, (s) => s.directory, DIRECTORY_OPS);
    forwardToPart(SqliteStorage, (s) => s.threadReads, THREAD_READ_OPS);
    forwardToPart(SqliteStorage, (s) => s.invitations, INVITATION_OPS);
    forwardToPart(SqliteStorage, (s) => s.people, PEOPLE_OPS);
    forwardToPart(SqliteStorage, (s) => s.push, PUSH_OPS);
  }

  constructor(options: SqliteStorageOptions) {
    this.file = new SqliteDatabase(options, {
      beforeCommit: () => {
        this.seqs.flush();
        this.events.committing();
      },
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
    this.reader = new SqliteReader(this.db);
    this.people = new SqlitePeopleStorage(this.db, (fn) => this.transaction(fn), this.reader);
    this.push = new SqlitePushStorage(this.db, (fn) => this.transaction(fn));
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
    // The search indexer and the reader stop first: they work on the file being closed.
    this.people.stop();
    this.reader.stop();
    this.file.close();
  }

  // ---- messages (the rest of them and receipts: sqlite-messages.ts) ---------
  /** `json`, when the core passes it, is `JSON.stringify(record.message)` (made once per send). */
  insertMessage(record: MessageRecord, json?: string): void {
    this.messages.insertMessage(record, json);
    this.people.messageStored();
  }

  /** Before a search from the core: the word index catches up without one long stall (sqlite-search-indexer.ts). */
  prepareSearch(): Promise<void> {
    return this.people.prepareSearch();
  }

  /** A search from the core: read on the reader thread (sqlite-reader.ts). */
  searchInBackground(query: MessageSearchQuery): Promise<MessageSearchResult> {
    return this.people.searchInBackground(query);
  }

  /** A conversation page from the core: read on the reader thread (sqlite-conversation-page.ts). */
  async conversationPageInBackground(
    user: UserId,
    query: ConversationPageQuery,
    withTotal: boolean,
  ): Promise<ConversationPageRead> {
    // Inside a transaction of the writer its own writes count: the reader reads on its connection then.
    return conversationPageFromRows(await this.reader.together(conversationPageReads(user, query, withTotal)));
  }

  // ---- per-conversation sequence ---------------------------------------------
  nextSeq(key: ConversationKey): number {
    return this.seqs.next(key);
  }
  lastSeq(key: ConversationKey): number {
    return this.seqs.last(key);
  }

  // ---- pins ------------------------------------------------------------------
  getPins(key: ConversationKey): PinnedMessage[] {
    return parse<PinnedMessage[]>(this.s.getPins.get(key) as Row | undefined) ?? [];
  }
  setPins(key: ConversationKey, pins: PinnedMessage[]): void {
    if (pins.length === 0) this.s.deletePins.run(key);
    else this.s.setPins.run(key, JSON.stringify(pins));
  }

  // ---- invitations (the rest: sqlite-invitations.ts) ---------------------------
  /** One server per file (owner lock): nobody else works on invitations, so a claim is the due list. */
  claimDueInvitations(time: number, limit: number): Invitation[] {
    return this.invitations.listDueInvitations(time, limit);
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
  pruneEventsBefore(time: number, after: UserId | null = null, users = Number.POSITIVE_INFINITY): UserId | null {
    return this.transaction(() => this.events.pruneBefore(time, after, users));
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
