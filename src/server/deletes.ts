// Owns deleting a message beyond the recall window. For everyone: a
// tombstone (tombstone.ts) made by its author within `limits.deleteWindowMs`
// (4092 after; no window when unset), or at any time by a group's owner or
// admins or a room's owner (510 for anyone else); signaling steps stay. For
// me: any member hides it from their own history on every device; an unread
// one stops counting (unread and mentions), and a hidden last message gives
// the conversation list the newest visible one instead.
import { ErrorCode } from '../protocol/errors';
import type { Message, UserId } from '../protocol/message';
import type { Caller, CoreContext } from './context';
import { fail, inTx } from './context';
import { newConversationState, targetFor } from './conversation-state';
import { isGroupManager } from './membership';
import type { MessageAccess } from './message-access';
import { conversationFor, requireMessageAccess } from './message-access';
import { dropMention } from './mentions';
import type { ConversationStateRecord } from './storage';
import { tombstoneMessage } from './tombstone';

/** Whether `user` manages the message's group or room (may delete anyone's message there). */
async function managesConversation(ctx: CoreContext, m: Message, user: UserId): Promise<boolean> {
  if (m.chatType === 'group') {
    const group = await ctx.storage.getGroup(m.to);
    return !!group && isGroupManager(group, user);
  }
  return m.chatType === 'room' && (await ctx.storage.getRoom(m.to))?.owner === user;
}

function checkDeleteRights(ctx: CoreContext, m: Message, user: UserId, manager: boolean): void {
  if (m.body.type === 'recalled') return;
  if (m.body.type === 'signal') fail(ErrorCode.NOT_ALLOWED, 'signaling messages cannot be deleted');
  if (m.from === user) {
    const window = ctx.limits.deleteWindowMs;
    if (window !== undefined && ctx.clock.now() - m.ts > window && !manager) fail(ErrorCode.DELETE_WINDOW_PASSED);
    return;
  }
  if (!manager)
    fail(ErrorCode.NOT_ALLOWED, "only the author, or a group's owner or admins, can delete a message for everyone");
}

/** The newest message before `seq` the user may see as the conversation's last one (bounded look-back). */
async function newestVisibleBefore(
  ctx: CoreContext,
  state: ConversationStateRecord,
  seq: number,
): Promise<string | null> {
  const hidden = new Set(state.hiddenIds ?? []);
  const rows = await ctx.storage.listMessages(state.key, { before: seq, after: state.clearedSeq, limit: 50 });
  return rows.find((m) => !m.excluded && !hidden.has(m.serverId))?.serverId ?? null;
}

function hideForUser(ctx: CoreContext, user: UserId, access: MessageAccess): Promise<void> {
  return inTx(ctx, async (t) => {
    const { storage } = t;
    // As stored now: a recall may have come in since the access check.
    const m = (await storage.getMessage(access.message.serverId))?.message ?? access.message;
    const existing = await storage.getConversationState(user, access.key);
    if (existing?.hiddenIds?.includes(m.serverId)) return;
    if (m.body.type !== 'recalled') await dropMention(t, user, m);
    const state =
      (await storage.getConversationState(user, access.key)) ??
      newConversationState(user, access.key, m.chatType, targetFor(m, user), ctx.clock.now());
    state.hiddenIds = [...(state.hiddenIds ?? []), m.serverId];
    const counted =
      !m.excluded &&
      m.threadOf === undefined &&
      m.from !== user &&
      m.seq > Math.max(state.readSeq, state.clearedSeq) &&
      state.unread > 0;
    if (counted) state.unread -= 1;
    if (state.lastServerId === m.serverId) state.lastServerId = await newestVisibleBefore(t, state, m.seq);
    await storage.putConversationState(state);
    const conversation = conversationFor(m, user);
    t.events.durable([user], { type: 'messageHidden', serverId: m.serverId, conversation });
    if (counted)
      t.events.durable([user], { type: 'readState', conversation, readSeq: state.readSeq, unread: state.unread });
  });
}

async function deleteMessage(
  ctx: CoreContext,
  caller: Caller,
  p: { serverId: string; scope: 'me' | 'everyone' },
): Promise<{ message: Message | null }> {
  const access = await requireMessageAccess(ctx, caller.user, p.serverId);
  if (p.scope === 'me') {
    await hideForUser(ctx, caller.user, access);
    return { message: null };
  }
  const manager = await managesConversation(ctx, access.message, caller.user);
  return {
    message: await tombstoneMessage(ctx, p.serverId, caller.user, true, (m) =>
      checkDeleteRights(ctx, m, caller.user, manager),
    ),
  };
}

export const deleteOps = { delete: deleteMessage };
