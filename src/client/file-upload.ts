// Owns getting a file to the server: through the transport's out-of-band
// upload when it has one (HTTP with progress, or the embedded server's
// memory), else inside a `file.put` frame as base64 — fine for small files,
// and it keeps every transport able to send attachments.
import { ErrorCode, NatterError } from '../protocol/errors';
import type { OpParams, OpResult } from '../protocol/frames';
import type { Transport, UploadRequest, UploadedFile } from '../protocol/link';
import { fileName } from './file-message';
import { readImageSize } from './image-size';

export interface UploadInput {
  name?: string;
  mime?: string;
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
  width?: number;
  height?: number;
  duration?: number;
}

export interface UploadContext {
  transport: Transport;
  user: string;
  token?: string;
  request(op: 'file.put', params: OpParams<'file.put'>): Promise<OpResult<'file.put'>>;
}

/** `input` with the image's pixel size read from its header when it is an image and none was given. */
async function withImageSize(file: Blob, mime: string, input: UploadInput): Promise<UploadInput> {
  if (!mime.startsWith('image/') || (input.width !== undefined && input.height !== undefined)) return input;
  const size = await readImageSize(file);
  return size ? { ...input, width: size.width, height: size.height } : input;
}

export async function uploadFile(ctx: UploadContext, file: Blob, given: UploadInput = {}): Promise<UploadedFile> {
  const name = fileName(file, given.name);
  const mime = given.mime ?? (file.type || 'application/octet-stream');
  const input = await withImageSize(file, mime, given);
  if (input.signal?.aborted) throw new NatterError(ErrorCode.NOT_ALLOWED, 'upload aborted');
  if (ctx.transport.upload) {
    const req: UploadRequest = { data: file, name, mime, user: ctx.user };
    if (ctx.token !== undefined) req.token = ctx.token;
    if (input.onProgress) req.onProgress = input.onProgress;
    if (input.signal) req.signal = input.signal;
    if (input.width !== undefined) req.width = input.width;
    if (input.height !== undefined) req.height = input.height;
    if (input.duration !== undefined) req.duration = input.duration;
    return ctx.transport.upload(req);
  }
  const total = file.size;
  input.onProgress?.(0, total);
  const data = toBase64(new Uint8Array(await file.arrayBuffer()));
  if (input.signal?.aborted) throw new NatterError(ErrorCode.NOT_ALLOWED, 'upload aborted');
  const params: OpParams<'file.put'> = { name, mime, data };
  if (input.width !== undefined) params.width = input.width;
  if (input.height !== undefined) params.height = input.height;
  if (input.duration !== undefined) params.duration = input.duration;
  const { file: uploaded } = await ctx.request('file.put', params);
  input.onProgress?.(total, total);
  return uploaded;
}

/** Base64 without Node's Buffer (the client runs in browsers); chunked to stay clear of argument limits. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}
