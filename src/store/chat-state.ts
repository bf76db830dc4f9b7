// Owns the shape of the chat store's state: one slice per concern (connection,
// conversations, messages, invitations, receipts, typing, features, call). Immutable data:
// every update replaces only the objects on the path it touched, so selectors
// that read one conversation keep their references when another one changes.
// Per-conversation summaries and messages live in Maps: a batch copies a Map
// (cheap) where it used to copy a 1,000-key object (the slowest step of ingest).
import type { ConnectionState, PendingMessage } from '../client/chat-client-types';
import type { ConversationSummary } from '../protocol/entities';
import type { ConversationId } from '../protocol/ids';
import type { Invitation } from '../protocol/invitation';
import type { Message, UserId } from '../protocol/message';
import { EMPTY_CALL, type CallSlice } from './call-slice';
import { EMPTY_FEATURES, type FeaturesSlice } from './features-slice';
import { EMPTY_PEOPLE, type PeopleSlice } from './people-slice';

export interface ConnectionSlice {
  state: ConnectionState;
  /** True once welcomed on the current connection. */
  ready: boolean;
  /** The last welcome resumed the previous session (missed events were replayed). */
  resumed: boolean;
  /** Last connection-level error, if any. */
  error: { code: number; message: string } | null;
  /** A full sync (conversation list, pending invitations) is in flight. */
  syncing: boolean;
  /** Incremented on every full sync after a `reset`: keys for refetching paged data. */
  syncGeneration: number;
}

export interface ConversationsSlice {
  /** Server summaries by conversation, updated live: last message, unread (server's number), read marker, last seq. */
  summaries: ReadonlyMap<ConversationId, ConversationSummary>;
  /** Conversation ids, most recently updated first. */
  order: readonly ConversationId[];
  /** Sum of `unread` over all conversations, the ones in pages not loaded yet included. */
  totalUnread: number;
  /** The conversation list bootstrap has completed at least once. */
  loaded: boolean;
  /** Where the next page of the list starts; null when every conversation is loaded. */
  cursor: string | null;
  /** The part of `totalUnread` in conversations not loaded yet (the server's total minus the loaded ones). */
  unreadUnlisted: number;
}

/** One conversation's messages. */
export interface ConversationMessages {
  /** Messages the server stored, ascending by `seq`, one per seq (command messages are not kept here). */
  items: readonly Message[];
  /** This client's unacknowledged sends (pending or failed), oldest first; shown after `items`. */
  pending: readonly PendingMessage[];
}

export interface InvitationsSlice {
  /** Every invitation seen this session, open or closed (closed ones keep their final states). */
  byId: Readonly<Record<string, Invitation>>;
  /** Open invitations where this user is an invitee still pending, oldest first. */
  incoming: readonly string[];
  /** Open invitations this user sent (some invitee still pending), oldest first. */
  outgoing: readonly string[];
}

/** Receipts for this user's own messages in one conversation. */
export interface ConversationReceipts {
  /** serverId → users whose clients received it. */
  delivered: Readonly<Record<string, readonly UserId[]>>;
  /** serverId → users who read it (per-message read receipts). */
  read: Readonly<Record<string, readonly UserId[]>>;
  /** serverId → group read count pushed by the server (messages sent with allowGroupAck). */
  groupReadCount: Readonly<Record<string, number>>;
  /**
   * user → highest seq they read in the whole conversation: their channel acks, and the peer's
   * read marker the server reports (conversation list, history pages) for what happened while
   * this client was away.
   */
  ackedUpTo: Readonly<Record<UserId, number>>;
  /** user → highest seq delivered to their devices, as the server reports it (single chats). */
  deliveredUpTo: Readonly<Record<UserId, number>>;
}

/** Users typing in one conversation → local time (ms) their indicator expires. */
export type ConversationTyping = Readonly<Record<UserId, number>>;

export interface ChatState {
  /** The user this store belongs to. */
  user: UserId;
  connection: ConnectionSlice;
  conversations: ConversationsSlice;
  /** Messages by conversation; a conversation that has none may be absent (read it as {@link EMPTY_MESSAGES}). */
  conversationMessages: ReadonlyMap<ConversationId, ConversationMessages>;
  invitations: InvitationsSlice;
  receipts: Readonly<Record<ConversationId, ConversationReceipts>>;
  typing: Readonly<Record<ConversationId, ConversationTyping>>;
  /** Reactions and edits live on the messages; this holds what does not (reduce-features.ts). */
  features: FeaturesSlice;
  /** This device's call (call-slice.ts). */
  call: CallSlice;
  /** Profiles and presence of the users this client has learnt about (reduce-people.ts). */
  people: PeopleSlice;
}

export const EMPTY_MESSAGES: ConversationMessages = Object.freeze({
  items: Object.freeze([]),
  pending: Object.freeze([]),
});
export const EMPTY_RECEIPTS: ConversationReceipts = Object.freeze({
  delivered: {},
  read: {},
  groupReadCount: {},
  ackedUpTo: {},
  deliveredUpTo: {},
});
export const EMPTY_TYPING: ConversationTyping = Object.freeze({});

export function initialChatState(user: UserId): ChatState {
  return {
    user,
    connection: { state: 'idle', ready: false, resumed: false, error: null, syncing: false, syncGeneration: 0 },
    conversations: { summaries: new Map(), order: [], totalUnread: 0, loaded: false, cursor: null, unreadUnlisted: 0 },
    conversationMessages: new Map(),
    invitations: { byId: {}, incoming: [], outgoing: [] },
    receipts: {},
    typing: {},
    features: EMPTY_FEATURES,
    call: EMPTY_CALL,
    people: EMPTY_PEOPLE,
  };
}
