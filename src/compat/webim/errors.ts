// Owns how natter errors reach WebIM callbacks: `fail(e)` / `error(e)` /
// `onError` get `{ type, message, data }` with `type` the numeric code as a
// string, so the document's `e.type === '603'` checks work unchanged.
import { ErrorCode, isNatterError } from '../../protocol/errors';
import type { WebIMError } from './types';

function isWebIMError(err: unknown): err is WebIMError {
  return (
    typeof err === 'object' &&
    err !== null &&
    typeof (err as WebIMError).type === 'string' &&
    typeof (err as WebIMError).message === 'string'
  );
}

export function toWebIMError(err: unknown): WebIMError {
  if (isWebIMError(err)) return err;
  const code = isNatterError(err) ? err.code : ErrorCode.UNKNOWN;
  const message = err instanceof Error ? err.message : typeof err === 'string' ? err : 'unknown error';
  return { type: String(code), message, data: { code, message } };
}

/** Calls a user callback without letting it break the facade (as the vendor SDK swallows them). */
export function safeCall<A extends unknown[]>(fn: ((...args: A) => void) | undefined, ...args: A): void {
  if (typeof fn !== 'function') return;
  try {
    fn(...args);
  } catch (err) {
    queueMicrotask(() => {
      throw err;
    });
  }
}
