// Owns each user's read position in threads and the unread counts made from
// it: who follows a thread (its root's author, everyone who replied, everyone
// who marked it read), marking a thread read (`threadAck`, on every device of
// the user), the count each follower gets with a new reply, the new count
// when a reply after their marker is recalled or deleted, and the counts an
// answer carries for the roots among its messages. Counts are always
// counted from the thread's stored replies (by others, after the marker, not
// tombstones), never kept as counters, so they cannot drift.
import type { ThreadUnreadCounts } from '../protocol/frames';
import type { ConversationId } from '../protocol/ids';
import type { Message, UserId } from '../protocol/message';
import type { Caller, CoreContext } from './context';
import { inTx } from './context';
import { conversationFor, requireMessageAccess, threadKey } from './message-access';

/** A follower's unread replies in the thread of `root`, after `readSeq`. */
function countAfter(ctx: CoreContext, user: UserId, root: string, readSeq: number): Promise<number> {
  return ctx.storage.countUnread(threadKey(root), { afterSeq: readSeq, notFrom: user });
}

/**
 * Inside the commit of a thread reply: its sender follows the thread read up to the reply, the
 * root's author follows it from the start; returns each follower's unread count after the reply
 * (members only), for their `threadReply` event.
 */
export async function followReply(
  ctx: CoreContext,
  root: Message,
  reply: Message,
  members: readonly UserId[],
): Promise<Map<UserId, number>> {
  const { storage } = ctx;
  await storage.raiseThreadRead(reply.from, root.serverId, reply.seq);
  if (root.from !== reply.from && members.includes(root.from))
    await storage.raiseThreadRead(root.from, root.serverId, 0);
  const counts = new Map<UserId, number>();
  for (const f of await storage.listThreadReads(root.serverId)) {
    if (!members.includes(f.user)) continue;
    counts.set(f.user, f.user === reply.from ? 0 : await countAfter(ctx, f.user, root.serverId, f.readSeq));
  }
  return counts;
}

/**
 * Inside the transaction that made a thread reply a tombstone: followers for whom it was unread
 * get their count now (on every device).
 */
export async function settleRemovedReply(ctx: CoreContext, reply: Message, members: readonly UserId[]): Promise<void> {
  const root = reply.threadOf;
  if (root === undefined) return;
  for (const f of await ctx.storage.listThreadReads(root)) {
    if (!members.includes(f.user) || f.user === reply.from || reply.seq <= f.readSeq) continue;
    ctx.events.durable([f.user], {
      type: 'threadReadState',
      conversation: conversationFor(reply, f.user),
      root,
      readSeq: f.readSeq,
      unread: await countAfter(ctx, f.user, root, f.readSeq),
    });
  }
}

/** The unread counts of the followed threads among `roots` (roots without replies are left out). */
async function threadUnreadOf(
  ctx: CoreContext,
  user: UserId,
  roots: readonly Message[],
): Promise<Record<string, number> | null> {
  let out: Record<string, number> | null = null;
  for (const root of roots) {
    if (!root.thread || root.body.type === 'recalled') continue;
    const readSeq = await ctx.storage.getThreadRead(user, root.serverId);
    if (readSeq === null) continue;
    (out ??= {})[root.serverId] = await countAfter(ctx, user, root.serverId, readSeq);
  }
  return out;
}

/** Adds `threadUnread` to an answer (a page, a window, pins, a lookup) when any of `roots` is a followed thread. */
export async function withThreadUnread<T extends ThreadUnreadCounts>(
  ctx: CoreContext,
  user: UserId,
  answer: T,
  roots: readonly Message[],
): Promise<T> {
  const counts = await threadUnreadOf(ctx, user, roots);
  if (counts) answer.threadUnread = counts;
  return answer;
}

async function threadAck(
  ctx: CoreContext,
  caller: Caller,
  p: { serverId: string; upToSeq?: number },
): Promise<{ readSeq: number; unread: number }> {
  const access = await requireMessageAccess(ctx, caller.user, p.serverId);
  const root = access.message;
  // A thread reply has no thread of its own, and a room without history keeps no positions.
  if (root.threadOf !== undefined || access.ephemeral) return { readSeq: 0, unread: 0 };
  return inTx(ctx, async (t) => {
    const key = threadKey(root.serverId);
    const last = await t.storage.lastSeq(key);
    await t.storage.raiseThreadRead(caller.user, root.serverId, Math.min(p.upToSeq ?? last, last));
    const readSeq = (await t.storage.getThreadRead(caller.user, root.serverId)) ?? 0;
    const unread = await countAfter(t, caller.user, root.serverId, readSeq);
    const conversation: ConversationId = conversationFor(root, caller.user);
    t.events.durable([caller.user], { type: 'threadReadState', conversation, root: root.serverId, readSeq, unread });
    return { readSeq, unread };
  });
}

export const threadReadOps = { threadAck };
