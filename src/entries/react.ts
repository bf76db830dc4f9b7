// Public entry `natter/react`: ChatProvider and the headless hooks. React and
// react-dom are peer dependencies and stay external.

/**
 * The `natter/react` entry point.
 * @packageDocumentation
 * @module natter/react
 */

export {
  ChatProvider,
  useChatContext,
  useChatSelector,
  useChatClient,
  useChatUser,
  useConnectionState,
  useServerLimits,
  useServerClock,
  useConversationList,
  useDeleteConversation,
  useUnreadCount,
  useConversation,
  useMessageSenders,
  useDraft,
  useInvitations,
  useInvitation,
  useReadReceipts,
  useGroupReaders,
  useSendReadReceipt,
  // Conversation features.
  useMessageActions,
  usePins,
  useThread,
  useThreadUnread,
  useMentionCount,
  mentionQueryAt,
  mentionCandidates,
  useComposer,
  useGroup,
  useGroupName,
  useTyping,
  secondsLeft,
  parseConversationId,
  isValidId,
  useUserSearch,
  useProfile,
  usePresence,
  useDisplayName,
  useNewConversation,
  useMessageSearch,
  useMessageWindow,
  type UserSearchResult,
  type NewConversationActions,
  type NewGroup,
  type MessageSearchResult,
  type MessageWindowResult,
  useCall,
  type CallResult,
  type CallState,
  type CallParticipant,
  type CallError,
  type CallErrorKind,
  type CallEndReason,
  type CallClient,
  type ChatProviderProps,
  type ChatContextValue,
  type ConversationListResult,
  type ConversationResult,
  type UseConversationOptions,
  type DeleteConversationOptions,
  type GroupResult,
  type MessageSenders,
  type SendResult,
  type ImageUrl,
  type FileSendOptions,
  type InvitationsResult,
  type OneInvitationResult,
  type InvitationView,
  type InvitationActions,
  type ReadReceiptsResult,
  type MessageReceipt,
  type TypingResult,
  type ChatMessage,
  type MessageStatus,
  type ChatState,
  type ConnectionSlice,
  type ChatStore,
  type Scheduler,
  // Call helpers the in-call UI reads messages with (also in `natter`).
  rtcCallType,
  isCallSummary,
} from '../react/index';
// Types a hooks user reaches for without importing `natter` itself.
export type { ChatClient, ConnectionState, PendingMessage } from '../client/chat-client-types';
export type { ConversationId } from '../protocol/ids';
export type { Message, MessageBody, ChatType, UserId } from '../protocol/message';
export type { ConversationSummary } from '../protocol/entities';
export type { Invitation } from '../protocol/invitation';
