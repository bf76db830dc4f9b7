// Owns how natter errors reach Tencent callers: a rejected Promise's Error
// carries the numeric `code` (8010, 2801…) the document's examples read.
import { ErrorCode, isNatterError } from '../../protocol/errors';
import type { TencentError } from './types';

export function toTencentError(err: unknown): TencentError {
  const code = isNatterError(err) ? err.code : ErrorCode.UNKNOWN;
  const e = new Error(err instanceof Error ? err.message : String(err)) as TencentError;
  e.code = code;
  return e;
}

export function fail<T>(err: unknown): Promise<T> {
  return Promise.reject(toTencentError(err));
}
