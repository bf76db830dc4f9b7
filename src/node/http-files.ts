// Owns natter's HTTP file API on the Node host: `POST /files` (raw body or
// multipart with a `file` field; also at Easemob's `/{org}/{app}/chatfiles`,
// answered in Easemob's shape) handed to the core's `putFile`, which checks
// type by content; `GET /files/<id>` serving the bytes back. Size limits are
// enforced while streaming (upload-body.ts); errors are answered by
// file-api-errors.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, NatterError } from '../protocol/errors';
import type { UploadedFile } from '../protocol/link';
import type { ServerCore } from '../server/server-core';
import type { UserId } from '../protocol/message';
import type { Credentials } from './token';
import type { Logger } from './logger';
import { serveFile } from './file-download';
import { fail } from './file-api-errors';
import { sendJson } from './http-json';
import { numberParam, readBody, readMultipart, safeFileName, toFileInput } from './upload-body';

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
  const creds: Credentials = {};
  if (bearer?.[1] !== undefined) creds.token = bearer[1];
  if (typeof user === 'string') creds.user = user;
  return creds;
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
  const file = await options.core.putFile(user, toFileInput(input));
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

/** File URLs are absolute: a relative one from the core is resolved against the address the client used. */
function absolutize(file: UploadedFile, req: IncomingMessage): UploadedFile {
  if (/^[a-z]+:\/\//i.test(file.url)) return file;
  const host = req.headers.host ?? `${req.socket.localAddress}:${req.socket.localPort}`;
  const path = file.url || `/files/${file.fileId ?? ''}`;
  return { ...file, url: new URL(path, `http://${host}`).toString() };
}

async function download(req: IncomingMessage, res: ServerResponse, id: string, options: FileApiOptions): Promise<void> {
  const found = FILE_ID.test(id) ? await options.core.getFile(id) : null;
  if (!found) {
    sendJson(res, 404, { code: ErrorCode.FILE_NOT_FOUND, message: 'file not found' });
    return;
  }
  serveFile(req, res, found);
}
