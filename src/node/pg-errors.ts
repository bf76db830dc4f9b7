// Owns telling PostgreSQL failures apart: a lost race (deadlock,
// serialization failure, unique violation — run the transaction again; so is a
// prepared statement a pooler lost, pg-database.ts) from
// the database being out of reach (connection refused or cut, server
// shutting down or starting — fail with a retryable error) from anything
// else (a bug: rethrown as is).
const RACE_CODES = new Set(['40001', '40P01', '23505']);
// A prepared statement missing (26000) or already there (42P05) on the server connection: a pooler in
// transaction mode gave this statement another connection than the one it was prepared on.
const LOST_STATEMENT_CODES = new Set(['26000', '42P05']);
// admin_shutdown, crash_shutdown, cannot_connect_now, and the connection exception class.
const CONNECTION_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH']);

/** The SQLSTATE or errno a failure carries ('' when none). */
function codeOf(e: unknown): string {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : '';
}

export function pgRetryKind(e: unknown): 'race' | 'connection' | null {
  if (typeof e !== 'object' || e === null) return null;
  const code = codeOf(e);
  if (RACE_CODES.has(code) || LOST_STATEMENT_CODES.has(code)) return 'race';
  if (CONNECTION_CODES.has(code) || CONNECTION_ERRNOS.has(code)) return 'connection';
  const message = e instanceof Error ? e.message : '';
  if (
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable|the database system is (starting up|shutting down)/i.test(
      message,
    )
  )
    return 'connection';
  return null;
}

/** A prepared statement the server connection does not have as this client thinks (see LOST_STATEMENT_CODES). */
export function lostPreparedStatement(e: unknown): boolean {
  return LOST_STATEMENT_CODES.has(codeOf(e));
}
