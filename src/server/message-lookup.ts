// Owns looking messages up by serverId for a user: only those of
// conversations the user takes part in, not deleted for them, with their
// quotes as they are now (a reply's "jump to the original" when the
// original is not loaded, the vendor facades' per-message calls), and the
// user's unread counts of the followed threads among them.
import { isNatterError } from '../protocol/errors';
import type { ThreadUnreadCounts } from '../protocol/frames';
import type { Message } from '../protocol/message';
import type { Caller, CoreContext } from './context';
import { withoutHidden } from './hidden-messages';
import { requireMessageAccess } from './message-access';
import { refreshQuotes } from './replies';
import { withThreadUnread } from './thread-reads';

async function messages(
  ctx: CoreContext,
  caller: Caller,
  p: { serverIds: string[] },
): Promise<{ messages: Message[] } & ThreadUnreadCounts> {
  const found: Message[] = [];
  for (const id of new Set(p.serverIds)) {
    try {
      const access = await requireMessageAccess(ctx, caller.user, id);
      const state = await ctx.storage.getConversationState(caller.user, access.key);
      found.push(...withoutHidden(state, [access.message]));
    } catch (e) {
      // Unknown or foreign ids are left out, as if they did not exist.
      if (!isNatterError(e)) throw e;
    }
  }
  const messages = await refreshQuotes(ctx, found);
  const answer: { messages: Message[] } & ThreadUnreadCounts = { messages };
  return withThreadUnread(ctx, caller.user, answer, messages);
}

export const lookupOps = { messages };
