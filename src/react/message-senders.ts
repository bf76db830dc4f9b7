// Owns the send functions of useConversation: one per message type, each
// resolving to a SendResult instead of rejecting (a failed send also shows as a
// failed message with its code), plus retry and discard of outbox entries.
import type { ChatClient, SendFileOptions, SendOptions } from '../client/chat-client-types';
import { badConversationId, NatterError, toNatterError } from '../protocol/errors';
import { parseConversationId, type ConversationId } from '../protocol/ids';
import type { LocationBody, Message, OutgoingBody } from '../protocol/message';

/** Outcome of a send: the stored message, or the error (the message then shows `failed`). */
export type SendResult =
  { ok: true; localId: string; message: Message } | { ok: false; localId: string; error: NatterError };

/** An image already hosted somewhere: sent by URL, no upload. */
export interface ImageUrl {
  url: string;
  width?: number;
  height?: number;
  name?: string;
  /** Bytes, when known (0 otherwise). */
  size?: number;
  mime?: string;
}

/** Options of file-bearing sends: dimensions/duration when known, an upload progress callback, abort. */
export type FileSendOptions = Omit<SendFileOptions, 'localId'> & { localId?: string };

export interface MessageSenders {
  /** A localId for a send (pass it as `localId`) when it is needed before the send resolves, e.g. to discard an upload. */
  newLocalId(): string;
  /** Sends a text message. */
  sendText(text: string, options?: SendOptions): Promise<SendResult>;
  /** Sends an image: a File/Blob is uploaded first (progress on the pending message), an {@link ImageUrl} is sent as is. */
  sendImage(image: Blob | ImageUrl, options?: FileSendOptions): Promise<SendResult>;
  /** Uploads and sends a file. */
  sendFile(file: Blob, options?: FileSendOptions): Promise<SendResult>;
  /** Uploads and sends audio; `duration` in seconds. */
  sendAudio(file: Blob, options: FileSendOptions & { duration: number }): Promise<SendResult>;
  /** Uploads and sends a video. */
  sendVideo(file: Blob, options?: FileSendOptions): Promise<SendResult>;
  sendLocation(location: Omit<LocationBody, 'type'>, options?: SendOptions): Promise<SendResult>;
  /** Sends a custom message (`customExts` values are strings). */
  sendCustom(customEvent: string, customExts?: Record<string, string>, options?: SendOptions): Promise<SendResult>;
  /** Sends a command message (not shown in the list, never unread). */
  sendCommand(action: string, options?: SendOptions): Promise<SendResult>;
  /** Sends any outgoing body. */
  send(body: OutgoingBody, options?: SendOptions): Promise<SendResult>;
  /** Sends a failed message again with its localId (uploading first if its upload failed). */
  retry(localId: string): Promise<SendResult>;
  /** Gives up a pending or failed send and removes it from the list. */
  discard(localId: string): void;
}

async function settle(localId: string, p: Promise<Message>): Promise<SendResult> {
  try {
    return { ok: true, localId, message: await p };
  } catch (e) {
    return { ok: false, localId, error: toNatterError(e) };
  }
}

function baseName(url: string): string {
  const path = url.split(/[?#]/)[0] ?? url;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || 'image';
}

export function createMessageSenders(client: ChatClient, conversation: ConversationId): MessageSenders {
  const target = parseConversationId(conversation);
  // The send's one localId, from the client's generator (its `newId` option), known before the answer.
  const withId = <T extends { localId?: string }>(options: T | undefined): T & { localId: string } => ({
    ...(options ?? ({} as T)),
    localId: options?.localId ?? client.newLocalId(),
  });

  const send = (body: OutgoingBody, options?: SendOptions): Promise<SendResult> => {
    const o = withId(options);
    if (!target)
      return Promise.resolve({
        ok: false,
        localId: o.localId,
        error: badConversationId(conversation),
      });
    return settle(o.localId, client.send(target.target, target.type, body, o));
  };
  const upload = (
    kind: 'img' | 'file' | 'audio' | 'video',
    file: Blob,
    options?: FileSendOptions,
  ): Promise<SendResult> => {
    const o = withId(options);
    return settle(o.localId, client.sendFile(conversation, kind, file, o));
  };

  return {
    newLocalId: () => client.newLocalId(),
    send,
    sendText: (text, options) => send({ type: 'txt', msg: text }, options),
    sendImage: (image, options) => {
      // Duck-typed: Blobs from another realm (iframes, Node's Blob in tests) are Blobs too.
      if (!('url' in image)) return upload('img', image, options);
      const i = image;
      const body: OutgoingBody = {
        type: 'img',
        url: i.url,
        name: i.name ?? baseName(i.url),
        size: i.size ?? 0,
        mime: i.mime ?? 'image/*',
      };
      if (i.width !== undefined) body.width = i.width;
      if (i.height !== undefined) body.height = i.height;
      return send(body, options);
    },
    sendFile: (file, options) => upload('file', file, options),
    sendAudio: (file, options) => upload('audio', file, options),
    sendVideo: (file, options) => upload('video', file, options),
    sendLocation: (location, options) => send({ type: 'loc', ...location }, options),
    sendCustom: (customEvent, customExts = {}, options) => send({ type: 'custom', customEvent, customExts }, options),
    sendCommand: (action, options) => send({ type: 'cmd', action }, options),
    retry: (localId) => settle(localId, client.retry(localId)),
    discard: (localId) => client.discard(localId),
  };
}
