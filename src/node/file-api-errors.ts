// Owns the file API's error answers: a NatterError code mapped to its HTTP
// status, and a refused upload's unread rest drained (bounded) before the
// answer, so the client gets its 413 instead of a reset while it still sends.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, NatterError, isNatterError } from '../protocol/errors';
import type { Logger } from './logger';
import { sendJson } from './http-json';

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

export function fail(res: ServerResponse, req: IncomingMessage, err: unknown, logger: Logger): void {
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
