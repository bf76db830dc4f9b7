// Owns the React layer's public surface (natter/react).
export { ChatProvider, type ChatProviderProps } from './chat-provider';
export { useChatContext, type ChatContextValue } from './chat-context';
export { useChatSelector } from './use-chat-selector';
export { useChatClient } from './use-chat-client';
export { useConnectionState } from './use-connection-state';
export { useConversationList, type ConversationListResult } from './use-conversation-list';
export { useUnreadCount } from './use-unread-count';
export { useConversation, type ConversationResult, type UseConversationOptions } from './use-conversation';
export type { MessageSenders, SendResult, ImageUrl, FileSendOptions } from './message-senders';
export { useInvitation, type InvitationsResult, type OneInvitationResult, type InvitationView } from './use-invitation';
export type { InvitationActions } from './invitation-actions';
export { useReadReceipts, type ReadReceiptsResult, type MessageReceipt } from './use-read-receipts';
export { useTyping, type TypingResult } from './use-typing';
export { secondsLeft } from './use-server-now';
export type { ChatMessage, MessageStatus } from '../store/message-view';
export type { ChatState, ConnectionSlice } from '../store/chat-state';
export { useCall, type CallResult } from './use-call';
export type { CallState, CallParticipant, CallError, CallErrorKind, CallEndReason, CallClient } from '../client/call/call-types';
