// Owns recall: only the sender, only while the window (server clock) is
// open (504 after, 505 when disabled). The stored message becomes a
// tombstone for everyone, unread counts drop for those who had not read it,
// and every member gets a durable recall event (so later reconnecters too)
// carrying their own unread count after it.
import { ErrorCode } from '../protocol/errors';
import type { Message, UserId } from '../protocol/message';
import type { Caller, CoreContext } from './context';
import { fail, inTx } from './context';
import { conversationKey, viewerConversationId } from './conversation-key';
import type { OpHandlers } from './op-handler';

async function membersOf(ctx: CoreContext, m: Message): Promise<{ members: UserId[]; ephemeral: boolean }> {
  if (m.chatType === 'single') return { members: m.from === m.to ? [m.from] : [m.from, m.to], ephemeral: false };
  if (m.chatType === 'group') return { members: (await ctx.storage.getGroup(m.to))?.members ?? [m.from], ephemeral: false };
  const room = await ctx.storage.getRoom(m.to);
  return { members: room?.members ?? [m.from], ephemeral: room ? !room.keepHistory : false };
}

function recall(ctx: CoreContext, caller: Caller, p: { serverId: string }): Promise<{ message: Message }> {
  const { limits } = ctx;
  // Read and changed in one transaction: a recall racing another (from another device or node)
  // finds the tombstone and answers with it, and unread drops once.
  return inTx(ctx, async (t) => {
    const { storage } = t;
    const record = (await storage.getMessage(p.serverId)) ?? fail(ErrorCode.MESSAGE_NOT_FOUND);
    const original = record.message;
    if (!limits.recallEnabled) fail(ErrorCode.RECALL_NOT_ENABLED);
    if (original.from !== caller.user) fail(ErrorCode.NOT_ALLOWED, 'only the sender can recall a message');
    if (original.body.type === 'recalled') return { message: original };
    if (original.body.type === 'signal') fail(ErrorCode.NOT_ALLOWED, 'signaling messages cannot be recalled');
    const now = ctx.clock.now();
    if (now - original.ts > limits.recallWindowMs) fail(ErrorCode.RECALL_WINDOW_PASSED);
    const tombstone: Message = {
      serverId: original.serverId,
      localId: original.localId,
      from: original.from,
      to: original.to,
      chatType: original.chatType,
      seq: original.seq,
      ts: original.ts,
      body: { type: 'recalled', recalledAt: now, by: caller.user },
      // A tombstone never counts as unread (recounts after an ack agree with the decrement below).
      excluded: true,
    };
    await storage.updateMessage(tombstone);
    const { members, ephemeral } = await membersOf(t, original);
    // Each member's count after the recall goes with their event: clients never recompute it.
    const unreadOf = new Map<UserId, number>();
    if (original.chatType !== 'room') {
      const key = conversationKey(original.chatType, original.from, original.to);
      for (const user of members) {
        const state = await storage.getConversationState(user, key);
        if (!state) continue;
        const counted = !original.excluded && user !== original.from && state.unread > 0 && original.seq > Math.max(state.readSeq, state.clearedSeq);
        if (counted) {
          state.unread -= 1;
          await storage.putConversationState(state);
        }
        unreadOf.set(user, state.unread);
      }
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
    return { message: tombstone };
  });
}

export const recallOps: OpHandlers<'recall'> = { recall };
