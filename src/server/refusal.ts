// Owns telling, in a group commit, a change that was refused (the server
// said no: a NatterError such as 602 or 603, answered to that change alone)
// from a failure under it that ends the whole attempt. On a shared database
// any other error from a change's check is the database's (a lost race such
// as a deadlock, a connection cut): the transaction is broken by then, and
// the storage runs it again or fails it with 5031 (storage.ts). Taken for
// that one change's refusal, the rest of the commit failed on the broken
// transaction and every send in it was answered 5000.
import { ErrorCode, NatterError } from '../protocol/errors';

/** Whether a change's check failing with `e` refuses that change alone (see the header). */
export function refusesOnlyItself(e: unknown, shared: boolean): boolean {
  if (e instanceof NatterError) return e.code !== ErrorCode.STORAGE_UNAVAILABLE;
  return !shared;
}
