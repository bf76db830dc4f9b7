// Owns the table from operation name to handler, and dispatching one
// validated request to it (sends pipelined into group commits).
import type { OpName, OpParams, RequestFrame } from '../protocol/frames';
import { authOps } from './auth-renew';
import { blocklistOps } from './blocklist';
import type { Caller, CoreContext } from './context';
import { conversationOps } from './conversations';
import { featureOps } from './feature-ops';
import { fileOps } from './files';
import { groupOps } from './groups';
import { historyWindowOps } from './history-window';
import { messagingOps, startSend } from './messaging';
import type { OpHandler, OpHandlers } from './op-handler';
import { presenceOps } from './presence-ops';
import { profileOps } from './profiles';
import { muteOps } from './conversation-mute';
import { pushOps } from './push-subscriptions';
import { recallOps } from './recall';
import { receiptOps } from './receipts';
import { roomOps } from './rooms';
import { searchOps } from './message-search';
import { signalingOps } from './signaling';
import { rtcOps } from './rtc-relay';
import { typingOps } from './typing';

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
  ...featureOps,
  ...profileOps,
  ...presenceOps,
  ...searchOps,
  ...historyWindowOps,
  ...authOps,
  ...rtcOps,
  ...pushOps,
  ...muteOps,
  ...typingOps,
};

function dispatch(ctx: CoreContext, caller: Caller, frame: RequestFrame): unknown {
  const handler = handlers[frame.op] as OpHandler<OpName>;
  return handler(ctx, caller, frame.p);
}

/**
 * Starts one request. `started` settles when the session may start its next request: for a send,
 * once it is queued for the group commit (so one connection's sends share commits and keep their
 * order); for anything else, when it is done. Any other operation first commits the queued sends
 * and starts once `afterSends` (the connection's last send's answer) has settled, so
 * it sees every send of its connection that came before it: a shared database's reads do not wait
 * for a commit still open, and a send may not even be queued yet (its checks before the commit).
 */
export function start(
  ctx: CoreContext,
  caller: Caller,
  frame: RequestFrame,
  afterSends?: Promise<unknown> | null,
): { started: Promise<unknown>; result: Promise<unknown> } {
  if (frame.op === 'send') {
    const { submitted, result } = startSend(ctx, caller, frame.p as OpParams<'send'>);
    return { started: submitted, result };
  }
  // A throw while flushing or starting the operation rejects `result` rather than escaping the caller.
  const result = new Promise<unknown>((resolve) => {
    void ctx.events.flush();
    const go = () => dispatch(ctx, caller, frame);
    resolve(afterSends ? afterSends.then(go, go) : go());
  });
  return { started: result, result };
}
