// Owns the store layer's public surface.
export { createChatStore, type ChatStore, type ChatStoreOptions } from './create-chat-store';
export { bindClient, type BindClientOptions, type ChatBinding } from './bind-client';
export { createIngestQueue, frameScheduler, microtaskScheduler, type IngestQueue, type Scheduler } from './ingest-queue';
export type { StoreInput } from './store-input';
export {
  EMPTY_MESSAGES, EMPTY_RECEIPTS, EMPTY_TYPING, initialChatState,
  type ChatState, type ConnectionSlice, type ConversationsSlice, type ConversationMessages, type InvitationsSlice,
  type ConversationReceipts, type ConversationTyping,
} from './chat-state';
export { createMessageViewBuilder, storedStatus, readCountOf, type ChatMessage, type MessageStatus } from './message-view';
export { isIncomingOpen, isOutgoingOpen } from './reduce-invitations';
export { TYPING_ACTION, TYPING_STOP_ACTION, TYPING_TTL_MS } from './reduce-messages';
export { indexOfSeq, mergeMessages } from './message-list';
