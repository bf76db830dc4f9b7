// Owns turning a stored message into a tombstone, for recall and for delete
// for everyone alike: the content goes with everything hanging on it (its
// reactions, quote, mentions and thread summary are not carried over), unread
// and mention counts drop for those who had not read it, it leaves the
// conversation's pins, a thread reply leaves its root's count, and every
// member gets a durable recall event (so later reconnecters too).
import type { Message, UserId } from '../protocol/message';
import type { CoreContext } from './context';
import { conversationKey, viewerConversationId } from './conversation-key';
import { audienceOf } from './message-access';
import { applyUpdate } from './message-update';
import { dropMention } from './mentions';
import { dropPin } from './pins';

function lowerUnread(ctx: CoreContext, original: Message, members: UserId[]): void {
  const { storage } = ctx;
  const key = conversationKey(original.chatType, original.from, original.to);
  for (const user of members) {
    if (user === original.from) continue;
    dropMention(ctx, user, original);
    const state = storage.getConversationState(user, key);
    // A message this user deleted for themselves no longer counted for them.
    if (!state || state.unread === 0 || state.hiddenIds?.includes(original.serverId)) continue;
    if (original.seq > Math.max(state.readSeq, state.clearedSeq)) {
      state.unread -= 1;
      storage.putConversationState(state);
    }
  }
}

/**
 * Makes the tombstone (once: an already recalled message is answered as it is). Runs its own
 * transaction and re-reads the message inside it, so two concurrent recalls or deletes count once.
 */
export async function tombstoneMessage(ctx: CoreContext, serverId: string, by: UserId, deleted: boolean): Promise<Message> {
  const first = await ctx.storage.getMessage(serverId);
  const { audience: members, ephemeral } = first ? await audienceOf(ctx, first.message) : { audience: [], ephemeral: false };
  return ctx.events.tx(() => {
    const { storage } = ctx;
    const original = storage.getMessage(serverId)?.message;
    if (!original || original.body.type === 'recalled') return original as Message;
    const now = ctx.clock.now();
    const tombstone: Message = {
      serverId: original.serverId,
      localId: original.localId,
      from: original.from,
      to: original.to,
      chatType: original.chatType,
      seq: original.seq,
      ts: original.ts,
      body: deleted ? { type: 'recalled', recalledAt: now, by, deleted: true } : { type: 'recalled', recalledAt: now, by },
      // A tombstone never counts as unread (recounts after an ack agree with the decrement below).
      excluded: true,
    };
    if (original.threadOf !== undefined) tombstone.threadOf = original.threadOf;
    storage.updateMessage(tombstone);
    if (original.chatType !== 'room' && !original.excluded && original.threadOf === undefined) lowerUnread(ctx, original, members);
    const access = { audience: members, ephemeral };
    if (original.threadOf === undefined) dropPin(ctx, conversationKey(original.chatType, original.from, original.to), original, access);
    else lowerThreadCount(ctx, original.threadOf, access);
    const event = (user: UserId) => ({
      type: 'recall' as const,
      message: tombstone,
      conversation: viewerConversationId(original.chatType, original.from, original.to, user),
    });
    if (ephemeral) ctx.events.ephemeral(members, event);
    else ctx.events.durable(members, event);
    return tombstone;
  });
}

/** A thread reply became a tombstone: its root counts one reply fewer. */
function lowerThreadCount(ctx: CoreContext, rootId: string, access: { audience: UserId[]; ephemeral: boolean }): void {
  if (!ctx.storage.getMessage(rootId)) return;
  applyUpdate(ctx, access, rootId, 'thread', (root) => {
    if (!root.thread || root.body.type === 'recalled') return null;
    const count = Math.max(0, root.thread.count - 1);
    const next: Message = { ...root, thread: { ...root.thread, count } };
    if (count === 0) delete next.thread;
    return next;
  });
}
