// Owns the non-message records the server reports: conversation summaries,
// groups and chat rooms, and the limits a server announces.
import type { ConversationMute } from './mute';
import type { ChatType, Message, UserId } from './message';
import type { ConversationId } from './ids';

export interface ConversationSummary {
  id: ConversationId;
  /** Set while this user has the conversation muted (no push for it): until `mute.until`, or for good. */
  mute?: ConversationMute;
  type: ChatType;
  /** Peer user id (single) or group/room id. */
  target: string;
  lastMessage: Message | null;
  /** Server-computed: messages after `readSeq` not sent by this user and not excluded. */
  unread: number;
  /** This user's read marker: everything up to this seq is read. */
  readSeq: number;
  /** The highest seq in the conversation. */
  lastSeq: number;
  updatedAt: number;
  /**
   * Single chats with another user only: the peer's read marker — the highest seq in this
   * conversation the peer has read, raised by the peer's channel ack (`markRead`, to its
   * `upToSeq`) and by the peer's read receipt for a message (to that message's seq). Each of this
   * user's messages with `seq <= peerReadSeq` counts as read. 0 when the peer read nothing yet.
   * Kept by the server, so it is known to a client that was offline when the receipts happened.
   */
  peerReadSeq?: number;
  /**
   * Single chats with another user only: the highest seq delivered to the peer's devices — raised
   * by the peer's delivery receipts and by everything that raises {@link peerReadSeq} (a read
   * message was delivered), so it is never below it. Own messages with `seq <= peerDeliveredSeq`
   * count as delivered. 0 when nothing was acknowledged yet.
   */
  peerDeliveredSeq?: number;
  /** Unread messages that mention this user (by name or @all); absent = 0. */
  mentions?: number;
}

export interface GroupInfo {
  groupId: string;
  name: string;
  desc: string;
  owner: UserId;
  admins: UserId[];
  members: UserId[];
  public: boolean;
  approval: boolean;
  allowInvites: boolean;
  /** When true, only whitelisted members (and owner/admins) may send. */
  whitelistOnly: boolean;
  whitelist: UserId[];
  /** Muted member → server time the mute ends (0 = until lifted). */
  muted: Record<UserId, number>;
  createdAt: number;
}

export interface RoomInfo {
  roomId: string;
  name: string;
  owner: UserId;
  members: UserId[];
  /** Rooms may keep no history: then history requests return nothing and only live members receive. */
  keepHistory: boolean;
  createdAt: number;
}

export interface ServerLimits {
  maxFrameBytes: number;
  maxTextLength: number;
  maxExtBytes: number;
  maxFileBytes: number;
  /** Allowed MIME types for uploads. */
  allowedFileTypes: string[];
  recallWindowMs: number;
  recallEnabled: boolean;
  /** How long after sending its author may edit a message (ms); absent = no limit. */
  editWindowMs?: number;
  /** How long after sending its author may delete a message for everyone (ms); absent = no limit. Group owner/admins have none. */
  deleteWindowMs?: number;
}
