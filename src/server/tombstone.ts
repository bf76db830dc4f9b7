// Owns turning a stored message into a tombstone, for recall and for delete
// for everyone alike: the content goes with everything hanging on it (its
// reactions, quote, mentions and thread summary are not carried over), unread
// and mention counts drop for those who had not read it (each member's
// count after it goes with their event), it leaves the
// conversation's pins, a thread reply leaves its root's count (and the
// unread count of each follower who had not read it), and every
// member gets a durable recall event (so later reconnecters too).
import { ErrorCode } from '../protocol/errors';
import type { Message, UserId } from '../protocol/message';
import type { CoreContext } from './context';
import { fail, inTx } from './context';
import { conversationKey, viewerConversationId } from './conversation-key';
import { audienceOf } from './message-access';
import { applyUpdate } from './message-update';
import { dropMention } from './mentions';
import { dropPin } from './pins';
import { settleRemovedReply } from './thread-reads';

/** Lowers the counts of those who had not read it; returns each member's unread count after. */
async function lowerUnread(t: CoreContext, original: Message, members: UserId[]): Promise<Map<UserId, number>> {
  const { storage } = t;
  const key = conversationKey(original.chatType, original.from, original.to);
  const unreadOf = new Map<UserId, number>();
  for (const user of members) {
    if (user !== original.from && !original.excluded) await dropMention(t, user, original);
    const state = await storage.getConversationState(user, key);
    if (!state) continue;
    // A message this user deleted for themselves no longer counted for them.
    const counted =
      !original.excluded &&
      user !== original.from &&
      state.unread > 0 &&
      !state.hiddenIds?.includes(original.serverId) &&
      original.seq > Math.max(state.readSeq, state.clearedSeq);
    if (counted) {
      state.unread -= 1;
      await storage.putConversationState(state);
    }
    unreadOf.set(user, state.unread);
  }
  return unreadOf;
}

/** A thread reply became a tombstone: its root counts one reply fewer. */
async function lowerThreadCount(
  t: CoreContext,
  rootId: string,
  access: { audience: UserId[]; ephemeral: boolean },
): Promise<void> {
  if (!(await t.storage.getMessage(rootId))) return;
  await applyUpdate(t, access, rootId, 'thread', (root) => {
    if (!root.thread || root.body.type === 'recalled') return null;
    const count = Math.max(0, root.thread.count - 1);
    const next: Message = { ...root, thread: { ...root.thread, count } };
    if (count === 0) delete next.thread;
    return next;
  });
}

/**
 * Makes the tombstone, in one transaction that reads the message as stored: `check` runs on it first
 * (and may refuse); an already recalled message is answered as it is, so two concurrent recalls or
 * deletes count once.
 */
export function tombstoneMessage(
  ctx: CoreContext,
  serverId: string,
  by: UserId,
  deleted: boolean,
  check: (original: Message) => void,
): Promise<Message> {
  return inTx(ctx, async (t) => {
    const { storage } = t;
    const original = (await storage.getMessage(serverId))?.message ?? fail(ErrorCode.MESSAGE_NOT_FOUND);
    check(original);
    if (original.body.type === 'recalled') return original;
    const now = ctx.clock.now();
    const tombstone: Message = {
      serverId: original.serverId,
      localId: original.localId,
      from: original.from,
      to: original.to,
      chatType: original.chatType,
      seq: original.seq,
      ts: original.ts,
      body: deleted
        ? { type: 'recalled', recalledAt: now, by, deleted: true }
        : { type: 'recalled', recalledAt: now, by },
      // A tombstone never counts as unread (recounts after an ack agree with the decrement below).
      excluded: true,
    };
    if (original.threadOf !== undefined) tombstone.threadOf = original.threadOf;
    await storage.updateMessage(tombstone);
    const { audience: members, ephemeral } = await audienceOf(t, original);
    // Each member's count after the recall goes with their event: clients never recompute it.
    const unreadOf =
      original.chatType !== 'room' && original.threadOf === undefined
        ? await lowerUnread(t, original, members)
        : new Map<UserId, number>();
    const access = { audience: members, ephemeral };
    if (original.threadOf === undefined)
      await dropPin(t, conversationKey(original.chatType, original.from, original.to), original, access);
    else {
      await lowerThreadCount(t, original.threadOf, access);
      if (!ephemeral) await settleRemovedReply(t, original, members);
    }
    const event = (user: UserId) => {
      const unread = unreadOf.get(user);
      return {
        type: 'recall' as const,
        message: tombstone,
        conversation: viewerConversationId(original.chatType, original.from, original.to, user),
        ...(unread !== undefined ? { unread } : {}),
      };
    };
    if (ephemeral) ctx.events.ephemeral(members, event);
    else ctx.events.durable(members, event);
    return tombstone;
  });
}
