// Public entry `natter/store`: natter's state without React — the vanilla
// Zustand chat store for a client, `bindClient` (its one writer, fed by the
// client's input stream), the state and input types, and the selectors that
// natter's own hooks read it with.

/**
 * The `natter/store` entry point.
 * @packageDocumentation
 * @module natter/store
 */

export {
  createChatStore,
  bindClient,
  frameScheduler,
  microtaskScheduler,
  EMPTY_MESSAGES,
  EMPTY_RECEIPTS,
  EMPTY_TYPING,
  selectSummary,
  selectUnread,
  selectConversationList,
  selectMessages,
  selectReceipts,
  selectTyping,
  selectInvitation,
  selectProfile,
  selectPresence,
  createMessageViewBuilder,
  isIncomingOpen,
  isOutgoingOpen,
  TYPING_TTL_MS,
  type ChatStore,
  type ChatStoreOptions,
  type BindClientOptions,
  type ChatBinding,
  type IngestQueue,
  type Scheduler,
  type StoreInput,
  type StoreInputKind,
  type BindingInput,
  type ChatState,
  type ConnectionSlice,
  type ConversationsSlice,
  type ConversationMessages,
  type InvitationsSlice,
  type ConversationReceipts,
  type ConversationTyping,
  type CallSlice,
  type PeopleSlice,
  type ChatMessage,
  type MessageStatus,
  type PendingChanges,
} from '../store/index';
// The client's side of the stream, and the types the state is made of.
export type {
  ChatClient,
  ClientInput,
  ClientInputKind,
  ConnectionState,
  PendingMessage,
  PendingChange,
  ErrorInfo,
} from '../client/chat-client-types';
export type { ConversationId } from '../protocol/ids';
export type { Message, MessageBody, ChatType, UserId } from '../protocol/message';
export type { ConversationSummary } from '../protocol/entities';
export type { Invitation } from '../protocol/invitation';
export type { Presence, PresenceStatus, Profile } from '../protocol/people';
