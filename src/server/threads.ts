// Owns reading a thread: its replies (stored under the root's own thread key
// with their own seq, so they never enter the conversation's history, unread
// or last message), newest first, paged like history, for members of the
// root's conversation. Sending into a thread is a send with `threadOf`
// (send-features.ts); the root carries the summary (count, last reply). A
// page carries the reader's unread count of the thread (thread-reads.ts).
import type { HistoryPage } from '../protocol/frames';
import type { Caller, CoreContext } from './context';
import { requireMessageAccess, threadKey } from './message-access';
import { refreshQuotes } from './replies';
import { withoutHidden } from './hidden-messages';
import { withThreadUnread } from './thread-reads';

const DEFAULT_PAGE = 20;

async function thread(
  ctx: CoreContext,
  caller: Caller,
  p: { serverId: string; before?: number; limit?: number },
): Promise<HistoryPage> {
  const access = await requireMessageAccess(ctx, caller.user, p.serverId);
  if (access.ephemeral) return { messages: [], cursor: null, hasMore: false };
  const limit = p.limit ?? DEFAULT_PAGE;
  const query: { before?: number; limit: number } = { limit: limit + 1 };
  if (p.before !== undefined) query.before = p.before;
  const rows = await ctx.storage.listMessages(threadKey(access.message.serverId), query);
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const oldest = page[page.length - 1];
  const state = await ctx.storage.getConversationState(caller.user, access.key);
  const result: HistoryPage = {
    messages: await refreshQuotes(ctx, withoutHidden(state, page)),
    cursor: hasMore && oldest ? oldest.seq : null,
    hasMore,
  };
  return withThreadUnread(ctx, caller.user, result, [access.message]);
}

export const threadOps = { thread };
