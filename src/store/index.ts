// Owns the store layer's public surface (natter/store): the vanilla chat
// store, its one writer, the state and input types, and the selectors.
export { createChatStore, type ChatStore, type ChatStoreOptions } from './create-chat-store';
export { bindClient, type BindClientOptions, type ChatBinding } from './bind-client';
export { frameScheduler, microtaskScheduler, type IngestQueue, type Scheduler } from './ingest-queue';
export type { StoreInput, StoreInputKind, BindingInput } from './store-input';
export {
  EMPTY_MESSAGES,
  EMPTY_RECEIPTS,
  EMPTY_TYPING,
  type ChatState,
  type ConnectionSlice,
  type ConversationsSlice,
  type ConversationMessages,
  type InvitationsSlice,
  type ConversationReceipts,
  type ConversationTyping,
} from './chat-state';
export type { CallSlice } from './call-slice';
export {
  selectSummary,
  selectUnread,
  selectConversationList,
  selectMessages,
  selectReceipts,
  selectTyping,
  selectInvitation,
  selectProfile,
  selectPresence,
} from './selectors';
export type { PeopleSlice } from './people-slice';
export { createMessageViewBuilder, type ChatMessage, type MessageStatus } from './message-view';
export type { PendingChanges } from './pending-change-view';
export { isIncomingOpen, isOutgoingOpen } from './reduce-invitations';
export { TYPING_TTL_MS } from './reduce-messages';
