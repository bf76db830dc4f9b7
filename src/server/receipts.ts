// Owns receipts: delivery receipts (single chat, told to the sender), read
// receipts per message (single chat; groups only for messages sent with
// allowGroupAck, whose read count is pushed to the sender), and the list of
// a group message's readers for its sender. Delivery and read receipts in
// single chats also raise the sender's peer markers (peer-receipt-state.ts),
// so the state is there for a sender who was offline when they happened.
import { ErrorCode } from '../protocol/errors';
import type { Message } from '../protocol/message';
import type { Caller, CoreContext } from './context';
import { fail, inTx } from './context';
import { conversationKey, viewerConversationId } from './conversation-key';
import { requireGroupMember, requireRoomMember } from './membership';
import { raisePeerMarkers } from './peer-receipt-state';
import type { OpHandlers } from './op-handler';

async function requireMessage(ctx: CoreContext, serverId: string): Promise<Message> {
  return (await ctx.storage.getMessage(serverId))?.message ?? fail(ErrorCode.MESSAGE_NOT_FOUND);
}

/** True when `user` received the message (not the sender, and a member of its conversation). */
async function isRecipient(ctx: CoreContext, m: Message, user: string): Promise<boolean> {
  if (m.from === user) return false;
  if (m.chatType === 'single') return m.to === user;
  if (m.chatType === 'group') return (await ctx.storage.group(m.to))?.members.has(user) ?? false;
  return (await ctx.storage.room(m.to))?.members.includes(user) ?? false;
}

async function delivered(ctx: CoreContext, caller: Caller, p: { serverIds: string[] }): Promise<Record<string, never>> {
  await inTx(ctx, async (t) => {
    for (const id of new Set(p.serverIds)) {
      const m = (await t.storage.getMessage(id))?.message;
      // A batch from an automatic receipt loop: unknown or foreign ids are skipped, not fatal.
      if (!m || m.chatType !== 'single' || !(await isRecipient(t, m, caller.user))) continue;
      if (!(await t.storage.addReceipt(id, caller.user, 'delivered', ctx.clock.now()))) continue;
      await raisePeerMarkers(t.storage, m.from, conversationKey('single', m.from, m.to), { deliveredSeq: m.seq });
      ctx.events.durable([m.from], {
        type: 'delivered',
        serverId: id,
        conversation: viewerConversationId('single', m.from, m.to, m.from),
        by: caller.user,
        seq: m.seq,
      });
    }
  });
  return {};
}

async function read(ctx: CoreContext, caller: Caller, p: { serverId: string }): Promise<Record<string, never>> {
  const m = await requireMessage(ctx, p.serverId);
  if (m.chatType === 'group') await requireGroupMember(ctx.storage, m.to, caller.user);
  if (m.chatType === 'room') await requireRoomMember(ctx.storage, m.to, caller.user);
  if (!(await isRecipient(ctx, m, caller.user)))
    fail(ErrorCode.NOT_ALLOWED, 'only a recipient can send a read receipt');
  if (m.chatType === 'room' || (m.chatType === 'group' && m.config?.allowGroupAck !== true)) {
    fail(ErrorCode.NOT_ALLOWED, 'read receipts need a single chat or a group message sent with allowGroupAck');
  }
  await inTx(ctx, async ({ storage }) => {
    if (!(await storage.addReceipt(m.serverId, caller.user, 'read', ctx.clock.now()))) return;
    const conversation = viewerConversationId(m.chatType, m.from, m.to, m.from);
    if (m.chatType === 'single') {
      await raisePeerMarkers(storage, m.from, conversationKey('single', m.from, m.to), {
        deliveredSeq: m.seq,
        readSeq: m.seq,
      });
      ctx.events.durable([m.from], { type: 'read', serverId: m.serverId, conversation, by: caller.user, seq: m.seq });
    } else {
      const count = (await storage.listReceipts(m.serverId, 'read')).length;
      ctx.events.durable([m.from], { type: 'groupRead', serverId: m.serverId, conversation, by: caller.user, count });
    }
  });
  return {};
}

async function groupReaders(ctx: CoreContext, caller: Caller, p: { serverId: string }): Promise<{ readers: string[] }> {
  const m = await requireMessage(ctx, p.serverId);
  if (m.from !== caller.user) fail(ErrorCode.NOT_ALLOWED, 'only the sender can list readers');
  return { readers: await ctx.storage.listReceipts(m.serverId, 'read') };
}

export const receiptOps: OpHandlers<'delivered' | 'read' | 'groupReaders'> = { delivered, read, groupReaders };
