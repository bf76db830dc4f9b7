// Owns the shape of a message as the store shows it (`ChatMessage`) and its
// status: one type file, so the views that make them (message-view.ts, the
// lazily loaded pending-change views) share it without importing each other.
import type { PendingChange } from '../client/pending-change';
import type { ConversationId } from '../protocol/ids';
import type { ChatType, Ext, Message, MessageBody, MessageConfig, UserId } from '../protocol/message';

/**
 * `pending`: not yet stored by the server (offline, uploading or in flight). `sent`: stored.
 * `delivered`: a recipient's client received it. `read`: a recipient read it (single chat: read
 * receipt or channel ack; group: at least one reader). `failed`: the server refused it (see `error`).
 * `recalled`: a tombstone. `received`: someone else's message.
 */
export type MessageStatus = 'pending' | 'sent' | 'delivered' | 'read' | 'failed' | 'recalled' | 'received';

export interface ChatMessage {
  /** Stable React key (`from` + localId), identical for the pending copy and the stored one. */
  key: string;
  localId: string;
  /** Null until the server stored it. */
  serverId: string | null;
  /** Position in the conversation; null while pending. */
  seq: number | null;
  from: UserId;
  to: string;
  chatType: ChatType;
  conversation: ConversationId;
  /** Server time for stored messages, local creation time for pending ones. */
  ts: number;
  body: MessageBody;
  ext: Ext | undefined;
  config: MessageConfig | undefined;
  /** Sent by this user (from any device). */
  own: boolean;
  status: MessageStatus;
  /** Why a send failed (code from ErrorCode, e.g. 602 not in group). */
  error: { code: number; message: string } | null;
  /** Upload progress 0..1 of a pending file-bearing send; null otherwise. */
  progress: number | null;
  /** Readers known for an own message (group read count, or 1 when a single-chat peer read it). */
  readCount: number;
  /**
   * The stored message, or null while pending; with this user's waiting edits and reactions
   * applied when `changing`.
   */
  message: Message | null;
  /**
   * This user's change of it (edit, reaction, delete, pin) waits to be sent or answered (made
   * offline, restored after a reload, or made in another tab), or it is this user's forward that
   * waits: `body` and `message` show it already, as the server will apply it.
   */
  changing: boolean;
  /**
   * This user's changes of it that wait, oldest first, and those the server refused (with their
   * `error`, undone, until dismissed); absent when there are none.
   */
  waiting?: readonly PendingChange[];
}
