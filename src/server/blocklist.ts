// Owns each user's blocklist: a blocked user's single-chat messages and
// invitations are refused with 603. Changes reach all of the user's devices.
import { ErrorCode } from '../protocol/errors';
import type { UserId } from '../protocol/message';
import type { Caller, CoreContext } from './context';
import { fail } from './context';
import type { OpHandlers } from './op-handler';

function change(ctx: CoreContext, user: UserId, next: (list: UserId[]) => UserId[]): { blocked: UserId[] } {
  return ctx.events.tx(() => {
    const before = ctx.storage.getBlocklist(user);
    const blocked = next(before);
    if (blocked.length !== before.length) {
      ctx.storage.setBlocklist(user, blocked);
      ctx.events.durable([user], { type: 'blocklist', blocked });
    }
    return { blocked };
  });
}

function block(ctx: CoreContext, caller: Caller, p: { user: UserId }): { blocked: UserId[] } {
  if (p.user === caller.user) fail(ErrorCode.INVALID_PARAMS, 'cannot block yourself');
  return change(ctx, caller.user, (list) => (list.includes(p.user) ? list : [...list, p.user]));
}

function unblock(ctx: CoreContext, caller: Caller, p: { user: UserId }): { blocked: UserId[] } {
  return change(ctx, caller.user, (list) => list.filter((u) => u !== p.user));
}

function blocklist(ctx: CoreContext, caller: Caller): { blocked: UserId[] } {
  return { blocked: ctx.storage.getBlocklist(caller.user) };
}

/** True when `blocker` blocked `user`. */
export function isBlocked(ctx: CoreContext, blocker: UserId, user: UserId): boolean {
  return ctx.storage.getBlocklist(blocker).includes(user);
}

export const blocklistOps: OpHandlers<'block' | 'unblock' | 'blocklist'> = { block, unblock, blocklist };
