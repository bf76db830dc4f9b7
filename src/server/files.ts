// Owns uploads: size (511), allowed type (4150) and content matching the
// declared type (4151), unguessable ids, metadata in Storage and bytes in the
// FileStore; downloads by id; and the `file.put` operation (base64 in a frame).
import { ErrorCode, NatterError } from '../protocol/errors';
import type { Ops } from '../protocol/frames';
import type { UploadedFile } from '../protocol/link';
import type { UserId } from '../protocol/message';
import type { Caller, CoreContext } from './context';
import { contentMatches, normalizeMime } from './file-sniff';
import type { OpHandlers } from './op-handler';
import { chargeUpload } from './upload-limits';

export interface FileInput {
  name: string;
  mime: string;
  bytes: Uint8Array;
  width?: number;
  height?: number;
  duration?: number;
}

export async function putFile(ctx: CoreContext, user: UserId, input: FileInput): Promise<UploadedFile> {
  const { limits } = ctx;
  const mime = normalizeMime(input.mime);
  if (input.bytes.length > limits.maxFileBytes)
    throw new NatterError(ErrorCode.TOO_LARGE, `file larger than ${limits.maxFileBytes} bytes`);
  if (!limits.allowedFileTypes.includes(mime))
    throw new NatterError(ErrorCode.FILE_TYPE_NOT_ALLOWED, `file type ${mime || '(none)'} is not allowed`);
  if (!contentMatches(mime, input.bytes))
    throw new NatterError(ErrorCode.FILE_CONTENT_MISMATCH, `file content is not ${mime}`);
  await chargeUpload(ctx, user, input.bytes.length);
  const fileId = ctx.ids.fileId();
  await ctx.files.put(fileId, input.bytes);
  const url = ctx.options.fileUrl ? ctx.options.fileUrl(fileId, mime, input.bytes) : `/files/${fileId}`;
  const file: UploadedFile = { fileId, url, name: input.name, size: input.bytes.length, mime };
  if (input.width !== undefined) file.width = input.width;
  if (input.height !== undefined) file.height = input.height;
  if (input.duration !== undefined) file.duration = input.duration;
  await ctx.storage.putFile({ fileId, owner: user, createdAt: ctx.clock.now(), file });
  return file;
}

export async function getFile(
  ctx: CoreContext,
  fileId: string,
): Promise<{ meta: UploadedFile; bytes: Uint8Array } | null> {
  const record = await ctx.storage.getFile(fileId);
  if (!record) return null;
  const bytes = await ctx.files.get(fileId);
  return bytes ? { meta: record.file, bytes } : null;
}

function decodeBase64(data: string): Uint8Array {
  try {
    const bin = atob(data);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    throw new NatterError(ErrorCode.INVALID_PARAMS, 'data is not base64');
  }
}

async function filePut(ctx: CoreContext, caller: Caller, p: Ops['file.put']['p']): Promise<{ file: UploadedFile }> {
  const input: FileInput = { name: p.name, mime: p.mime, bytes: decodeBase64(p.data) };
  if (p.width !== undefined) input.width = p.width;
  if (p.height !== undefined) input.height = p.height;
  if (p.duration !== undefined) input.duration = p.duration;
  return { file: await putFile(ctx, caller.user, input) };
}

export const fileOps: OpHandlers<'file.put'> = { 'file.put': filePut };
