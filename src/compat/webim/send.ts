// Owns `conn.send(msg.body)`: turning a WebIM message body into a natter
// send (uploading attachments first, with the upload callbacks), a read or
// delivery receipt, or a channel ack; then `success(id, serverMsgId)` and
// onReceivedMessage, or `fail(e)` (and onMutedMessage when muted).
import type { ChatClient } from '../../client/chat-client-types';
import { ErrorCode, NatterError } from '../../protocol/errors';
import { conversationId } from '../../protocol/ids';
import type { UploadedFile } from '../../protocol/link';
import type { ChatType, Message, OutgoingBody } from '../../protocol/message';
import { natterId } from '../vendor-id';
import { toNatterChatType } from './chat-type';
import { safeCall, toWebIMError } from './errors';
import { basename, extensionOf, mimeOf, readableBlob } from './file-source';
import type { ListenerArg, ListenerName, UploadComplete, WebIMMessageBody } from './types';

export interface SendContext {
  client(): ChatClient;
  emit<K extends ListenerName>(name: K, arg: ListenerArg<K>): void;
  remember(m: Message): void;
  /** A message id the app holds (server id, or a local id this connection sent) → server id. */
  serverIdOf(id: string): string;
}

export interface SendResult {
  localMsgId: string;
  serverMsgId: string;
}

type FileKind = 'img' | 'file' | 'audio' | 'video';

function num(v: unknown): number | undefined {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

function fileBody(
  kind: FileKind,
  f: UploadedFile,
  dims: { width?: number | undefined; height?: number | undefined; duration?: number | undefined },
): OutgoingBody {
  const ref = {
    url: f.url,
    name: f.name,
    size: f.size,
    mime: f.mime,
    ...(f.fileId !== undefined ? { fileId: f.fileId } : {}),
  };
  const width = dims.width ?? f.width;
  const height = dims.height ?? f.height;
  const duration = dims.duration ?? f.duration;
  const wh = { ...(width !== undefined ? { width } : {}), ...(height !== undefined ? { height } : {}) };
  if (kind === 'img') return { type: 'img', ...ref, ...wh };
  if (kind === 'file') return { type: 'file', ...ref };
  if (kind === 'audio') return { type: 'audio', ...ref, duration: duration ?? 0 };
  return { type: 'video', ...ref, ...wh, ...(duration !== undefined ? { duration } : {}) };
}

function uploadComplete(f: UploadedFile): UploadComplete {
  const uuid = f.fileId ?? basename(f.url);
  const cut = f.url.lastIndexOf('/');
  return {
    uri: cut > 0 ? f.url.slice(0, cut) : f.url,
    entities: [{ uuid, type: 'chatfile', 'share-secret': '' }],
    url: f.url,
    file: {
      ...(f.fileId !== undefined ? { fileId: f.fileId } : {}),
      url: f.url,
      name: f.name,
      size: f.size,
      mime: f.mime,
    },
  };
}

async function attachmentBody(ctx: SendContext, kind: FileKind, body: WebIMMessageBody): Promise<OutgoingBody> {
  const duration = kind === 'audio' || kind === 'video' ? num(body.length) : undefined;
  const input = body.file;
  if (input && input.data) {
    const data = input.data;
    const name = input.filename || (data as Blob & { name?: string }).name || `file.${input.filetype || 'bin'}`;
    const mime = data.type || mimeOf(input.filetype || name);
    let uploaded: UploadedFile;
    try {
      const blob = await readableBlob(data, name, mime);
      uploaded = await ctx.client().upload(blob, {
        name,
        mime,
        onProgress: (loaded, total) => safeCall(body.onFileUploadProgress, { loaded, total, lengthComputable: true }),
      });
    } catch (err) {
      safeCall(body.onFileUploadError, toWebIMError(err));
      throw err;
    }
    safeCall(body.onFileUploadComplete, uploadComplete(uploaded));
    return fileBody(kind, uploaded, { width: num(body.width), height: num(body.height), duration });
  }
  const byUrl = body.body;
  if (byUrl && typeof byUrl.url === 'string' && byUrl.url) {
    const name = byUrl.filename || basename(byUrl.url) || 'file';
    const ext = byUrl.filetype || extensionOf(name) || extensionOf(byUrl.url);
    const fallback =
      kind === 'img'
        ? 'image/jpeg'
        : kind === 'audio'
          ? 'audio/mpeg'
          : kind === 'video'
            ? 'video/mp4'
            : 'application/octet-stream';
    const ref: UploadedFile = {
      url: byUrl.url,
      name,
      size: num(byUrl.file_length) ?? 0,
      mime: ext ? mimeOf(ext, fallback) : fallback,
    };
    return fileBody(kind, ref, {
      width: num(byUrl.size?.width),
      height: num(byUrl.size?.height),
      duration: num(byUrl.length) ?? duration,
    });
  }
  throw new NatterError(ErrorCode.INVALID_PARAMS, `a ${kind} message needs file: { data } or body: { url }`);
}

async function outgoingBody(ctx: SendContext, body: WebIMMessageBody): Promise<OutgoingBody> {
  switch (body.type) {
    case 'txt':
      return { type: 'txt', msg: String(body.msg ?? '') };
    case 'cmd':
      if (!body.action) throw new NatterError(ErrorCode.INVALID_PARAMS, 'a cmd message needs an action');
      return { type: 'cmd', action: String(body.action) };
    case 'custom':
      return {
        type: 'custom',
        customEvent: String(body.customEvent ?? ''),
        customExts: { ...(body.customExts ?? {}) },
      };
    case 'loc':
      return {
        type: 'loc',
        lat: Number(body.lat),
        lng: Number(body.lng),
        addr: String(body.addr ?? ''),
        ...(body.buildingName ? { buildingName: body.buildingName } : {}),
      };
    case 'img':
    case 'file':
    case 'audio':
    case 'video':
      return attachmentBody(ctx, body.type, body);
    default:
      throw new NatterError(ErrorCode.INVALID_PARAMS, `cannot send a ${String(body.type)} message`);
  }
}

async function sendReceipt(ctx: SendContext, body: WebIMMessageBody, chatType: ChatType, to: string): Promise<void> {
  const client = ctx.client();
  if (body.type === 'channel') {
    await client.markRead(conversationId(chatType, to));
    return;
  }
  if (!body.ackId)
    throw new NatterError(
      ErrorCode.INVALID_PARAMS,
      `a ${body.type} receipt needs the id of the message it acknowledges`,
    );
  const serverId = ctx.serverIdOf(body.ackId);
  if (body.type === 'read') await client.sendReadReceipt(serverId);
  else await client.sendDeliveryReceipt([serverId]);
}

function mutedSender(ctx: SendContext): string {
  try {
    return ctx.client().user;
  } catch {
    return '';
  }
}

/** Sends; never rejects (outcomes go to the body's callbacks). Resolves null on failure. */
export async function sendBody(ctx: SendContext, body: WebIMMessageBody): Promise<SendResult | null> {
  const chatType = toNatterChatType(body.chatType, body.roomType);
  const to = natterId(String(body.to ?? ''));
  try {
    if ('ext' in body && body.ext === null)
      throw new NatterError(ErrorCode.INVALID_PARAMS, 'ext must be an object or absent, not null');
    if (body.type === 'read' || body.type === 'delivery' || body.type === 'channel') {
      await sendReceipt(ctx, body, chatType, to);
      safeCall(body.success, body.id, body.ackId ?? body.id);
      return { localMsgId: body.id, serverMsgId: body.ackId ?? body.id };
    }
    const out = await outgoingBody(ctx, body);
    const config = body.msgConfig && typeof body.msgConfig === 'object' ? { ...body.msgConfig } : undefined;
    const message = await ctx.client().send(to, chatType, out, {
      localId: body.id,
      ...(body.ext ? { ext: body.ext } : {}),
      ...(config ? { config } : {}),
    });
    ctx.remember(message);
    safeCall(body.success, body.id, message.serverId);
    ctx.emit('onReceivedMessage', { id: body.id, mid: message.serverId, from: message.from, to: message.to });
    return { localMsgId: body.id, serverMsgId: message.serverId };
  } catch (err) {
    const e = toWebIMError(err);
    if (e.type === String(ErrorCode.MUTED))
      ctx.emit('onMutedMessage', {
        id: body.id,
        mid: body.id,
        from: mutedSender(ctx),
        to,
        chatType: 'groupChat',
        type: 'groupchat',
      });
    safeCall(body.fail, e);
    return null;
  }
}
