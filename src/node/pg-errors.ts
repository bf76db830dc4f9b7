// Owns telling PostgreSQL failures apart: a lost race (deadlock,
// serialization failure, unique violation — run the transaction again) from
// the database being out of reach (connection refused or cut, server
// shutting down or starting — fail with a retryable error) from anything
// else (a bug: rethrown as is).
const RACE_CODES = new Set(['40001', '40P01', '23505']);
// admin_shutdown, crash_shutdown, cannot_connect_now, and the connection exception class.
const CONNECTION_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH']);

export function pgRetryKind(e: unknown): 'race' | 'connection' | null {
  if (typeof e !== 'object' || e === null) return null;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && RACE_CODES.has(code)) return 'race';
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || CONNECTION_ERRNOS.has(code))) return 'connection';
  const message = e instanceof Error ? e.message : '';
  if (
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable|the database system is (starting up|shutting down)/i.test(
      message,
    )
  )
    return 'connection';
  return null;
}
