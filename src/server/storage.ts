// Owns the contract between the server core and its persistence: one
// synchronous `Storage` interface covering everything the core keeps.
// Implementations: MemoryStorage (memory-storage.ts, in-page and tests) and the
// Node host's SQLite storage (better-sqlite3). Every record is plain JSON-able
// data, so an implementation may store it as a JSON column plus the few
// indexed columns named in each method's comment.
//
// Rules every implementation must keep:
// - All methods are synchronous. `transaction(fn)` runs `fn` atomically: either
//   every write inside it is kept, or (when `fn` throws) none is; the error is
//   rethrown. Nested calls join the outer transaction.
// - Records handed in are owned by the storage afterwards and records handed
//   out must not alias internal state (copy or re-parse), so the core may
//   mutate what it reads without corrupting the store.
// - Lists come back in the order each method states.
import type { ChatEvent } from '../protocol/frames';
import type { GroupInfo, RoomInfo } from '../protocol/entities';
import type { ConversationId } from '../protocol/ids';
import type { Invitation } from '../protocol/invitation';
import type { UploadedFile } from '../protocol/link';
import type { ChatType, Message, UserId } from '../protocol/message';
import type { PeopleStorage } from './people-storage';

/**
 * A conversation's viewer-independent key: `single:<a>|<b>` (the two user ids sorted),
 * `group:<groupId>` or `room:<roomId>`. Opaque to storage: it is only stored and compared.
 * Built by `conversationKey()` in conversation-key.ts.
 */
export type ConversationKey = string;

/** A stored message with the key of its conversation. */
export interface MessageRecord {
  key: ConversationKey;
  /** The message as sent to clients. `message.serverId` is unique; (`message.from`, `message.localId`) is unique (idempotency key). */
  message: Message;
}

/** Query for a page of one conversation's messages. */
export interface MessageQuery {
  /** Only messages with seq < before. */
  before?: number;
  /** Only messages with seq > after. */
  after?: number;
  /** Maximum number of messages returned. */
  limit: number;
}

/** Query for counting unread messages of one user in one conversation. */
export interface UnreadQuery {
  /** Count messages with seq > afterSeq ... */
  afterSeq: number;
  /** ... not sent by this user ... */
  notFrom: UserId;
  /** ... and not `excluded` (the flag on Message). */
}

/**
 * One user's state in one conversation. Exists once the user took part in the conversation
 * (sent or received a message in it); the user's conversation list is these records minus hidden ones.
 */
export interface ConversationStateRecord {
  user: UserId;
  key: ConversationKey;
  /** The conversation as this user names it (`single:<peer>`, `group:<id>`, `room:<id>`). */
  id: ConversationId;
  type: ChatType;
  target: string;
  /** Everything up to this seq is read. */
  readSeq: number;
  /** Unread messages: seq > readSeq, not sent by this user, not excluded, seq > clearedSeq. Kept as a counter. */
  unread: number;
  /** History at or below this seq is deleted for this user only (delete conversation with history). */
  clearedSeq: number;
  /** Deleted from the conversation list; shown again when a newer message arrives. */
  hidden: boolean;
  /** serverId of the newest message that may be the conversation's last message (not excluded, after clearedSeq); null when none. */
  lastServerId: string | null;
  /** Server time of the last change that moves the conversation in the list. */
  updatedAt: number;
  /** Single chats: highest seq the peer has read (channel ack or read receipt); absent = 0. */
  peerReadSeq?: number;
  /** Single chats: highest seq delivered to the peer (delivery receipt, or read); absent = 0. */
  peerDeliveredSeq?: number;
}

/** A receipt a user gave for one message. */
export type ReceiptKind = 'delivered' | 'read';

/** One durable event in a user's log. */
export interface EventRecord {
  /** Per-user position, strictly increasing from 1, never reused (even after pruning). */
  pos: number;
  event: ChatEvent;
  /** Server time of the append. */
  at: number;
}

/** Metadata of an uploaded file; the bytes live in a FileStore. */
export interface FileRecord {
  fileId: string;
  owner: UserId;
  createdAt: number;
  /** Exactly what is handed to clients (url, name, size, mime, dimensions/duration). */
  file: UploadedFile;
}

/** People and search methods: see people-storage.ts. */
export interface Storage extends PeopleStorage {
  /** Runs `fn` atomically (see the module header). Nested calls join the outer one. */
  transaction<T>(fn: () => T): T;

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
  /** Users this user blocked, in the order they were blocked. */
  getBlocklist(user: UserId): UserId[];
  /** Replaces the user's blocklist. */
  setBlocklist(user: UserId, blocked: UserId[]): void;

  // ---- invitations (signaling) -----------------------------------------------
  // Only invitations that are not onlineUserOnly are stored. An invitation is "open" while
  // one of its `states` is 'pending' (isInvitationOpen in protocol/invitation.ts).
  getInvitation(inviteId: string): Invitation | null;
  /** Insert or replace by inviteId. */
  putInvitation(invitation: Invitation): void;
  /** Open invitations with a deadline <= `time`, earliest deadline first, at most `limit`. */
  listDueInvitations(time: number, limit: number): Invitation[];
  /** Open invitations where the user is the inviter or an invitee, oldest first. */
  listOpenInvitations(user: UserId): Invitation[];
  /** The earliest deadline among open invitations, or null (to arm one timer after a restart). */
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
  /** Drops the user's events with pos <= `upTo`. */
  pruneEvents(user: UserId, upTo: number): void;
  /** Drops every user's events appended before `time` (retention by age). */
  pruneEventsBefore(time: number): void;

  // ---- file metadata ---------------------------------------------------------
  putFile(record: FileRecord): void;
  getFile(fileId: string): FileRecord | null;
  deleteFile(fileId: string): void;
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
