// Owns the vocabulary of store updates: everything that can change the chat
// store is one of these inputs, applied in batches by the reducer. Client
// events map onto them one to one; fetch results (bootstrap, history) and the
// hooks' optimistic steps (upload progress, local read marker) are inputs too.
import type { ConnectionState, PendingMessage } from '../client/chat-client-types';
import type { ConversationSummary } from '../protocol/entities';
import type { ChatEvent } from '../protocol/frames';
import type { ConversationId } from '../protocol/ids';
import type { Invitation } from '../protocol/invitation';
import type { Message } from '../protocol/message';

/** Receipt state the server reports with a conversation summary or a history page. */
export interface ReceiptState {
  /** Single chat: the peer read everything up to this seq. */
  peerReadSeq?: number;
  /** Single chat: everything up to this seq reached the peer's devices. */
  peerDeliveredSeq?: number;
  /** Group: read counts of own messages sent with allowGroupAck, by serverId. */
  groupReadCounts?: Record<string, number>;
}

export type StoreInput =
  /** A server event, as the client re-emits it. */
  | { kind: 'event'; event: ChatEvent }
  /** The client's outbox changed for one localId (or a hook shows a send before the client does). */
  | { kind: 'outbox'; pending: PendingMessage }
  /** Upload progress for a pending file-bearing send, 0..1. */
  | { kind: 'progress'; localId: string; conversation: ConversationId; progress: number }
  /** A pending or failed send was given up. */
  | { kind: 'discard'; localId: string; conversation: ConversationId }
  /** A send was acknowledged: the stored copy replaces the pending one. */
  | { kind: 'acked'; message: Message }
  | { kind: 'connection'; state: ConnectionState; error?: { code: number; message: string } }
  | { kind: 'ready'; resumed: boolean; reset: boolean; user?: string }
  | { kind: 'syncing'; syncing: boolean }
  /**
   * Conversation list bootstrap. `startedAt` is the first batch applied after the request was
   * made: local entries absent from the list but touched from then on are kept (they are newer).
   */
  | { kind: 'conversations'; conversations: ConversationSummary[]; startedAt: number }
  /** A page of history (any order), with the receipt state the server sent along. */
  | { kind: 'history'; conversation: ConversationId; messages: Message[]; receipts?: ReceiptState }
  /** Bootstrap of open invitations (replaces the open lists); `startedAt` as for conversations. */
  | { kind: 'invitations'; invitations: Invitation[]; startedAt: number }
  /** One invitation record from an answer to this client's own request. */
  | { kind: 'invitation'; invitation: Invitation }
  /** This user's read marker moved to `readSeq` (answer to markRead). */
  | { kind: 'readSeq'; conversation: ConversationId; readSeq: number }
  /** Drop typing indicators that expired before `now` (local ms). */
  | { kind: 'typingExpired'; now: number };
