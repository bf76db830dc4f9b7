// Owns the shapes the WebIM facade hands to listeners: received messages of
// every kind, receipts, recalls, offline group acks, presence, the roster and
// group invitations, as the Easemob document's listeners read them.
import type { EasemobChatType, EasemobMessageKind, MessageConfig } from './core-types';

export interface EmojiSegment {
  type: 'emoji' | 'txt';
  data: string;
}

/** Fields every received message has. `id` is the server's message id. */
export interface ReceivedBase {
  id: string;
  type: EasemobMessageKind;
  chatType: EasemobChatType;
  from: string;
  to: string;
  /** Server time, ms since epoch. */
  time: number;
  ext: Record<string, unknown>;
  msgConfig?: MessageConfig;
  error: boolean;
  errorText: string;
  errorCode: number;
  /** natter's own ids, for apps that mix the facade with natter's API. */
  natter: { serverId: string; localId: string; seq: number };
}

export interface TextMessage extends ReceivedBase {
  contentsType: 'TEXT';
  data: string;
}
export interface EmojiMessage extends ReceivedBase {
  contentsType: 'EMOJI';
  data: EmojiSegment[];
}
export interface AttachmentFields {
  url: string;
  filename: string;
  filetype: string;
  file_length: number;
  secret: string;
}
export interface PictureMessage extends ReceivedBase, AttachmentFields {
  contentsType: 'IMAGE';
  width: number;
  height: number;
}
export interface FileMessage extends ReceivedBase, AttachmentFields {
  contentsType: 'FILE';
}
export interface AudioMessage extends ReceivedBase, AttachmentFields {
  contentsType: 'VOICE';
  length: number;
}
export interface VideoMessage extends ReceivedBase, AttachmentFields {
  contentsType: 'VIDEO';
  length: number;
  width: number;
  height: number;
}
export interface CmdMessage extends ReceivedBase {
  contentsType: 'COMMAND';
  action: string;
}
export interface CustomMessage extends ReceivedBase {
  contentsType: 'CUSTOM';
  customEvent: string;
  customExts: Record<string, string>;
  params: Record<string, string>;
}
export interface LocationMessage extends ReceivedBase {
  contentsType: 'LOCATION';
  lat: number;
  lng: number;
  addr: string;
  buildingName: string;
}

export type ReceivedMessage =
  | TextMessage
  | EmojiMessage
  | PictureMessage
  | FileMessage
  | AudioMessage
  | VideoMessage
  | CmdMessage
  | CustomMessage
  | LocationMessage;

/** Receipts (onReceivedMessage, onDeliveredMessage, onReadMessage, onChannelMessage). */
export interface ReceiptMessage {
  /** The acknowledged message's id (server id; onReceivedMessage: the local id). */
  id: string;
  mid: string;
  from: string;
  to: string;
  chatType?: EasemobChatType;
  type?: EasemobMessageKind;
  /** Group read receipts: message id → readers so far. */
  groupReadCount?: Record<string, number>;
}

export interface RecallMessage {
  id: string;
  mid: string;
  from: string;
  to: string;
  type: EasemobMessageKind;
  chatType: EasemobChatType;
}

/** Group acks that came while this user was offline: `location` is JSON `{ group_ack: [...] }`. */
export interface StatisticMessage {
  type: 'statistic';
  location: string;
}

export interface GroupAckEntry {
  msg_id: string;
  group_id: string;
  count: number;
  readers: string[];
}

export interface PresenceMessage {
  type: string;
  from: string;
  to: string;
  gid?: string;
  roomId?: string;
  owner?: string;
  users?: string[];
}

export type Blacklist = Record<string, { name: string }>;

/**
 * One contact as Easemob's roster lists it. natter has no friend requests:
 * contacts are mutual (`both`) from the first shared single chat or group;
 * `remove` reports a contact who no longer shares a group or a single chat.
 */
export interface RosterItem {
  name: string;
  jid: string;
  subscription: 'both' | 'remove';
  groups: string[];
}

/**
 * A group invitation as onInviteMessage gets it. natter adds members directly,
 * so the invitee is already a member when it arrives (`joined: true`):
 * agreeInviteIntoGroup keeps the membership, rejectInviteFromGroup leaves.
 */
export interface InviteMessage {
  type: 'invite';
  /** The inviter. */
  from: string;
  to: string;
  /** The group id (Easemob's name for it here); `gid` holds the same. */
  roomid: string;
  gid: string;
  reason: string;
  owner: string;
  joined: true;
}
