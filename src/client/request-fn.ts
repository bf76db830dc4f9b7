// Owns the shape of the client's low-level request function, which the
// method groups of ChatClient are built on.
import type { OpName, OpParams, OpResult } from '../protocol/frames';

/** Sends one operation and resolves with its result (rejects with NatterError). */
export type RequestFn = <K extends OpName>(op: K, params: OpParams<K>) => Promise<OpResult<K>>;
