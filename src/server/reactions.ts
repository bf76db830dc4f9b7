// Owns reactions: any member of a message's conversation adds or takes back
// their own reaction with any short emoji key. The groups live on the stored
// message (one per emoji, users in the order they reacted), so a history
// page carries them and a count is always the length of its user list.
// Adding a reaction the user already gave, or removing one they did not,
// changes nothing: a retry after a lost answer is harmless.
import { ErrorCode } from '../protocol/errors';
import { FEATURE_LIMITS, type ReactionGroup } from '../protocol/features';
import type { Message, UserId } from '../protocol/message';
import type { Caller, CoreContext } from './context';
import { fail } from './context';
import { requireLiveContent, requireMessageAccess } from './message-access';
import { updateMessage } from './message-update';

/** The reaction groups after `user` adds or removes `emoji`; null when nothing changes. */
function changeReactions(
  groups: readonly ReactionGroup[],
  user: UserId,
  emoji: string,
  remove: boolean,
): ReactionGroup[] | null {
  const i = groups.findIndex((g) => g.emoji === emoji);
  const group = groups[i];
  if (remove) {
    if (!group || !group.users.includes(user)) return null;
    const users = group.users.filter((u) => u !== user);
    return users.length === 0
      ? groups.filter((_, j) => j !== i)
      : groups.map((g, j) => (j === i ? { emoji, users } : g));
  }
  if (group)
    return group.users.includes(user)
      ? null
      : groups.map((g, j) => (j === i ? { emoji, users: [...g.users, user] } : g));
  if (groups.length >= FEATURE_LIMITS.maxReactionKinds)
    fail(ErrorCode.TOO_LARGE, `at most ${FEATURE_LIMITS.maxReactionKinds} different reactions per message`);
  return [...groups, { emoji, users: [user] }];
}

async function react(
  ctx: CoreContext,
  caller: Caller,
  p: { serverId: string; emoji: string; remove?: boolean },
): Promise<{ message: Message }> {
  const access = await requireMessageAccess(ctx, caller.user, p.serverId);
  requireLiveContent(access.message, 'reacted to');
  const message = await updateMessage(ctx, access, p.serverId, 'reaction', (current) => {
    requireLiveContent(current, 'reacted to');
    const groups = changeReactions(current.reactions ?? [], caller.user, p.emoji, p.remove === true);
    if (!groups) return null;
    const next: Message = { ...current, reactions: groups };
    if (groups.length === 0) delete next.reactions;
    return next;
  });
  return { message };
}

export const reactionOps = { react };
