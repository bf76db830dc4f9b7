// Owns recall: only the sender, only while the window (server clock) is
// open (504 after, 505 when disabled). The stored message becomes a
// tombstone for everyone (tombstone.ts: counts drop, pins and thread counts
// follow, every member gets a durable recall event).
import { ErrorCode } from '../protocol/errors';
import type { Message } from '../protocol/message';
import type { Caller, CoreContext } from './context';
import { fail } from './context';
import type { OpHandlers } from './op-handler';
import { tombstoneMessage } from './tombstone';

async function recall(ctx: CoreContext, caller: Caller, p: { serverId: string }): Promise<{ message: Message }> {
  const { limits } = ctx;
  // Checked inside the tombstone's transaction on the message as stored: a recall racing another
  // (from another device or node) finds the tombstone and answers with it, and unread drops once.
  const message = await tombstoneMessage(ctx, p.serverId, caller.user, false, (original) => {
    if (!limits.recallEnabled) fail(ErrorCode.RECALL_NOT_ENABLED);
    if (original.from !== caller.user) fail(ErrorCode.NOT_ALLOWED, 'only the sender can recall a message');
    if (original.body.type === 'recalled') return;
    if (original.body.type === 'signal') fail(ErrorCode.NOT_ALLOWED, 'signaling messages cannot be recalled');
    if (ctx.clock.now() - original.ts > limits.recallWindowMs) fail(ErrorCode.RECALL_WINDOW_PASSED);
  });
  return { message };
}

export const recallOps: OpHandlers<'recall'> = { recall };
