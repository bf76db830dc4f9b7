// Owns the contract between the server core and its persistence: the
// asynchronous `Storage` the core uses, and `SyncStorage`, the same
// operations synchronously with explicit begin/commit/rollback, which an
// in-process store implements and sync-storage-adapter.ts turns into a
// `Storage` (MemoryStorage in memory-storage.ts, the Node host's SQLite).
// The Node host's PostgreSQL storage implements `Storage` directly, for
// several server nodes writing at once. Every record is plain JSON-able
// data (storage-records.ts), so an implementation may store it as a JSON
// column plus the few indexed columns named in each method's comment.
//
// Rules every implementation must keep:
// - `transaction(fn)` runs `fn(tx)` atomically: either every write made
//   through `tx` is kept, or (when `fn` rejects) none is; the error is
//   rethrown. `tx.transaction(g)` joins the outer one. Reads through `tx` see
//   the transaction's own writes, and rows read through `tx` that the
//   transaction then writes (conversation states, invitations, blocklists)
//   are not changed by anyone else until it ends (read for update).
// - Storage may be shared by several writers (`shared`): then every
//   invariant lives in the database — seq counters and event positions are
//   handed out under a row lock held to commit (so a position is never
//   visible before the smaller ones of the same user), (from, localId) is a
//   unique key, and a transaction that loses a race (deadlock, serialization
//   failure, duplicate idempotency key) is rolled back and run again by the
//   storage, so `fn` must be safe to run more than once.
// - SyncStorage: all methods synchronous; `transaction(fn)` as above for a
//   synchronous `fn` (nested calls join), begin/commit/rollback the same in
//   three steps (one transaction at a time, never nested).
// - Records handed in are owned by the storage afterwards and records handed
//   out must not alias internal state (copy or re-parse), so the core may
//   mutate what it reads without corrupting the store.
// - Lists come back in the order each method states.
import type { ChatEvent } from '../protocol/frames';
import type { GroupInfo, RoomInfo } from '../protocol/entities';
import type { Invitation } from '../protocol/invitation';
import type { PinnedMessage } from '../protocol/features';
import type { Message, UserId } from '../protocol/message';
import type { MessageSearchQuery, MessageSearchResult, PeopleStorage } from './people-storage';
import type {
  ConversationKey,
  ClearedHistory,
  ConversationPageQuery,
  ConversationPageRead,
  ConversationStateRecord,
  EventAppend,
  EventRecord,
  FileRecord,
  MessageQuery,
  MessageRecord,
  ReceiptKind,
  UnreadQuery,
} from './storage-records';

export type {
  ClearedHistory,
  ConversationKey,
  ConversationPageQuery,
  ConversationPageRead,
  ConversationStateRecord,
  EventAppend,
  EventRecord,
  FileRecord,
  MessageQuery,
  MessageRecord,
  ReceiptKind,
  UnreadQuery,
} from './storage-records';
import type { PushStorage } from './push-storage';
import type { ThreadReadStorage } from './thread-read-storage';

/**
 * The operations every storage offers, synchronously (see SyncStorage and Storage); people and
 * search: people-storage.ts; thread read positions: thread-read-storage.ts; Web Push subscriptions: push-storage.ts.
 */
export interface StorageOps extends PeopleStorage, ThreadReadStorage, PushStorage {
  // ---- messages --------------------------------------------------------------
  /**
   * Stores a new message. Throws if its serverId or (from, localId) already exists.
   * `json`, when given, is `JSON.stringify(record.message)` already made by the core (once per send,
   * reused for every recipient's event): an implementation that stores JSON may reuse it.
   */
  insertMessage(record: MessageRecord, json?: string): void;
  /** Replaces a stored message's content by serverId (used for the recall tombstone); key, seq and ids stay. */
  updateMessage(message: Message): void;
  getMessage(serverId: string): MessageRecord | null;
  /**
   * The messages with these serverIds, in the order asked (null for one not stored): a conversation
   * page reads its last messages in one call rather than one call each.
   */
  getMessages(serverIds: readonly string[]): Array<MessageRecord | null>;
  /** The idempotency lookup: the message a user sent with this client id. Index (from, localId). */
  getMessageByLocalId(from: UserId, localId: string): MessageRecord | null;
  /** Messages of a conversation, newest first (seq descending). Index (key, seq). */
  listMessages(key: ConversationKey, query: MessageQuery): Message[];
  /** Number of messages matching {@link UnreadQuery} (recomputing unread after a partial ack). */
  countUnread(key: ConversationKey, query: UnreadQuery): number;

  // ---- per-conversation sequence ---------------------------------------------
  /** Increments and returns the conversation's seq counter (first call returns 1). */
  nextSeq(key: ConversationKey): number;
  /** The conversation's highest seq handed out; 0 when none. */
  lastSeq(key: ConversationKey): number;

  // ---- per-user conversation state -------------------------------------------
  getConversationState(user: UserId, key: ConversationKey): ConversationStateRecord | null;
  /** Insert or replace by (user, key). */
  putConversationState(state: ConversationStateRecord): void;
  /** All states of one user (hidden included), most recently updated first. */
  listConversationStates(user: UserId): ConversationStateRecord[];
  /**
   * The keys of all of one user's states (hidden included), in no set order: what finding a
   * user's contacts needs, read from the (user, key) index without reading any record.
   */
  listConversationKeys(user: UserId): ConversationKey[];
  /**
   * The conversations whose history `user` cleared (clearedSeq > 0), in no set order: with
   * listConversationKeys, what a search over all of a user's conversations needs, read from a
   * column rather than from every record.
   */
  listClearedHistories(user: UserId): ClearedHistory[];
  /**
   * One page of the user's conversation list: states that are not hidden, updatedAt descending
   * then key ascending, strictly after `query.after`. Index (user, hidden, updated_at, key).
   */
  listConversationPage(user: UserId, query: ConversationPageQuery): ConversationStateRecord[];
  /** The sum of `unread` over the user's states that are not hidden (the list's unread total). */
  unreadTotal(user: UserId): number;

  // ---- receipts --------------------------------------------------------------
  /** Records a receipt; returns false (and changes nothing) when that user already gave this kind for this message. */
  addReceipt(serverId: string, user: UserId, kind: ReceiptKind, at: number): boolean;
  /** Users who gave this kind of receipt for the message, in the order they gave it. */
  listReceipts(serverId: string, kind: ReceiptKind): UserId[];

  // ---- groups ----------------------------------------------------------------
  getGroup(groupId: string): GroupInfo | null;
  /** Insert or replace by groupId (members, admins, mutes and whitelist are inside the record). */
  putGroup(group: GroupInfo): void;
  deleteGroup(groupId: string): void;
  /** Groups whose `members` include the user, ordered by createdAt then groupId. */
  listGroupsOf(user: UserId): GroupInfo[];

  // ---- chat rooms ------------------------------------------------------------
  getRoom(roomId: string): RoomInfo | null;
  /** Insert or replace by roomId. */
  putRoom(room: RoomInfo): void;
  deleteRoom(roomId: string): void;
  /** Every room, ordered by createdAt then roomId. */
  listRooms(): RoomInfo[];

  // ---- blocklists ------------------------------------------------------------
  /**
   * Users this user blocked, in the order they were blocked. `check`: read to check a send or an
   * invitation against, not to change it: inside a transaction on a shared storage, others may
   * check it meanwhile but nobody changes it until the transaction ends (PostgreSQL: FOR SHARE);
   * otherwise it is read for update.
   */
  getBlocklist(user: UserId, purpose?: 'check'): UserId[];
  /** Replaces the user's blocklist. */
  setBlocklist(user: UserId, blocked: UserId[]): void;

  // ---- pins ------------------------------------------------------------------
  /** The conversation's pinned messages, newest first; [] when none. */
  getPins(key: ConversationKey): PinnedMessage[];
  /** Replaces the conversation's pins. */
  setPins(key: ConversationKey, pins: PinnedMessage[]): void;

  // ---- invitations (signaling) -----------------------------------------------
  // onlineUserOnly invitations are stored only by a shared storage (several nodes must find them;
  // one node keeps them in memory). An invitation is "open" while
  // one of its `states` is 'pending' (isInvitationOpen in protocol/invitation.ts).
  getInvitation(inviteId: string): Invitation | null;
  /** Insert or replace by inviteId. */
  putInvitation(invitation: Invitation): void;
  /**
   * Compare-and-set: replaces the invitation only if the stored record still equals `expected`
   * (as JSON); false (and nothing written) otherwise. One winner when several nodes race.
   */
  replaceInvitation(next: Invitation, expected: Invitation): boolean;
  /**
   * Claims up to `limit` open invitations due at `time` for `owner` until `leaseUntil`: an
   * invitation claimed by another owner whose lease has not run out is skipped, so each due
   * invitation is worked on by one node at a time (the state change itself is a compare-and-set).
   */
  claimDueInvitations(time: number, limit: number, owner: string, leaseUntil: number): Invitation[];
  /** Open invitations with a deadline <= `time`, earliest deadline first, at most `limit`. */
  listDueInvitations(time: number, limit: number): Invitation[];
  /** Open invitations where the user is the inviter or an invitee, oldest first. */
  listOpenInvitations(user: UserId): Invitation[];
  /**
   * The earliest deadline among open invitations, or null (to arm one timer after a restart); an
   * invitation claimed by another owner counts from the end of its lease.
   */
  nextInvitationDeadline(): number | null;

  // ---- per-user durable event log --------------------------------------------
  /**
   * Appends an event to the user's log and returns its position (last position + 1).
   * `json`, when given, is `JSON.stringify(event)` already made by the core (a message fanned out
   * to many users is serialized once): an implementation that stores JSON should store it as is.
   */
  appendEvent(user: UserId, event: ChatEvent, at: number, json?: string): number;
  /** Events with pos > `after`, in position order, at most `limit`. */
  readEvents(user: UserId, after: number, limit: number): EventRecord[];
  /** The user's newest position; 0 when nothing was ever appended (unaffected by pruning). */
  lastEventPosition(user: UserId): number;
  /** Position of the user's oldest retained event; lastEventPosition + 1 when none is retained. */
  firstEventPosition(user: UserId): number;
  /**
   * Appends several events in one call (a commit's whole fan-out), returning their positions in
   * order; an implementation may lock each user's log in user order to avoid deadlocks.
   */
  appendEvents(entries: readonly EventAppend[], at: number): number[];
  /** Drops the user's events with pos <= `upTo`. */
  pruneEvents(user: UserId, upTo: number): void;
  /**
   * Drops the events appended before `time` (retention by age) of the users after `after` in user
   * order, at most `users` of them (all by default); returns the last user it went through when
   * others are left, else null. A store whose prune does not run on the event loop (PostgreSQL)
   * or costs little (memory) may go through every user at once and return null.
   */
  pruneEventsBefore(time: number, after?: UserId | null, users?: number): UserId | null;

  // ---- file metadata ---------------------------------------------------------
  putFile(record: FileRecord): void;
  getFile(fileId: string): FileRecord | null;
  deleteFile(fileId: string): void;
}

/** The in-process, synchronous form (MemoryStorage, SQLite); made a Storage by sync-storage-adapter.ts. */
export interface SyncStorage extends StorageOps {
  /** Runs `fn` atomically; nested calls join the outer one. */
  transaction<T>(fn: () => T): T;
  /** Starts a transaction that `commit` keeps or `rollback` undoes (one at a time). */
  begin(): void;
  commit(): void;
  rollback(): void;
  /**
   * Optional: gets ready to answer `searchMessages(query)` without a long synchronous run (e.g.
   * builds an index in slices); the adapter awaits it before each search outside a transaction.
   */
  prepareSearch?(query: MessageSearchQuery): Promise<void> | undefined;
  /**
   * Optional: answers `searchMessages(query)` off the event loop (SQLite: a reader thread with its
   * own connection), so other requests are served meanwhile; the adapter uses it for searches
   * outside a transaction.
   */
  searchInBackground?(query: MessageSearchQuery): Promise<MessageSearchResult>;
  /**
   * Optional: reads a page of `user`'s conversation list with the last seq and message of each and,
   * when `withTotal`, the unread total, in one snapshot off the event loop (SQLite: the reader
   * thread); the adapter offers it as Storage's `readConversationPage` outside a transaction.
   */
  conversationPageInBackground?(
    user: UserId,
    query: ConversationPageQuery,
    withTotal: boolean,
  ): Promise<ConversationPageRead>;
}

type Promised<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never };

/** The storage the server core uses: every operation of StorageOps, asynchronously. */
export interface Storage extends Promised<StorageOps> {
  /** Runs `fn(tx)` atomically (see the module header); `tx.transaction` joins it. */
  transaction<T>(fn: (tx: Storage) => Promise<T>): Promise<T>;
  /**
   * True when other processes may write the same database at the same time (PostgreSQL): the core
   * then caches nothing it reads (single-writer storages may be cached, cached-storage.ts).
   */
  readonly shared: boolean;
  /**
   * Optional: a page of the conversation list read in one snapshot off the event loop (see
   * SyncStorage's conversationPageInBackground); without it the core reads the page op by op.
   */
  readonly readConversationPage?: (
    user: UserId,
    query: ConversationPageQuery,
    withTotal: boolean,
  ) => Promise<ConversationPageRead>;
  /**
   * Optional: the states of several users in one conversation (null where there is none), in
   * `users`' order, as getConversationState reads each (locked inside a transaction); a database
   * server answers them in one round trip instead of one per member of a group.
   */
  getConversationStates?(
    users: readonly UserId[],
    key: ConversationKey,
  ): Promise<Array<ConversationStateRecord | null>>;
  /** Optional: puts several states, one per (user, key), as putConversationState puts each, in one round trip. */
  putConversationStates?(states: readonly ConversationStateRecord[]): Promise<void>;
  /** Answers when the database can be reached (health checks); rejects otherwise. */
  ping(): Promise<void>;
  /** Releases connections and files. */
  close(): Promise<void>;
}

/**
 * Where uploaded bytes live, apart from their metadata (which is in Storage).
 * Asynchronous so that a host may write to disk or an object store.
 */
export interface FileStore {
  put(fileId: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when unknown. */
  get(fileId: string): Promise<Uint8Array | null>;
  delete(fileId: string): Promise<void>;
}
