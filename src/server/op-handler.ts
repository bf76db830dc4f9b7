// Owns the shape of an operation handler: the context, the caller, the
// validated parameters in, the result out (or a thrown NatterError).
import type { OpName, OpParams, OpResult } from '../protocol/frames';
import type { Caller, CoreContext } from './context';

export type OpHandler<K extends OpName> = (
  ctx: CoreContext,
  caller: Caller,
  params: OpParams<K>,
) => OpResult<K> | Promise<OpResult<K>>;

export type OpHandlers<K extends OpName> = { [P in K]: OpHandler<P> };
