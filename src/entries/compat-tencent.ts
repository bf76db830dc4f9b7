// Public entry `natter/compat/tencent`: Tencent Cloud Chat style signaling
// (`TencentCloudChat.create`, TSignaling, EVENT, TYPES) over natter's client.

/**
 * The `natter/compat/tencent` entry point.
 * @packageDocumentation
 * @module natter/compat/tencent
 */

export {
  TencentCloudChat,
  TencentChat,
  EVENT,
  TSignaling,
  TYPES,
  type TencentCloudChatStatic,
  type EventName,
  type SignalingEventName,
  type ServerOption,
  type EmbeddedServerLike,
  type CreateOptions,
  type TencentResponse,
  type TencentError,
  type TencentMessage,
  type SignalingInfo,
  type SignalingEventData,
  type SignalingEvent,
  type SignalingHandler,
  type SDKEvent,
  type InviteOptions,
  type InviteInGroupOptions,
  type InvitationStepOptions,
  type SignalingResponse,
  type GroupProfile,
  type CreateGroupOptions,
  type ConversationInfo,
  type EventDataMap,
} from '../compat/tencent';
export { default } from '../compat/tencent';
