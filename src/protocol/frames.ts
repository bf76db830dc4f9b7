// Owns every frame on the wire: the request operations with their parameters
// and results, the pushed events, and the envelopes that carry them.
import type { ConversationId } from './ids';
import type { ConversationPage, HistoryPage } from './pages';
import type { GroupInfo, RoomInfo, ServerLimits } from './entities';
import type { Invitation, InvitationAction, OfflinePushInfo } from './invitation';
import type { FeatureEvent, FeatureOps } from './feature-frames';
import type { Message, OutgoingMessage, UserId } from './message';
import type { UploadedFile } from './link';
import type { PeopleEvent, PeopleOps } from './people';
import type { MuteEvent, MuteOps } from './mute';
import type { PushOps } from './push';
import type { TypingEvent, TypingOps } from './typing';
import type { IceServer, RtcCallInfo, RtcEvent, RtcParticipant, RtcSignal } from './rtc';

// ---- requests -------------------------------------------------------------

export type { ConversationPage, HistoryPage, ThreadUnreadCounts } from './pages';

/** Every request operation: its parameters `p` and its result `r`. */
export interface Ops extends PeopleOps, FeatureOps, PushOps, MuteOps, TypingOps {
  send: { p: OutgoingMessage; r: { message: Message } };
  recall: { p: { serverId: string }; r: { message: Message } };
  /** Messages with seq < `before` (or the newest), newest first. */
  history: { p: { conversation: ConversationId; before?: number; limit?: number }; r: HistoryPage };
  /** The conversation list, one page at a time (`limit` default 50, at most 500). */
  conversations: { p: { cursor?: string; limit?: number }; r: ConversationPage };
  deleteConversation: { p: { conversation: ConversationId; deleteHistory?: boolean }; r: Record<string, never> };
  /** Channel ack: mark the conversation read up to `upToSeq` (default: its last seq) on every device; `unread` is the count at the marker. */
  ack: { p: { conversation: ConversationId; upToSeq?: number }; r: { readSeq: number; unread: number } };
  /** Read receipt for one message (single chat, or group with allowGroupAck). */
  read: { p: { serverId: string }; r: Record<string, never> };
  delivered: { p: { serverIds: string[] }; r: Record<string, never> };
  /** Who read a group message sent with allowGroupAck; sender only. */
  groupReaders: { p: { serverId: string }; r: { readers: UserId[] } };

  'group.create': {
    p: {
      groupId?: string;
      name: string;
      desc?: string;
      members?: UserId[];
      public?: boolean;
      approval?: boolean;
      allowInvites?: boolean;
    };
    r: { group: GroupInfo };
  };
  'group.info': { p: { groupId: string }; r: { group: GroupInfo } };
  'group.list': { p: Record<string, never>; r: { groups: GroupInfo[] } };
  'group.addMembers': { p: { groupId: string; users: UserId[] }; r: { group: GroupInfo } };
  'group.removeMembers': { p: { groupId: string; users: UserId[] }; r: { group: GroupInfo } };
  'group.leave': { p: { groupId: string }; r: Record<string, never> };
  'group.destroy': { p: { groupId: string }; r: Record<string, never> };
  /** `durationMs` 0 = until unmuted; `mute: false` lifts it. Owner/admins only. */
  'group.mute': { p: { groupId: string; user: UserId; mute: boolean; durationMs?: number }; r: { group: GroupInfo } };
  'group.whitelist': {
    p: { groupId: string; enabled?: boolean; add?: UserId[]; remove?: UserId[] };
    r: { group: GroupInfo };
  };
  /** Owner only: make a member an admin (`admin: true`) or take the role back. Members hear of it as `updated`. */
  'group.setAdmin': { p: { groupId: string; user: UserId; admin: boolean }; r: { group: GroupInfo } };

  'room.create': { p: { roomId?: string; name: string; keepHistory?: boolean }; r: { room: RoomInfo } };
  'room.join': { p: { roomId: string }; r: { room: RoomInfo } };
  'room.leave': { p: { roomId: string }; r: Record<string, never> };
  'room.list': { p: Record<string, never>; r: { rooms: RoomInfo[] } };

  block: { p: { user: UserId }; r: { blocked: UserId[] } };
  unblock: { p: { user: UserId }; r: { blocked: UserId[] } };
  blocklist: { p: Record<string, never>; r: { blocked: UserId[] } };

  'sig.invite': {
    p: {
      invitees: UserId[];
      groupId?: string;
      data?: string;
      timeout?: number;
      onlineUserOnly?: boolean;
      offlinePushInfo?: OfflinePushInfo;
    };
    r: { invitation: Invitation; message: Message | null };
  };
  'sig.cancel': { p: { inviteId: string; data?: string }; r: { invitation: Invitation; message: Message | null } };
  'sig.accept': { p: { inviteId: string; data?: string }; r: { invitation: Invitation; message: Message | null } };
  'sig.reject': { p: { inviteId: string; data?: string }; r: { invitation: Invitation; message: Message | null } };
  'sig.modify': { p: { inviteId: string; data: string }; r: { invitation: Invitation; message: Message | null } };
  'sig.get': { p: { inviteId: string }; r: { invitation: Invitation } };
  /** Open invitations this user is part of (bootstrap after a full sync). */
  'sig.pending': { p: Record<string, never>; r: { invitations: Invitation[] } };

  /**
   * Swap this session's token for a fresh one of the same user (before it expires); the answer
   * says when the new one expires (null: never).
   */
  'auth.renew': { p: { token: string }; r: { expiresAt: number | null } };
  /** Joins this device to a live call (the inviter, or an invitee who accepted); another device of the same user taking it over replaces it. */
  'rtc.join': {
    p: { callId: string };
    r: { epoch: number; participants: RtcParticipant[]; iceServers: IceServer[]; call: RtcCallInfo };
  };
  /** Relays one negotiation step to another joined participant's device; `delivered` is false while that device is offline. */
  'rtc.signal': { p: { callId: string; to: UserId; signal: RtcSignal }; r: { delivered: boolean } };
  'rtc.leave': { p: { callId: string }; r: Record<string, never> };

  /** Upload of a small file inside a frame (base64). Hosts also offer HTTP uploads for large files. */
  'file.put': {
    p: { name: string; mime: string; data: string; width?: number; height?: number; duration?: number };
    r: { file: UploadedFile };
  };
}

export type OpName = keyof Ops;
export type OpParams<K extends OpName> = Ops[K]['p'];
export type OpResult<K extends OpName> = Ops[K]['r'];

// ---- events ---------------------------------------------------------------

export type ChatEvent =
  /** A new message in one of this user's conversations (own messages from any device included). `unread` is the receiver's new count. */
  | { type: 'message'; message: Message; conversation: ConversationId; unread: number }
  /**
   * A message became a tombstone. `unread` is the receiver's count in this conversation after the
   * recall (the server lowers it when the recalled message was unread); absent in chat rooms.
   */
  | { type: 'recall'; message: Message; conversation: ConversationId; unread?: number }
  /**
   * A recipient's client received one of this user's messages (single chats). `seq` is that
   * message's: the peer has then received every message up to it, as the server's peer marker
   * says. Absent from events stored by servers before it was added.
   */
  | { type: 'delivered'; serverId: string; conversation: ConversationId; by: UserId; seq?: number }
  /**
   * A recipient read one of this user's messages in a single chat (a group's read receipts come as
   * `groupRead`). `seq` as for `delivered`: the peer has read every message up to it.
   */
  | { type: 'read'; serverId: string; conversation: ConversationId; by: UserId; seq?: number }
  /** Group read count of a message sent with allowGroupAck, pushed to its sender. */
  | { type: 'groupRead'; serverId: string; conversation: ConversationId; by: UserId; count: number }
  /** The peer acked a whole conversation (Easemob's channel ack / onChannelMessage). */
  | { type: 'channelAck'; conversation: ConversationId; by: UserId; upToSeq: number }
  /** This user's read marker moved (on any device): the conversation's unread count is now `unread`. */
  | { type: 'readState'; conversation: ConversationId; readSeq: number; unread: number }
  | { type: 'conversationDeleted'; conversation: ConversationId; deleteHistory: boolean }
  | {
      type: 'invitation';
      action: InvitationAction;
      invitation: Invitation;
      by: UserId;
      invitee?: UserId;
      data?: string;
      message: Message | null;
    }
  | {
      type: 'group';
      action:
        'created' | 'joined' | 'memberAdded' | 'memberRemoved' | 'left' | 'destroyed' | 'muted' | 'unmuted' | 'updated';
      group: GroupInfo;
      users: UserId[];
      by: UserId;
    }
  | { type: 'room'; action: 'joined' | 'left'; room: RoomInfo; users: UserId[] }
  | { type: 'blocklist'; blocked: UserId[] }
  | FeatureEvent
  | MuteEvent
  | TypingEvent
  | PeopleEvent
  | RtcEvent;

export type ChatEventType = ChatEvent['type'];

// ---- envelopes ------------------------------------------------------------

export interface HelloFrame {
  v: number;
  t: 'hello';
  /** Signed token (Node host); in dev mode `user` is accepted instead. */
  token?: string;
  user?: UserId;
  /** Stable per page/app install, so one user's devices are told apart. */
  device?: string;
  /** Last event position this device applied; the server replays what follows. */
  resume?: number;
}

export interface RequestFrame<K extends OpName = OpName> {
  v: number;
  t: 'req';
  id: string;
  op: K;
  p: OpParams<K>;
}

export interface PingFrame {
  v: number;
  t: 'ping';
}

export type ClientFrame = HelloFrame | RequestFrame | PingFrame;

export interface WelcomeFrame {
  v: number;
  t: 'welcome';
  user: UserId;
  device: string;
  /** The newest event position for this user at the time of welcome. */
  pos: number;
  /** True when the requested `resume` position was honoured: missed events follow, in order. */
  resumed: boolean;
  /** True when `resume` was too old (or unknown): the client must do a full sync. */
  reset: boolean;
  serverTime: number;
  limits: ServerLimits;
}

export interface OkFrame {
  v: number;
  t: 'ok';
  id: string;
  r: unknown;
}
export interface ErrFrame {
  v: number;
  t: 'err';
  id?: string;
  code: number;
  message: string;
  retryAfter?: number;
}
/** A pushed event; `pos` is set for durable events (ephemeral ones, like typing or onlineUserOnly signaling, have none). */
export interface EventFrame {
  v: number;
  t: 'evt';
  pos?: number;
  e: ChatEvent;
}
export interface PongFrame {
  v: number;
  t: 'pong';
}
/** Server is closing this session (e.g. the same device connected again, or shutdown). */
export interface ByeFrame {
  v: number;
  t: 'bye';
  code: number;
  message: string;
}

/** The session's token expires at `expiresAt` (ms since epoch): renew it (`auth.renew`) or the session ends then (4011). */
export interface ExpiringFrame {
  v: number;
  t: 'expiring';
  expiresAt: number;
}

export type ServerFrame = WelcomeFrame | OkFrame | ErrFrame | EventFrame | PongFrame | ByeFrame | ExpiringFrame;
