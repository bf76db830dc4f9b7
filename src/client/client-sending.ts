// Owns the ChatClient methods of sending: messages of any body through the
// outbox (kept while offline, retried, idempotent by localId), files (upload
// then send, file-sender.ts, kept across reloads by the offline cache), plain
// uploads, and the outbox's entries.
import { definedFields } from '../protocol/defined-fields';
import { badConversationId, toNatterError } from '../protocol/errors';
import { conversationId, parseConversationId, type ConversationId } from '../protocol/ids';
import type { Transport, UploadedFile } from '../protocol/link';
import type { ChatType, Message, OutgoingBody, UserId } from '../protocol/message';
import type { AttachmentStore } from './attachment-store';
import { FileSender } from './file-sender';
import type { UploadInput } from './file-upload';
import { loadUploadChunk } from './load-upload-chunk';
import type { Outbox } from './outbox';
import type { PendingMessage, SendFileOptions, SendOptions } from './pending-message';
import type { RequestFn } from './request-fn';

/** The sending and outbox methods of ChatClient. */
export interface SendingApi {
  /** Send any outgoing body; resolves once the server stored it. Queued in the outbox while offline. */
  send(to: string, chatType: ChatType, body: OutgoingBody, options?: SendOptions): Promise<Message>;
  sendText(conversation: ConversationId, text: string, options?: SendOptions): Promise<Message>;
  /** Upload then send an img/file/audio/video message. */
  sendFile(
    conversation: ConversationId,
    kind: 'img' | 'file' | 'audio' | 'video',
    file: Blob,
    options?: SendFileOptions,
  ): Promise<Message>;
  upload(
    file: Blob,
    options?: {
      name?: string;
      mime?: string;
      onProgress?: (loaded: number, total: number) => void;
      signal?: AbortSignal;
    },
  ): Promise<UploadedFile>;
  /** Messages waiting in the outbox (pending or failed). */
  pending(): PendingMessage[];
  /** Retry a failed send with its original localId. */
  retry(localId: string): Promise<Message>;
  /** Give up on a failed or pending send. */
  discard(localId: string): void;
}

export interface SendingDeps {
  outbox: Outbox;
  transport: Transport;
  request: RequestFn;
  /** The logged-in user (known after welcome). */
  user: () => UserId;
  /** The current token, for HTTP uploads. */
  token: () => string | undefined;
  newId: () => string;
  /** Local time for `createdAt` (the outbox's own order). */
  localNow: () => number;
  /** An entry was discarded (the input stream hears of it). */
  discarded: (entry: PendingMessage | undefined) => void;
  isOpen: () => boolean;
  /** Calls `run` on every welcome (uploads that waited for the connection start then). */
  onWelcome: (run: () => void) => void;
  /** Where attachments not uploaded yet are kept between sessions (the offline cache). */
  attachments?: AttachmentStore;
}

/** The API never throws synchronously: a bad conversation id is a rejected Promise like any other refusal. */
function badConversation(conversation: string): Promise<never> {
  return Promise.reject(badConversationId(conversation));
}

export function createSendingApi(deps: SendingDeps): SendingApi {
  const { outbox } = deps;

  const upload = (file: Blob, options: UploadInput = {}): Promise<UploadedFile> => {
    const token = deps.token();
    const target = {
      transport: deps.transport,
      user: deps.user(),
      ...definedFields({ token }),
      request: deps.request,
    };
    // The upload code (and image header parsing) is a chunk of its own: most sessions never send a file.
    return loadUploadChunk()
      .then(({ uploadFile }) => uploadFile(target, file, options))
      .catch((err: unknown) => {
        throw toNatterError(err);
      });
  };
  const files = new FileSender({
    outbox,
    upload,
    isOpen: deps.isOpen,
    ...(deps.attachments ? { store: deps.attachments } : {}),
  });
  deps.onWelcome(() => files.flush());
  void files.restore();

  const pendingOf = (
    to: string,
    chatType: ChatType,
    body: OutgoingBody,
    options: SendOptions,
  ): Omit<PendingMessage, 'status'> => ({
    localId: options.localId ?? deps.newId(),
    to,
    chatType,
    body,
    ...definedFields({
      ext: options.ext,
      config: options.config,
      replyTo: options.replyTo,
      mentions: options.mentions,
      threadOf: options.threadOf,
    }),
    from: deps.user(),
    conversation: conversationId(chatType, to),
    createdAt: deps.localNow(),
  });

  const send = (to: string, chatType: ChatType, body: OutgoingBody, options: SendOptions = {}): Promise<Message> =>
    outbox.add(pendingOf(to, chatType, body, options));

  return {
    send,
    sendText(conversation, text, options) {
      const t = parseConversationId(conversation);
      if (!t) return badConversation(conversation);
      return send(t.target, t.type, { type: 'txt', msg: text }, options);
    },
    sendFile(conversation, kind, file, options = {}) {
      const t = parseConversationId(conversation);
      if (!t) return badConversation(conversation);
      const { body: _placeholder, ...base } = pendingOf(t.target, t.type, { type: 'txt', msg: '' }, options);
      return files.send(base, kind, file, options);
    },
    upload,
    pending: () => outbox.list(),
    retry: (localId) => files.retry(localId),
    discard(localId) {
      const entry = outbox.get(localId);
      files.forget(localId);
      outbox.discard(localId);
      deps.discarded(entry);
    },
  };
}
