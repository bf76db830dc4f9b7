// Owns the hand-written declarations of the TencentCloudChat facade: the
// options of each call and the shapes the SDK hands back (messages, signaling
// events, `{ code, data }` responses, `{ code, message }` errors).
import type { OfflinePushInfo } from '../../protocol/invitation';
import type { ServerOption } from '../server-option';
import type { EventName, SignalingEventName } from './constants';

export interface CreateOptions {
  SDKAppID: number;
  /** natter: an embedded server, a ws:// URL of `natter serve`, or omitted (the page's shared server). */
  server?: ServerOption;
  /** natter: WebSocket constructor for `natter serve` URLs where the platform has none (Node: the `ws` package). */
  WebSocket?: unknown;
  [key: string]: unknown;
}

export interface TencentResponse<T> {
  code: 0;
  data: T;
}

/** What every failed call rejects with: natter's error code (the SDK's signaling codes 8010/8011/...) and a message. */
export interface TencentError extends Error {
  code: number;
  message: string;
}

export interface TencentMessage {
  ID: string;
  type: string;
  payload: Record<string, unknown>;
  conversationID: string;
  conversationType: 'C2C' | 'GROUP';
  to: string;
  from: string;
  flow: 'in' | 'out';
  /** Seconds since epoch (server time). */
  time: number;
  clientTime: number;
  status: 'success';
  isRevoked: boolean;
  isRead: boolean;
  isPeerRead: boolean;
  priority: string;
  nick: string;
  avatar: string;
  sequence: number;
  random: number;
  cloudCustomData: string;
  /** natter's own ids. */
  natter: { serverId: string; localId: string; seq: number };
}

/** What getSignalingInfo returns for a signaling message (null for any other message). */
export interface SignalingInfo {
  businessID: 1;
  inviteID: string;
  inviter: string;
  actionType: number;
  inviteeList: string[];
  data: string;
  timeout: number;
  groupID: string;
  /** The invitee who answered (accept / reject / timeout). */
  invitee?: string;
}

export interface SignalingEventData {
  inviteID: string;
  inviter: string;
  groupID: string;
  data: string;
  inviteeList: string[];
  /** On accept / reject: who answered. */
  invitee?: string;
  /** On timeout: true when this user's own invitation ran out (the invitee side). */
  isSelfTimeout?: boolean;
}

export interface SignalingEvent {
  name: SignalingEventName;
  data: SignalingEventData;
}

export type SignalingHandler = (event: SignalingEvent) => void;

export interface SDKEvent<T = unknown> {
  name: EventName | string;
  data?: T;
}

export interface InviteOptions {
  userID: string;
  data?: string;
  timeout?: number;
  onlineUserOnly?: boolean;
  offlinePushInfo?: OfflinePushInfo;
}

export interface InviteInGroupOptions {
  groupID: string;
  inviteeList: string[];
  data?: string;
  timeout?: number;
  onlineUserOnly?: boolean;
  offlinePushInfo?: OfflinePushInfo;
}

export interface InvitationStepOptions {
  inviteID: string;
  data?: string;
}

/** `invite`, `cancel`, `accept`, ... resolve to this. `message` is null for onlineUserOnly invitations (nothing is stored). */
export interface SignalingResponse {
  code: 0;
  data: { message: TencentMessage | null };
  inviteID: string;
}

export interface GroupProfile {
  groupID: string;
  name: string;
  type: string;
  ownerID: string;
  introduction: string;
  memberCount: number;
  createTime: number;
}

export interface CreateGroupOptions {
  groupID?: string;
  name: string;
  type?: string;
  introduction?: string;
  memberList?: Array<{ userID: string; role?: string }>;
  [key: string]: unknown;
}

export interface ConversationInfo {
  conversationID: string;
  type: 'C2C' | 'GROUP';
  unreadCount: number;
  lastMessage: { messageForShow: string; lastTime: number; fromAccount: string; type: string } | null;
}

/** The `data` of each SDK event natter emits. */
export interface EventDataMap {
  sdkStateReady: undefined;
  sdkStateNotReady: undefined;
  onMessageReceived: TencentMessage[];
  onMessageRevoked: TencentMessage[];
  netStateChange: { state: 'connected' | 'connecting' | 'disconnected' };
  error: { code: number; message: string };
}
