// Owns the presence ops: reading the presence of users as the caller may see
// it, and the caller's device saying whether it is active or idle.
import type { UserId } from '../protocol/message';
import type { Presence } from '../protocol/people';
import type { Caller, CoreContext } from './context';
import type { OpHandlers } from './op-handler';
import type { DeviceStatus } from './presence';

async function getPresence(
  ctx: CoreContext,
  caller: Caller,
  p: { users: UserId[] },
): Promise<{ presence: Presence[] }> {
  return { presence: await ctx.people.presence.view(caller.user, [...new Set(p.users)]) };
}

async function setPresence(
  ctx: CoreContext,
  caller: Caller,
  p: { status: DeviceStatus },
): Promise<Record<string, never>> {
  await ctx.people.presence.setDevice(caller.user, caller.device, p.status);
  return {};
}

export const presenceOps: OpHandlers<'presence.get' | 'presence.set'> = {
  'presence.get': getPresence,
  'presence.set': setPresence,
};
