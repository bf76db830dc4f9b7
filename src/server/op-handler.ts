// Owns the shape of an operation handler: the context, the caller, the
// validated parameters in, the result out (or a thrown NatterError), either
// as an object or already encoded.
import type { OpName, OpParams, OpResult } from '../protocol/frames';
import type { Caller, CoreContext } from './context';
import type { EncodedResult } from './encoded-result';

/** What a handler answers: the result, or its JSON already encoded (encoded-result.ts). */
export type OpAnswer<K extends OpName> = OpResult<K> | EncodedResult<OpResult<K>>;

export type OpHandler<K extends OpName> = (
  ctx: CoreContext,
  caller: Caller,
  params: OpParams<K>,
) => OpAnswer<K> | Promise<OpAnswer<K>>;

export type OpHandlers<K extends OpName> = { [P in K]: OpHandler<P> };
