// Owns the table from operation name to handler, and dispatching one
// validated request to it.
import type { OpName, RequestFrame } from '../protocol/frames';
import { blocklistOps } from './blocklist';
import type { Caller, CoreContext } from './context';
import { conversationOps } from './conversations';
import { fileOps } from './files';
import { groupOps } from './groups';
import { messagingOps } from './messaging';
import type { OpHandler, OpHandlers } from './op-handler';
import { recallOps } from './recall';
import { receiptOps } from './receipts';
import { roomOps } from './rooms';
import { signalingOps } from './signaling';

const handlers: OpHandlers<OpName> = {
  ...messagingOps,
  ...conversationOps,
  ...receiptOps,
  ...recallOps,
  ...groupOps,
  ...roomOps,
  ...blocklistOps,
  ...signalingOps,
  ...fileOps,
};

export function dispatch(ctx: CoreContext, caller: Caller, frame: RequestFrame): unknown {
  const handler = handlers[frame.op] as OpHandler<OpName>;
  return handler(ctx, caller, frame.p);
}
