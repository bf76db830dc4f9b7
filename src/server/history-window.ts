// Owns the history a jump to a message needs: the page around one message
// (members only, 508 when it is gone from this user's history: cleared, or
// deleted for them) and pages of newer messages after a seq, for loading
// downwards from there. Like history pages, they leave out what the user deleted for themselves, show quotes as
// they are now and carry the user's unread counts of followed threads.
import { ErrorCode } from '../protocol/errors';
import type { ConversationId } from '../protocol/ids';
import type { Message, UserId } from '../protocol/message';
import type { HistoryWindow, NewerPage } from '../protocol/people';
import type { Caller, CoreContext } from './context';
import { fail } from './context';
import { conversationKey, keyOfConversationId } from './conversation-key';
import { requireGroupMember, requireRoomMember } from './membership';
import type { OpHandlers } from './op-handler';
import { withoutHidden } from './hidden-messages';
import { refreshQuotes } from './replies';
import type { ConversationKey, ConversationStateRecord } from './storage';
import { withThreadUnread } from './thread-reads';

const DEFAULT_SIDE = 25;
const DEFAULT_PAGE = 50;

/** Members-only check; returns this user's state and the seq history starts after for them (cleared history). */
async function readableFrom(
  ctx: CoreContext,
  user: UserId,
  type: Message['chatType'],
  target: string,
  key: ConversationKey,
): Promise<{ cleared: number; state: ConversationStateRecord | null } | null> {
  if (type === 'group') await requireGroupMember(ctx.storage, target, user);
  if (type === 'room' && !(await requireRoomMember(ctx.storage, target, user)).keepHistory) return null;
  const state = await ctx.storage.getConversationState(user, key);
  return { cleared: state?.clearedSeq ?? 0, state };
}

/** What this user sees of `messages`: not those they deleted for themselves, quotes as they are now. */
function shown(ctx: CoreContext, state: ConversationStateRecord | null, messages: Message[]): Promise<Message[]> {
  return refreshQuotes(ctx, withoutHidden(state, messages));
}

/** Up to `limit` messages with seq > `after`, oldest first (seqs of one conversation have no gaps, so one window query usually suffices). */
async function newerThan(
  ctx: CoreContext,
  key: ConversationKey,
  after: number,
  limit: number,
): Promise<{ messages: Message[]; hasNewer: boolean }> {
  const last = await ctx.storage.lastSeq(key);
  const out: Message[] = [];
  let from = after;
  while (out.length < limit && from < last) {
    const want = limit - out.length;
    const rows = await ctx.storage.listMessages(key, { after: from, before: from + want + 1, limit: want });
    if (rows.length > 0) out.push(...rows.reverse());
    from += want;
  }
  const newest = out[out.length - 1]?.seq ?? after;
  return { messages: out, hasNewer: newest < last };
}

async function around(
  ctx: CoreContext,
  caller: Caller,
  p: { serverId: string; limit?: number },
): Promise<HistoryWindow> {
  const side = p.limit ?? DEFAULT_SIDE;
  const record = await ctx.storage.getMessage(p.serverId);
  if (!record) fail(ErrorCode.MESSAGE_NOT_FOUND);
  const m = record.message;
  const target = m.chatType === 'single' ? (m.from === caller.user ? m.to : m.from) : m.to;
  // A single chat between two others is not this user's: same answer as an unknown message.
  if (m.chatType === 'single' && m.from !== caller.user && m.to !== caller.user) fail(ErrorCode.MESSAGE_NOT_FOUND);
  const key = conversationKey(m.chatType, caller.user, target);
  const readable = await readableFrom(ctx, caller.user, m.chatType, target, key);
  if (readable === null || m.seq <= readable.cleared || readable.state?.hiddenIds?.includes(m.serverId))
    fail(ErrorCode.MESSAGE_NOT_FOUND);
  const { cleared, state } = readable;
  const older = await ctx.storage.listMessages(key, { before: m.seq, after: cleared, limit: side + 1 });
  const newer = await newerThan(ctx, key, m.seq, side);
  const hasOlder = older.length > side;
  const messages = await shown(ctx, state, [...newer.messages.reverse(), m, ...older.slice(0, side)]);
  const window: HistoryWindow = { messages, seq: m.seq, hasOlder, hasNewer: newer.hasNewer };
  return withThreadUnread(ctx, caller.user, window, messages);
}

async function after(
  ctx: CoreContext,
  caller: Caller,
  p: { conversation: ConversationId; after: number; limit?: number },
): Promise<NewerPage> {
  const k =
    keyOfConversationId(caller.user, p.conversation) ?? fail(ErrorCode.INVALID_PARAMS, 'invalid conversation id');
  const readable = await readableFrom(ctx, caller.user, k.type, k.target, k.key);
  if (readable === null) return { messages: [], hasNewer: false };
  const newer = await newerThan(ctx, k.key, Math.max(p.after, readable.cleared), p.limit ?? DEFAULT_PAGE);
  const page: NewerPage = { messages: await shown(ctx, readable.state, newer.messages), hasNewer: newer.hasNewer };
  return withThreadUnread(ctx, caller.user, page, page.messages);
}

export const historyWindowOps: OpHandlers<'history.around' | 'history.after'> = {
  'history.around': around,
  'history.after': after,
};
