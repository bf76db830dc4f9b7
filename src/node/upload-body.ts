// Owns reading an upload's body on the Node host: a raw body or a multipart
// form with one `file` field, size-limited while streaming (an oversized body
// is refused without being buffered), with the client-given name reduced to
// a safe file name and the optional numeric fields checked.
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { ErrorCode, NatterError, isNatterError } from '../protocol/errors';
import type { FileInput } from '../server/files';

const MAX_NAME = 255;

/** An upload as read: a numeric field is undefined when the client gave none. */
export interface UploadFields {
  name: string;
  mime: string;
  bytes: Uint8Array;
  width: number | undefined;
  height: number | undefined;
  duration: number | undefined;
}

export function numberParam(v: string | null | undefined): number | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new NatterError(ErrorCode.INVALID_PARAMS, `not a number: ${v}`);
  return n;
}

/** Keep only the last path segment of a client-given name: it is metadata, never a path. */
export function safeFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const noDots = clean === '.' || clean === '..' ? '' : clean;
  return (noDots || 'file').slice(0, MAX_NAME);
}

export function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        reject(new NatterError(ErrorCode.TOO_LARGE, `file larger than ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks, size))));
    req.on('error', reject);
  });
}

export function readMultipart(req: IncomingMessage, limit: number): Promise<UploadFields> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { fileSize: limit, files: 1, fields: 10, fieldSize: 1024 } });
    } catch (e) {
      reject(new NatterError(ErrorCode.INVALID_PARAMS, e instanceof Error ? e.message : 'bad multipart body'));
      return;
    }
    const fields: Record<string, string> = {};
    let file: { name: string; mime: string; chunks: Buffer[]; size: number } | null = null;
    let failed = false;
    const failWith = (e: NatterError): void => {
      if (failed) return;
      failed = true;
      req.unpipe(bb);
      req.pause();
      reject(e);
    };
    bb.on('field', (name, value) => {
      fields[name] = value;
    });
    bb.on('file', (field, stream, info) => {
      if (field !== 'file' || file) {
        stream.resume();
        return;
      }
      const f = {
        name: safeFileName(info.filename),
        mime: (info.mimeType || 'application/octet-stream').toLowerCase(),
        chunks: [] as Buffer[],
        size: 0,
      };
      file = f;
      stream.on('data', (c: Buffer) => {
        f.size += c.length;
        f.chunks.push(c);
      });
      stream.on('limit', () => failWith(new NatterError(ErrorCode.TOO_LARGE, `file larger than ${limit} bytes`)));
    });
    bb.on('error', (e: unknown) =>
      failWith(new NatterError(ErrorCode.INVALID_PARAMS, e instanceof Error ? e.message : 'bad multipart body')),
    );
    bb.on('close', () => {
      if (failed) return;
      const f = file;
      if (!f) {
        failWith(new NatterError(ErrorCode.INVALID_PARAMS, 'multipart body has no "file" field'));
        return;
      }
      try {
        resolve({
          name: fields['name'] ? safeFileName(fields['name']) : f.name,
          mime: f.mime,
          bytes: new Uint8Array(Buffer.concat(f.chunks, f.size)),
          width: numberParam(fields['width']),
          height: numberParam(fields['height']),
          duration: numberParam(fields['duration']),
        });
      } catch (e) {
        failWith(isNatterError(e) ? e : new NatterError(ErrorCode.INVALID_PARAMS));
      }
    });
    req.pipe(bb);
  });
}

/** What the core stores: the fields the client gave, none set to undefined. */
export function toFileInput(input: UploadFields): FileInput {
  const out: FileInput = { name: input.name, mime: input.mime, bytes: input.bytes };
  if (input.width !== undefined) out.width = input.width;
  if (input.height !== undefined) out.height = input.height;
  if (input.duration !== undefined) out.duration = input.duration;
  return out;
}
