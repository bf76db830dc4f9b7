// Owns natter's HTTP file API on the Node host: `POST /files` (raw body or
// multipart with a `file` field; also at Easemob's `/{org}/{app}/chatfiles`,
// answered in Easemob's shape) handed to the core's `putFile`, which checks
// type by content; `GET /files/<id>` serving the bytes back. Size limits are
// enforced while streaming, so an oversized upload is refused (511) without
// being buffered; the rest of a refused body is read and dropped (bounded)
// so the client gets its 413 instead of a reset while it is still sending.
import type { IncomingMessage, ServerResponse } from 'node:http';
import busboy from 'busboy';
import { ErrorCode, NatterError, isNatterError } from '../protocol/errors';
import type { UploadedFile } from '../protocol/link';
import type { FileInput } from '../server/files';
import type { ServerCore } from '../server/server-core';
import type { UserId } from '../protocol/message';
import type { Credentials } from './token';
import type { Logger } from './logger';
import { serveFile } from './file-download';

/** What the file API needs from the server core. */
export type FileApiCore = Pick<ServerCore, 'putFile' | 'getFile'>;

export interface FileApiOptions {
  core: FileApiCore;
  authenticate: (creds: Credentials) => Promise<{ user: UserId }>;
  maxFileBytes: number;
  logger: Logger;
}

/** Easemob's upload path (`/{org}/{app}/chatfiles`), which its mini-program examples post to. */
const EASEMOB_UPLOAD = /^\/[^/]+\/[^/]+\/chatfiles$/;

/** File ids are the store's random hex/base64url strings; anything else is unknown (no traversal). */
const FILE_ID = /^[A-Za-z0-9_-]{8,128}$/;
const MAX_NAME = 255;

/** An `(req, res) => handled` function: true when the request was a file API request. */
export function createFileApi(options: FileApiOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const easemob = EASEMOB_UPLOAD.test(path);
    if (path !== '/files' && !path.startsWith('/files/') && !easemob) return false;
    cors(res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'Access-Control-Max-Age': '600' }).end();
      return true;
    }
    const done = (p: Promise<void>): void => {
      p.catch((err: unknown) => fail(res, req, err, options.logger));
    };
    if ((path === '/files' || easemob) && req.method === 'POST') done(upload(req, res, url, options, easemob));
    else if (path.startsWith('/files/') && (req.method === 'GET' || req.method === 'HEAD'))
      done(download(req, res, path.slice('/files/'.length), options));
    else sendJson(res, 405, { code: ErrorCode.NOT_ALLOWED, message: 'method not allowed' });
    return true;
  };
}

function cors(res: ServerResponse): void {
  // Auth is a bearer header, never a cookie, so any origin may call the API.
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, POST, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Natter-User');
  res.setHeader('Access-Control-Expose-Headers', 'Content-Disposition, Content-Length');
}

function credentials(req: IncomingMessage): Credentials {
  const auth = req.headers.authorization;
  const bearer = auth && /^Bearer\s+(\S+)$/i.exec(auth);
  const user = req.headers['x-natter-user'];
  return { token: bearer ? bearer[1] : undefined, user: typeof user === 'string' ? user : undefined };
}

function numberParam(v: string | null | undefined): number | undefined {
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

async function upload(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  options: FileApiOptions,
  easemob = false,
): Promise<void> {
  const { user } = await options.authenticate(credentials(req));
  const declared = Number(req.headers['content-length']);
  // Refuse before reading anything when the client announces too much. Multipart
  // overhead is small; the per-file limit below is the exact check.
  if (Number.isFinite(declared) && declared > options.maxFileBytes + 64 * 1024)
    throw new NatterError(ErrorCode.TOO_LARGE, `file larger than ${options.maxFileBytes} bytes`);
  const contentType = req.headers['content-type'] ?? 'application/octet-stream';
  const input = /^multipart\/form-data/i.test(contentType)
    ? await readMultipart(req, options.maxFileBytes)
    : {
        name: safeFileName(url.searchParams.get('name') ?? undefined),
        mime: contentType.split(';')[0]!.trim().toLowerCase(),
        bytes: await readBody(req, options.maxFileBytes),
        width: numberParam(url.searchParams.get('width')),
        height: numberParam(url.searchParams.get('height')),
        duration: numberParam(url.searchParams.get('duration')),
      };
  const file = await options.core.putFile(user, stripUndefined(input));
  options.logger.log('info', 'file.uploaded', { user, fileId: file.fileId, size: file.size, mime: file.mime });
  const stored = absolutize(file, req);
  // Easemob names the file `uri + '/' + entities[0].uuid`: the same URL natter gave it.
  const cut = stored.url.lastIndexOf('/');
  if (easemob)
    sendJson(res, 200, {
      uri: stored.url.slice(0, cut),
      entities: [{ uuid: stored.url.slice(cut + 1), type: 'chatfile', 'share-secret': '' }],
      file: stored,
    });
  else sendJson(res, 201, { file: stored });
}

function stripUndefined(input: FileInput): FileInput {
  const out: FileInput = { name: input.name, mime: input.mime, bytes: input.bytes };
  if (input.width !== undefined) out.width = input.width;
  if (input.height !== undefined) out.height = input.height;
  if (input.duration !== undefined) out.duration = input.duration;
  return out;
}

/** File URLs are absolute: a relative one from the core is resolved against the address the client used. */
function absolutize(file: UploadedFile, req: IncomingMessage): UploadedFile {
  if (/^[a-z]+:\/\//i.test(file.url)) return file;
  const host = req.headers.host ?? `${req.socket.localAddress}:${req.socket.localPort}`;
  const path = file.url || `/files/${file.fileId ?? ''}`;
  return { ...file, url: new URL(path, `http://${host}`).toString() };
}

function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
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

function readMultipart(req: IncomingMessage, limit: number): Promise<FileInput> {
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

async function download(req: IncomingMessage, res: ServerResponse, id: string, options: FileApiOptions): Promise<void> {
  const found = FILE_ID.test(id) ? await options.core.getFile(id) : null;
  if (!found) {
    sendJson(res, 404, { code: ErrorCode.FILE_NOT_FOUND, message: 'file not found' });
    return;
  }
  serveFile(req, res, found);
}

const STATUS: Record<number, number> = {
  [ErrorCode.TOO_LARGE]: 413,
  [ErrorCode.FILE_TYPE_NOT_ALLOWED]: 415,
  [ErrorCode.FILE_CONTENT_MISMATCH]: 415,
  [ErrorCode.NOT_AUTHENTICATED]: 401,
  [ErrorCode.TOKEN_EXPIRED]: 401,
  [ErrorCode.TOKEN_INVALID]: 401,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.QUOTA_EXCEEDED]: 429,
  [ErrorCode.FILE_NOT_FOUND]: 404,
  [ErrorCode.SHUTTING_DOWN]: 503,
  [ErrorCode.INTERNAL]: 500,
};

function fail(res: ServerResponse, req: IncomingMessage, err: unknown, logger: Logger): void {
  const e = isNatterError(err) ? err : new NatterError(ErrorCode.INTERNAL);
  if (!isNatterError(err)) logger.log('error', 'http.error', { path: req.url, error: err });
  const status = STATUS[e.code] ?? (e.code >= 5000 ? 500 : 400);
  const body = { code: e.code, message: e.message };
  if (req.complete) {
    sendJson(res, status, body);
    return;
  }
  // The body was not read to the end: the connection can't be reused.
  res.setHeader('Connection', 'close');
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > DRAIN_BYTES) {
    // Far larger than any upload: not worth reading. Answer and cut.
    sendJson(res, status, body);
    res.on('finish', () => req.destroy());
    return;
  }
  void drain(req).then((all) => {
    sendJson(res, status, body);
    if (!all) res.on('finish', () => req.destroy());
  });
}

/** A refused body is read and dropped up to this many bytes or this long; past that the socket is cut. */
const DRAIN_BYTES = 64 * 1024 * 1024;
const DRAIN_MS = 30_000;

/**
 * Reads what is left of a refused request and drops it; resolves true once it all arrived, false
 * when it went past DRAIN_BYTES or DRAIN_MS. The answer waits for this: closing a connection
 * while the client is still writing resets it, and a client that reads its answer only after
 * sending (most HTTP libraries) then sees EPIPE/ECONNRESET instead of the 413.
 */
function drain(req: IncomingMessage): Promise<boolean> {
  return new Promise((resolve) => {
    let dropped = 0;
    const done = (all: boolean): void => {
      clearTimeout(cut);
      resolve(all);
    };
    const cut = setTimeout(() => done(false), DRAIN_MS);
    cut.unref();
    const count = (chunk: Buffer): void => {
      dropped += chunk.length;
      if (dropped > DRAIN_BYTES) done(false);
    };
    req.once('end', () => done(true));
    req.once('close', () => done(req.complete));
    // Earlier readers paused it (and would again on their next chunk) or piped it into a multipart parser.
    req.unpipe();
    for (const l of req.listeners('data')) req.off('data', l as (chunk: Buffer) => void);
    req.on('data', count);
    req.resume();
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}
