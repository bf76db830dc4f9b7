// Owns the shape of a message this client is sending (an outbox entry, with
// its status, error and upload progress) and the options a send takes.
import type { ConversationId } from '../protocol/ids';
import type { ChatType, Ext, Message, MessageConfig, OutgoingBody, UserId } from '../protocol/message';
import type { MessageMentions } from '../protocol/features';

/** Status of a message this client sent (its own view). */
export type OutgoingStatus = 'pending' | 'sent' | 'failed';

/** A message this client is sending, before the server answers. */
export interface PendingMessage {
  localId: string;
  to: string;
  chatType: ChatType;
  body: OutgoingBody;
  ext?: Ext;
  config?: MessageConfig;
  replyTo?: string;
  mentions?: MessageMentions;
  threadOf?: string;
  from: UserId;
  conversation: ConversationId;
  createdAt: number;
  status: OutgoingStatus;
  error?: { code: number; message: string };
  /** Upload progress 0..1 for file-bearing messages still uploading. */
  progress?: number;
  /** The stored message, once `status` is 'sent' (so a store can swap the pending entry for it). */
  message?: Message;
}

export interface SendOptions {
  ext?: Ext;
  config?: MessageConfig;
  /** The message's localId (e.g. from {@link ChatClient.newLocalId}, to know it before the send); otherwise a new one. */
  localId?: string;
  /** serverId of a message of the same conversation to quote (a reply). */
  replyTo?: string;
  /** Users to mention, or everyone (`all`, group chats). */
  mentions?: MessageMentions;
  /** serverId of a thread root of the same conversation: send as a reply in its thread. */
  threadOf?: string;
}

export interface SendFileOptions extends SendOptions {
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
  /** Image/video dimensions and audio/video duration (seconds), when known. */
  width?: number;
  height?: number;
  duration?: number;
  name?: string;
}
