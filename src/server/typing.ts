// Owns typing indicators on the server: only a member of a conversation may
// signal in it, and the signal is pushed as an ephemeral event (no position,
// nothing stored, nothing counted as unread) to the other members' connected
// devices on every node. The sender's own other devices are left out: an
// indicator shows other people typing, so they would have nothing to show.
import { ErrorCode } from '../protocol/errors';
import type { UserId } from '../protocol/message';
import type { TypingOps } from '../protocol/typing';
import type { Caller, CoreContext } from './context';
import { fail } from './context';
import { keyOfConversationId, viewerConversationId } from './conversation-key';
import type { OpHandlers } from './op-handler';

/** Who else may see `user` typing in the conversation; throws when `user` may not signal there. */
async function audience(ctx: CoreContext, user: UserId, type: string, target: string): Promise<readonly UserId[]> {
  if (type === 'single') {
    if (target === user) return [];
    // As for a send (603): a user who blocked the sender hears nothing from them.
    if ((await ctx.storage.blocklist(target)).includes(user)) fail(ErrorCode.BLOCKED);
    return [target];
  }
  if (type === 'group') {
    const view = (await ctx.storage.group(target)) ?? fail(ErrorCode.GROUP_NOT_FOUND);
    if (!view.members.has(user)) fail(ErrorCode.NOT_IN_GROUP);
    return view.group.members;
  }
  const room = (await ctx.storage.room(target)) ?? fail(ErrorCode.ROOM_NOT_FOUND);
  if (!room.members.includes(user)) fail(ErrorCode.NOT_IN_GROUP);
  return room.members;
}

async function typing(ctx: CoreContext, caller: Caller, p: TypingOps['typing']['p']): Promise<Record<string, never>> {
  const c =
    keyOfConversationId(caller.user, p.conversation) ?? fail(ErrorCode.INVALID_PARAMS, 'invalid conversation id');
  const members = await audience(ctx, caller.user, c.type, c.target);
  const others = members.filter((u) => u !== caller.user);
  // A message sent just before must reach the peers first: it ends the sender's indicator there.
  await ctx.events.flush();
  ctx.events.ephemeral(others, (viewer) => ({
    type: 'typing',
    conversation: viewerConversationId(c.type, caller.user, c.target, viewer),
    by: caller.user,
    state: p.state,
  }));
  return {};
}

export const typingOps: OpHandlers<'typing'> = { typing };
