// Owns the React layer's public surface (natter/react): the provider, the
// state hooks (select from the store), the behaviour hooks (call the client),
// and the few helpers a UI needs with them. natter's own components import
// only this file (enforced by `npm run lint`).
export { ChatProvider, type ChatProviderProps } from './chat-provider';
// The drop-in UI shows a staged image's size before it is sent (the client reads it the same way).
export { imageSizeFromBytes, readImageSize, type ImageSize } from '../client/image-size';
export { useChatContext, type ChatContextValue } from './chat-context';
export { useChatSelector } from './use-chat-selector';
export { useChatClient } from './use-chat-client';
export { useChatUser } from './use-chat-user';
export { useConnectionState } from './use-connection-state';
export {
  usePushNotifications,
  type PushNotificationsOptions,
  type PushNotificationsResult,
} from './use-push-notifications';
export { useServerLimits } from './use-server-limits';
export { useServerClock } from './use-server-clock';
export { useConversationList, type ConversationListResult } from './use-conversation-list';
export { useDeleteConversation, type DeleteConversationOptions } from './use-delete-conversation';
export { useMuteConversation, type MuteConversationActions } from './use-mute-conversation';
export { useUnreadCount } from './use-unread-count';
export { useConversation, type ConversationResult, type UseConversationOptions } from './use-conversation';
export { useMessageSenders } from './use-message-senders';
export type { MessageSenders, SendResult, ImageUrl, FileSendOptions } from './message-senders';
export { useDraft } from './use-draft';
export { useInvitations, type InvitationsResult, type InvitationView } from './use-invitations';
export { useInvitation, type OneInvitationResult } from './use-invitation';
export type { InvitationActions } from './invitation-actions';
export { useReadReceipts, type ReadReceiptsResult, type MessageReceipt } from './use-read-receipts';
export { useGroupReaders } from './use-group-readers';
export { useSendReadReceipt } from './use-send-read-receipt';
export { useGroup, type GroupResult } from './use-group';
export { useGroupName } from './use-group-name';
export { useTyping, type TypingResult } from './use-typing';
export { useMessageActions, type MessageActionsResult } from './use-message-actions';
export { usePins, type PinsResult } from './use-pins';
export { useThread, type ThreadResult } from './use-thread';
export { useThreadUnread } from './use-thread-unread';
export { useMentionCount, mentionQueryAt, mentionCandidates } from './use-mentions';
export { useComposer, type ComposerResult, type ComposerTarget } from './use-composer';
export { secondsLeft } from './use-server-now';
export { parseConversationId, isValidId } from '../protocol/ids';
export type { ChatMessage, MessageStatus } from '../store/message-view';
export type { ChatState, ConnectionSlice } from '../store/chat-state';
export { useUserSearch, type UserSearchResult } from './use-user-search';
export { useProfile, usePresence, useDisplayName } from './use-people';
export { useNewConversation, type NewConversationActions, type NewGroup } from './use-new-conversation';
export { useMessageSearch, type MessageSearchResult } from './use-message-search';
export { useMessageWindow, type MessageWindowResult } from './use-message-window';
// Named by ChatProviderProps: the store a provider may be given, and when it applies batches.
export type { ChatStore } from '../store/create-chat-store';
export type { Scheduler } from '../store/ingest-queue';
export { useCall, type CallResult } from './use-call';
export { useCallDevices, type CallDevice, type CallDevicesResult } from './use-call-devices';
export type {
  CallDeviceKind,
  CallDevices,
  CallState,
  CallParticipant,
  CallError,
  CallErrorKind,
  CallEndReason,
  CallClient,
} from '../client/call/call-types';
export { rtcCallType, isCallSummary } from '../protocol/rtc';
