// Owns the conversation features a send may carry, checked before the
// message is queued: a quoted reply (the quoted message must be in the same
// conversation and not a tombstone: 508 unknown, 510 otherwise), mentions
// (mentions.ts), a thread reply (the root must be a live message of the same
// conversation that is not itself a thread reply), and storing the message
// at commit time — a thread reply under its root's thread with the root's
// summary updated and its followers' unread counts (thread-reads.ts), any
// other message as usual plus its mention badges.
import { ErrorCode } from '../protocol/errors';
import type { Message, OutgoingMessage, UserId } from '../protocol/message';
import type { Caller, CoreContext } from './context';
import { fail } from './context';
import { conversationKey, viewerConversationId } from './conversation-key';
import { applyMentions, cleanMentions } from './mentions';
import { requireLiveContent, threadKey } from './message-access';
import type { MessageDraft, StoredMessage } from './message-store';
import { stampedMessage, storeMessage } from './message-store';
import { applyUpdate } from './message-update';
import { quoteOf } from './replies';
import { followReply } from './thread-reads';

interface Route {
  members: UserId[];
  ephemeral: boolean;
}

async function sameConversationMessage(
  ctx: CoreContext,
  caller: Caller,
  p: OutgoingMessage,
  serverId: string,
  what: string,
): Promise<Message> {
  const record = (await ctx.storage.getMessage(serverId)) ?? fail(ErrorCode.MESSAGE_NOT_FOUND);
  const m = record.message;
  // Compared by the message's conversation, not its storage key: thread replies live under their root's.
  if (conversationKey(m.chatType, m.from, m.to) !== conversationKey(p.chatType, caller.user, p.to))
    fail(ErrorCode.MESSAGE_NOT_FOUND, `the ${what} is not in this conversation`);
  return m;
}

/** Adds the checked feature fields of `p` to the draft. */
export async function prepareSendFeatures(
  ctx: CoreContext,
  caller: Caller,
  p: OutgoingMessage,
  draft: MessageDraft,
): Promise<void> {
  if (p.replyTo !== undefined) {
    const quoted = await sameConversationMessage(ctx, caller, p, p.replyTo, 'quoted message');
    requireLiveContent(quoted, 'quoted');
    draft.reply = quoteOf(quoted);
  }
  if (p.mentions !== undefined) {
    const mentions = cleanMentions(p, p.mentions);
    if (mentions) draft.mentions = mentions;
  }
  if (p.threadOf !== undefined) {
    const root = await sameConversationMessage(ctx, caller, p, p.threadOf, 'thread root');
    requireLiveContent(root, 'replied to in a thread');
    if (root.threadOf !== undefined || root.excluded)
      fail(ErrorCode.NOT_ALLOWED, 'a thread root must be a message of the conversation itself');
    draft.threadOf = root.serverId;
  }
}

async function storeThreadReply(ctx: CoreContext, draft: MessageDraft, rootId: string, route: Route): Promise<Message> {
  const { storage } = ctx;
  const key = threadKey(rootId);
  const message = stampedMessage(draft, ctx.ids.serverId(), await storage.nextSeq(key), ctx.clock.now());
  await storage.insertMessage({ key, message });
  const root = (await storage.getMessage(rootId))?.message;
  const unreadOf =
    root && !route.ephemeral ? await followReply(ctx, root, message, route.members) : new Map<UserId, number>();
  const event = (user: UserId) => {
    const unread = unreadOf.get(user);
    return {
      type: 'threadReply' as const,
      message,
      conversation: viewerConversationId(message.chatType, message.from, message.to, user),
      ...(unread !== undefined ? { unread } : {}),
    };
  };
  const access = { audience: route.members, ephemeral: route.ephemeral };
  if (route.ephemeral) ctx.events.ephemeral(route.members, event);
  else ctx.events.durable(route.members, event);
  await applyUpdate(ctx, access, rootId, 'thread', (root) => {
    if (root.body.type === 'recalled') return null;
    return { ...root, thread: { count: (root.thread?.count ?? 0) + 1, lastTs: message.ts, lastFrom: message.from } };
  });
  return message;
}

/**
 * Inside the commit (`ctx` its transaction's context): stores the message with what its features
 * change; with its JSON unless it is a thread reply.
 */
export async function storeWithFeatures(ctx: CoreContext, draft: MessageDraft, route: Route): Promise<StoredMessage> {
  if (draft.threadOf !== undefined) return { message: await storeThreadReply(ctx, draft, draft.threadOf, route) };
  const stored = await storeMessage(ctx, draft, route);
  // Mentions raise badges in conversation states: the message and its JSON stay as stored.
  if (stored.message.mentions) await applyMentions(ctx, stored.message, route.members);
  return stored;
}
