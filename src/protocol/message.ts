// Owns the shape of a chat message on the wire: every body type of the Easemob
// document, the server-assigned identity (serverId, seq, ts) and the tombstone.
import type { EditMark, ForwardMark, MessageMentions, QuotedMessage, ReactionGroup, ThreadSummary } from './features';
import type { InvitationAction } from './invitation';
import type { ChatType, UserId } from './primitives';

export type { ChatType, UserId };

/** Attachment metadata as stored on the server and carried by file-bearing bodies. */
export interface FileRef {
  /** Unguessable id the server serves the bytes under. Absent for image-by-URL messages. */
  fileId?: string;
  url: string;
  name: string;
  /** Bytes. */
  size: number;
  mime: string;
}

export interface TextBody {
  type: 'txt';
  msg: string;
}
export interface ImageBody extends FileRef {
  type: 'img';
  width?: number;
  height?: number;
}
export interface CommandBody {
  type: 'cmd';
  action: string;
}
export interface FileBody extends FileRef {
  type: 'file';
}
/** `duration` in seconds, as Easemob's `length` for audio. */
export interface AudioBody extends FileRef {
  type: 'audio';
  duration: number;
}
export interface VideoBody extends FileRef {
  type: 'video';
  duration?: number;
  width?: number;
  height?: number;
  thumb?: string;
}
/** `customExts` values are strings, as the Easemob document requires. */
export interface CustomBody {
  type: 'custom';
  customEvent: string;
  customExts: Record<string, string>;
}
export interface LocationBody {
  type: 'loc';
  lat: number;
  lng: number;
  addr: string;
  buildingName?: string;
}

/** Bodies a client may send. */
export type OutgoingBody =
  TextBody | ImageBody | CommandBody | FileBody | AudioBody | VideoBody | CustomBody | LocationBody;
export type OutgoingBodyType = OutgoingBody['type'];

/**
 * A signaling step stored in history. Only the server writes these: a client that sends a
 * custom message looking like one gets a plain custom message, never a `signal` body.
 */
export interface SignalBody {
  type: 'signal';
  action: InvitationAction;
  inviteId: string;
  inviter: UserId;
  invitees: UserId[];
  groupId?: string;
  data: string;
  /** The invitee who answered (accept/reject/timeout of one invitee). */
  invitee?: UserId;
  timeout: number;
}

/** What a recalled message becomes, for everyone, in history and live; `deleted` when it was deleted for everyone (no window, or by a group admin). */
export interface RecalledBody {
  type: 'recalled';
  recalledAt: number;
  by: UserId;
  deleted?: true;
}

export type MessageBody = OutgoingBody | SignalBody | RecalledBody;
export type MessageBodyType = MessageBody['type'];

export interface MessageConfig {
  /** Group read receipts: readers' count is pushed to the sender; the sender can list readers. */
  allowGroupAck?: boolean;
}

export type Ext = Record<string, unknown>;

/** A message as the server stored it. */
export interface Message {
  /** Server-assigned id; the only id recall, receipts and history refer to. */
  serverId: string;
  /** Client-generated id (ULID); the idempotency key, with `from`. */
  localId: string;
  from: UserId;
  /** Peer user id for single chat; group or room id otherwise. */
  to: string;
  chatType: ChatType;
  /** Total order within the conversation, from 1. */
  seq: number;
  /** Server timestamp, ms since epoch. */
  ts: number;
  body: MessageBody;
  ext?: Ext;
  config?: MessageConfig;
  /** Does not raise unread counts nor become the conversation's last message. */
  excluded?: boolean;
  /** Reactions, one group per emoji in the order first used (features.ts). */
  reactions?: ReactionGroup[];
  /** The message this one replies to, quoted. */
  reply?: QuotedMessage;
  /** Users (or everyone) this message mentions. */
  mentions?: MessageMentions;
  /** On a thread root: its replies' summary. */
  thread?: ThreadSummary;
  /** On a thread reply: the root's serverId (thread replies are not in the conversation's history). */
  threadOf?: string;
  /** Set once the text was edited. */
  edited?: EditMark;
  /** Set on a forwarded copy. */
  forwarded?: ForwardMark;
  /** How many times the stored message changed in place (edits, reactions, thread summary): of two copies, the higher is newer. */
  rev?: number;
}

/** A message the client wants to send. */
export interface OutgoingMessage {
  localId: string;
  to: string;
  chatType: ChatType;
  body: OutgoingBody;
  ext?: Ext;
  config?: MessageConfig;
  /** serverId of a message of the same conversation this one replies to (quoted). */
  replyTo?: string;
  mentions?: MessageMentions;
  /** serverId of a thread root of the same conversation: this message is a reply in its thread. */
  threadOf?: string;
}

/** Details of a signaling message, or null for any other message (Tencent's getSignalingInfo). */
export function signalingInfo(message: Pick<Message, 'body'>): SignalBody | null {
  return message.body.type === 'signal' ? message.body : null;
}

/** Whether the body carries a file (uploaded to the server by its fileId, or at its url). */
export function carriesFile(body: MessageBody): body is ImageBody | FileBody | AudioBody | VideoBody {
  return body.type === 'img' || body.type === 'file' || body.type === 'audio' || body.type === 'video';
}
