// Owns each user's blocklist: a blocked user's single-chat messages and
// invitations are refused with 603. Changes reach all of the user's devices.
import { ErrorCode } from '../protocol/errors';
import type { UserId } from '../protocol/message';
import type { Caller, CoreContext } from './context';
import { fail, inTx } from './context';
import type { OpHandlers } from './op-handler';

function change(ctx: CoreContext, user: UserId, next: (list: UserId[]) => UserId[]): Promise<{ blocked: UserId[] }> {
  return inTx(ctx, async ({ storage }) => {
    const before = await storage.getBlocklist(user);
    const blocked = next(before);
    if (blocked.length !== before.length) {
      await storage.setBlocklist(user, blocked);
      ctx.events.durable([user], { type: 'blocklist', blocked });
    }
    return { blocked };
  });
}

function block(ctx: CoreContext, caller: Caller, p: { user: UserId }): Promise<{ blocked: UserId[] }> {
  if (p.user === caller.user) fail(ErrorCode.INVALID_PARAMS, 'cannot block yourself');
  return change(ctx, caller.user, (list) => (list.includes(p.user) ? list : [...list, p.user]));
}

function unblock(ctx: CoreContext, caller: Caller, p: { user: UserId }): Promise<{ blocked: UserId[] }> {
  return change(ctx, caller.user, (list) => list.filter((u) => u !== p.user));
}

async function blocklist(ctx: CoreContext, caller: Caller): Promise<{ blocked: UserId[] }> {
  return { blocked: await ctx.storage.getBlocklist(caller.user) };
}

/** True when `blocker` blocked `user`. */
export async function isBlocked(ctx: CoreContext, blocker: UserId, user: UserId): Promise<boolean> {
  return (await ctx.storage.blocklist(blocker)).includes(user);
}

export const blocklistOps: OpHandlers<'block' | 'unblock' | 'blocklist'> = { block, unblock, blocklist };
