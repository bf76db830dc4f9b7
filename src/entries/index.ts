// Public entry `natter`: the protocol client, the embedded (in-page) server, the
// wire types and error codes, and the pure emoji parser. Browser-safe: nothing
// here reaches src/node (checked by `npm run lint`).

/**
 * The `natter` entry point.
 * @packageDocumentation
 * @module natter
 */

export {
  ErrorCode,
  NatterError,
  isNatterError,
  defaultErrorMessage,
  type ErrorCodeName,
  type ErrorCodeValue,
} from '../protocol/errors';
export { PROTOCOL_VERSION } from '../protocol/version';
export {
  ID_PATTERN,
  isValidId,
  conversationId,
  parseConversationId,
  conversationOf,
  type ConversationId,
} from '../protocol/ids';
export {
  signalingInfo,
  type ChatType,
  type UserId,
  type FileRef,
  type TextBody,
  type ImageBody,
  type CommandBody,
  type FileBody,
  type AudioBody,
  type VideoBody,
  type CustomBody,
  type LocationBody,
  type OutgoingBody,
  type OutgoingBodyType,
  type SignalBody,
  type RecalledBody,
  type MessageBody,
  type MessageBodyType,
  type MessageConfig,
  type Ext,
  type Message,
  type OutgoingMessage,
} from '../protocol/message';
export {
  ACTION_TYPE,
  isInvitationOpen,
  excludedFromHistory,
  type Invitation,
  type InvitationAction,
  type InviteeState,
  type OfflinePushInfo,
} from '../protocol/invitation';
export type { ConversationSummary, GroupInfo, RoomInfo, ServerLimits } from '../protocol/entities';
export type {
  ConversationPage,
  HistoryPage,
  ThreadUnreadCounts,
  Ops,
  OpName,
  OpParams,
  OpResult,
  ChatEvent,
  ChatEventType,
  HelloFrame,
  RequestFrame,
  PingFrame,
  ClientFrame,
  WelcomeFrame,
  OkFrame,
  ErrFrame,
  EventFrame,
  PongFrame,
  ByeFrame,
  ServerFrame,
} from '../protocol/frames';
export type { FeatureOps, FeatureEvent } from '../protocol/feature-frames';
export type {
  Transport,
  ClientConnection,
  ClientConnectionHandlers,
  UploadRequest,
  UploadedFile,
  ServerPeer,
  ServerSession,
} from '../protocol/link';

export type {
  Profile,
  ProfileUpdate,
  Presence,
  PresenceStatus,
  MessageSearchHit,
  MessageSearchPage,
  HistoryWindow,
  NewerPage,
  PeopleOps,
  PeopleEvent,
} from '../protocol/people';
export {
  setProfile,
  getProfiles,
  searchUsers,
  getPresence,
  setPresence,
  searchMessages,
  historyAround,
  historyAfter,
  type SearchMessagesOptions,
} from '../client/people';

export { createChatClient } from '../client/chat-client';
export { createWebSocketTransport, type WebSocketTransportOptions } from '../client/websocket-transport';
export { webStorageOutbox, type KeyValueStorage, type WebStorageOutbox } from '../client/outbox-persistence';
export { clearOfflineData } from '../client/offline/clear-offline-data';
export {
  subscribeToPush,
  renewPushSubscription,
  unsubscribeFromPush,
  pushPermission,
  type PushPermission,
} from '../client/push-subscribe';
export type { WebPushSubscription, PushPayload } from '../protocol/push';
export type { ConversationMute, MuteEvent } from '../protocol/mute';
export type { TypingEvent, TypingState } from '../protocol/typing';
export type {
  OfflineCache,
  OfflineOptions,
  OfflineSnapshot,
  OfflineSnapshotChange,
  OfflineWarning,
  CachedPage,
} from '../client/offline/offline-types';
export type {
  ChatClient,
  ChatClientOptions,
  ChatClientEvents,
  ConnectionState,
  OutgoingStatus,
  PendingMessage,
  PendingChange,
  SendOptions,
  SendFileOptions,
  InviteOptions,
  OutboxPersistence,
  Unsubscribe,
  SendingApi,
  ConversationApi,
  GroupApi,
  SignalingApi,
  PushApi,
} from '../client/chat-client-types';

export {
  createEmbeddedServer,
  createServerCore,
  createLoopbackTransport,
  createManualClock,
  systemClock,
  MemoryStorage,
  MemoryFileStore,
  DEFAULT_LIMITS,
  DEFAULT_FILE_TYPES,
  createWordFilter,
  type WordFilterOptions,
  type EmbeddedServer,
  type EmbeddedServerOptions,
  type ServerCore,
  type ServerCoreOptions,
  type AuthResult,
  type ModerationVerdict,
  type PushNotice,
  type Clock,
  type ManualClock,
  type TimerHandle,
  type PeopleOptions,
  type ProfileSource,
  type SourceProfile,
} from '../server/index';

export {
  createEmojiParser,
  parseEmoji,
  isEmojiOnly,
  countEmoji,
  segmentsToText,
  isSafeEmojiUrl,
  compileCustomEmoji,
  buildShortcodeTable,
  shortcodeTableFromRecord,
  loadEmojiData,
  loadShortcodeTable,
  DEFAULT_LARGE_EMOJI_MAX,
  MAX_SHORTCODE_LENGTH,
  type EmojiParser,
  type EmojiParserOptions,
  type CustomEmojiMap,
  type ShortcodeTable,
  type Segment,
  type TextSegment,
  type EmojiSegment,
  type ImageEmojiSegment,
  type UnicodeEmojiSegment,
  type EmojiData,
  type EmojiEntry,
  type EmojiCategory,
  type EmojiSkin,
} from '../emoji/index';

// Calls: the call API over a ChatClient, the media-layer interface and the built-in WebRTC mesh.
export { callClientFor } from '../client/call/call-client';
export { webRtcMedia } from '../client/call/webrtc-media';
export { CallMediaError } from '../client/call/local-media';
export type {
  CallClient,
  CallClientOptions,
  CallDeviceKind,
  CallDevices,
  CallState,
  CallParticipant,
  CallError,
  CallErrorKind,
  CallEndReason,
  StartCallOptions,
} from '../client/call/call-types';
export type { MediaLayer, MediaSession, MediaSessionContext, PeerState } from '../client/call/media-layer';
export {
  rtcCallData,
  rtcCallType,
  isCallSummary,
  CALL_SUMMARY_EVENT,
  RTC_MAX_PARTICIPANTS,
  type RtcSignal,
  type RtcEvent,
  type IceServer,
  type RtcParticipant,
  type CallOutcome,
  type CallSummaryExts,
} from '../protocol/rtc';
