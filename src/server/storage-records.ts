// Owns the records the Storage contract (storage.ts) reads and writes: the
// stored message and conversation state, the queries for pages and unread
// counts, receipts, the per-user event log's entries and file metadata. Plain
// JSON-able data, so an implementation may store each as a JSON column plus
// the few indexed columns a method's comment in storage.ts names.
import type { ConversationMute } from '../protocol/mute';
import type { ChatEvent } from '../protocol/frames';
import type { ConversationId } from '../protocol/ids';
import type { UploadedFile } from '../protocol/link';
import type { ChatType, Message, UserId } from '../protocol/message';

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

/** A conversation whose history one user cleared: they no longer see its messages up to `clearedSeq`. */
export interface ClearedHistory {
  key: ConversationKey;
  /** Messages up to this seq are gone for the user (ConversationStateRecord.clearedSeq, > 0). */
  clearedSeq: number;
}

/** A page of one user's conversation list: visible states after `after` in list order. */
export interface ConversationPageQuery {
  /** Start after this state's (updatedAt, key); absent = from the most recent. */
  after?: { updatedAt: number; key: ConversationKey };
  /** Maximum number of states returned. */
  limit: number;
}

/**
 * A page of the conversation list as one snapshot: the states (as listConversationPage), each one's
 * last seq (as lastSeq) and last message (the JSON text of the message its lastServerId names, null
 * when it has none), and the unread total (as unreadTotal) when it was asked for.
 */
export interface ConversationPageRead {
  states: ConversationStateRecord[];
  lastSeqs: number[];
  lastMessages: Array<string | null>;
  unreadTotal?: number;
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
  /** Seqs of unread messages that mention this user, ascending (the mention badge is their number). */
  mentionSeqs?: number[];
  /** This user muted the conversation (no push for it) until `mute.until`, or for good. */
  mute?: ConversationMute;
  /** serverIds of messages this user deleted for themselves (left out of their history). */
  hiddenIds?: string[];
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

/** One event to append, with `json` = JSON.stringify(event) when the core already made it. */
export interface EventAppend {
  user: UserId;
  event: ChatEvent;
  json?: string;
}
