// Owns pinned messages per conversation: both users of a single chat may pin;
// in a group only its owner and admins, in a room its owner (510 otherwise).
// At most FEATURE_LIMITS.maxPins per conversation (511). Pinning a pinned
// message or unpinning one that is not pinned changes nothing. Every change
// sends the whole list to the conversation's members; a message that is
// recalled or deleted for everyone leaves the list (tombstone.ts). The list
// answer carries the reader's unread counts of pinned thread roots.
import { ErrorCode } from '../protocol/errors';
import { FEATURE_LIMITS, type PinnedMessage } from '../protocol/features';
import type { ThreadUnreadCounts } from '../protocol/frames';
import type { ConversationId } from '../protocol/ids';
import type { Message, UserId } from '../protocol/message';
import type { Caller, CoreContext } from './context';
import { fail, inTx } from './context';
import { keyOfConversationId } from './conversation-key';
import { isGroupManager, requireGroupMember, requireRoomMember } from './membership';
import type { MessageAccess } from './message-access';
import { conversationFor, requireLiveContent, requireMessageAccess } from './message-access';
import type { ConversationKey } from './storage';
import { withThreadUnread } from './thread-reads';

function publishPins(
  ctx: CoreContext,
  m: Message,
  access: Pick<MessageAccess, 'audience' | 'ephemeral'>,
  pins: PinnedMessage[],
): void {
  const event = (user: UserId) => ({ type: 'pins' as const, conversation: conversationFor(m, user), pins });
  if (access.ephemeral) ctx.events.ephemeral(access.audience, event);
  else ctx.events.durable(access.audience, event);
}

async function requirePinRights(ctx: CoreContext, m: Message, user: UserId): Promise<void> {
  if (m.chatType === 'group') {
    const group = await ctx.storage.getGroup(m.to);
    if (!group || !isGroupManager(group, user)) fail(ErrorCode.NOT_ALLOWED, 'only the group owner or an admin can pin');
  }
  if (m.chatType === 'room' && (await ctx.storage.getRoom(m.to))?.owner !== user)
    fail(ErrorCode.NOT_ALLOWED, 'only the room owner can pin');
}

async function pin(
  ctx: CoreContext,
  caller: Caller,
  p: { serverId: string; unpin?: boolean },
): Promise<{ pins: PinnedMessage[] }> {
  const access = await requireMessageAccess(ctx, caller.user, p.serverId);
  const m = access.message;
  await requirePinRights(ctx, m, caller.user);
  if (!p.unpin) {
    requireLiveContent(m, 'pinned');
    if (m.threadOf !== undefined || m.excluded)
      fail(ErrorCode.NOT_ALLOWED, 'thread replies and commands cannot be pinned');
  }
  return inTx(ctx, async (t) => {
    const current = await t.storage.getPins(access.key);
    const has = current.some((x) => x.serverId === m.serverId);
    if (p.unpin ? !has : has) return { pins: current };
    if (!p.unpin && current.length >= FEATURE_LIMITS.maxPins)
      fail(ErrorCode.TOO_LARGE, `at most ${FEATURE_LIMITS.maxPins} pinned messages per conversation`);
    const pins = p.unpin
      ? current.filter((x) => x.serverId !== m.serverId)
      : [{ serverId: m.serverId, by: caller.user, at: ctx.clock.now() }, ...current];
    await t.storage.setPins(access.key, pins);
    publishPins(t, m, access, pins);
    return { pins };
  });
}

async function pins(
  ctx: CoreContext,
  caller: Caller,
  p: { conversation: ConversationId },
): Promise<{ pins: PinnedMessage[]; messages: Message[] } & ThreadUnreadCounts> {
  const resolved =
    keyOfConversationId(caller.user, p.conversation) ?? fail(ErrorCode.INVALID_PARAMS, 'invalid conversation id');
  if (resolved.type === 'group') await requireGroupMember(ctx.storage, resolved.target, caller.user);
  if (resolved.type === 'room') await requireRoomMember(ctx.storage, resolved.target, caller.user);
  const list = await ctx.storage.getPins(resolved.key);
  const messages: Message[] = [];
  for (const x of list) {
    const record = await ctx.storage.getMessage(x.serverId);
    if (record) messages.push(record.message);
  }
  const answer: { pins: PinnedMessage[]; messages: Message[] } & ThreadUnreadCounts = { pins: list, messages };
  return withThreadUnread(ctx, caller.user, answer, messages);
}

/** Inside a tombstone's transaction (`ctx` its context): the message leaves its conversation's pins. */
export async function dropPin(
  ctx: CoreContext,
  key: ConversationKey,
  m: Message,
  access: Pick<MessageAccess, 'audience' | 'ephemeral'>,
): Promise<void> {
  const current = await ctx.storage.getPins(key);
  if (!current.some((x) => x.serverId === m.serverId)) return;
  const next = current.filter((x) => x.serverId !== m.serverId);
  await ctx.storage.setPins(key, next);
  publishPins(ctx, m, access, next);
}

export const pinOps = { pin, pins };
