// Owns the typed events a ChatClient emits: its own (state, ready, outbox,
// errors, tokens, offline warnings, the input stream) and every server event
// re-emitted under its `type`.
import type { ChatEvent } from '../protocol/frames';
import type { NatterError } from '../protocol/errors';
import type { UserId } from '../protocol/message';
import type { ClientInput } from './client-input';
import type { ConnectionState } from './connection-state';
import type { OfflineWarning } from './offline/offline-types';
import type { PendingMessage } from './pending-message';

/** Client-side events. Server events (ChatEvent) are re-emitted under their `type`. */
export interface ChatClientEvents {
  state: { state: ConnectionState; error?: NatterError };
  /** Connected and welcomed; `reset` means stored state must be resynced (a full sync follows). */
  ready: { user: UserId; resumed: boolean; reset: boolean };
  /** The outbox changed: a message became pending, was sent, or failed. */
  outbox: PendingMessage;
  /** An error with no request to reject (malformed frame answers, bye). */
  error: NatterError;
  /** The offline cache stopped writing (private mode, storage full): the chat goes on in memory. */
  offlineWarning: OfflineWarning;
  /** The server will end this session when the token expires at `expiresAt` (ms): call `renewToken` (Easemob's onTokenWillExpire). */
  tokenWillExpire: { expiresAt: number };
  /** The session ended because the token expired (4011); `renewToken` logs in again, unsent messages kept (onTokenExpired). */
  tokenExpired: { error: NatterError };
  message: Extract<ChatEvent, { type: 'message' }>;
  recall: Extract<ChatEvent, { type: 'recall' }>;
  delivered: Extract<ChatEvent, { type: 'delivered' }>;
  read: Extract<ChatEvent, { type: 'read' }>;
  groupRead: Extract<ChatEvent, { type: 'groupRead' }>;
  channelAck: Extract<ChatEvent, { type: 'channelAck' }>;
  readState: Extract<ChatEvent, { type: 'readState' }>;
  conversationDeleted: Extract<ChatEvent, { type: 'conversationDeleted' }>;
  conversationMute: Extract<ChatEvent, { type: 'conversationMute' }>;
  /** Another member started or stopped typing (ephemeral: only while connected). */
  typing: Extract<ChatEvent, { type: 'typing' }>;
  invitation: Extract<ChatEvent, { type: 'invitation' }>;
  group: Extract<ChatEvent, { type: 'group' }>;
  room: Extract<ChatEvent, { type: 'room' }>;
  blocklist: Extract<ChatEvent, { type: 'blocklist' }>;
  messageUpdate: Extract<ChatEvent, { type: 'messageUpdate' }>;
  messageHidden: Extract<ChatEvent, { type: 'messageHidden' }>;
  pins: Extract<ChatEvent, { type: 'pins' }>;
  threadReply: Extract<ChatEvent, { type: 'threadReply' }>;
  threadReadState: Extract<ChatEvent, { type: 'threadReadState' }>;
  mentionCount: Extract<ChatEvent, { type: 'mentionCount' }>;
  presence: Extract<ChatEvent, { type: 'presence' }>;
  profile: Extract<ChatEvent, { type: 'profile' }>;
  /** Media signaling for a call this device joined (see `createCallClient`). */
  rtc: Extract<ChatEvent, { type: 'rtc' }>;
  /**
   * Everything above that changes what a user sees, plus the answers to this client's own requests
   * that do (history pages, recalls, read markers, invitation records), as one ordered stream of
   * typed inputs: what `bindClient` feeds a store with.
   */
  input: ClientInput;
}

export type Unsubscribe = () => void;
