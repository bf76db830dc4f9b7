// Owns the per-user conversation operations: the conversation list with
// last message and server-side unread, channel ack (read state on every
// device + channelAck to the peer), delete conversation (optionally with
// its history, for this user only) and history pages (members only), both
// with the receipt state of this user's own messages (peer-receipt-state.ts).
import { ErrorCode } from '../protocol/errors';
import type { ConversationPage, HistoryPage } from '../protocol/frames';
import type { ConversationId } from '../protocol/ids';
import type { ChatType, UserId } from '../protocol/message';
import type { Caller, CoreContext } from './context';
import { fail, inTx } from './context';
import { keyOfConversationId } from './conversation-key';
import { activeMute } from './conversation-mute';
import { decodeListCursor, encodeListCursor } from './conversation-order';
import type { EncodedResult } from './encoded-result';
import { encodeConversationPage, type PageParts } from './conversation-page-json';
import { readConversationPage } from './conversation-page-read';
import { newConversationState, recountUnread } from './conversation-state';
import { withoutHidden } from './hidden-messages';
import { groupReadsFromAck } from './group-read-on-ack';
import { requireGroupMember, requireRoomMember } from './membership';
import { mentionSummary, settleMentions } from './mentions';
import { groupReadCounts, peerMarkers, raisePeerMarkers } from './peer-receipt-state';
import { withThreadUnread } from './thread-reads';
import type { OpHandlers } from './op-handler';
import { refreshQuotes } from './replies';
import type { ConversationKey } from './storage';

const DEFAULT_PAGE = 20;
const DEFAULT_LIST_PAGE = 50;

function resolve(user: UserId, id: ConversationId): { key: ConversationKey; type: ChatType; target: string } {
  return keyOfConversationId(user, id) ?? fail(ErrorCode.INVALID_PARAMS, 'invalid conversation id');
}

/** Members-only check for reading a conversation. */
async function requireAccess(
  ctx: CoreContext,
  user: UserId,
  type: ChatType,
  target: string,
): Promise<{ keepHistory: boolean }> {
  if (type === 'group') await requireGroupMember(ctx.storage, target, user);
  if (type === 'room') return { keepHistory: (await requireRoomMember(ctx.storage, target, user)).keepHistory };
  return { keepHistory: true };
}

/**
 * One page of the list from the index (no scan of every conversation): each request costs
 * a page's worth of lookups whatever the length of the list, so a user with thousands of
 * conversations never holds up the others (conversation-page-read.ts).
 */
async function conversations(
  ctx: CoreContext,
  caller: Caller,
  p: { cursor?: string; limit?: number },
): Promise<EncodedResult<ConversationPage>> {
  const limit = p.limit ?? DEFAULT_LIST_PAGE;
  const after =
    p.cursor === undefined
      ? undefined
      : (decodeListCursor(p.cursor) ?? fail(ErrorCode.INVALID_PARAMS, 'invalid conversation list cursor'));
  // The total is a sum over every conversation: once, with the first page.
  const read = await readConversationPage(
    ctx,
    caller.user,
    after ? { after, limit: limit + 1 } : { limit: limit + 1 },
    !after,
  );
  const { states, lastSeqs, lastMessages } = read;
  const hasMore = states.length > limit;
  if (hasMore) states.length = limit;
  const now = ctx.clock.now();
  const summaries = states.map((s, i) => {
    const mute = activeMute(s, now);
    return {
      id: s.id,
      ...(mute ? { mute } : {}),
      type: s.type,
      target: s.target,
      unread: s.unread,
      readSeq: s.readSeq,
      lastSeq: lastSeqs[i]!,
      updatedAt: s.updatedAt,
      ...peerMarkers(s, s.type, s.target, caller.user),
      ...mentionSummary(s),
    };
  });
  const tail = states[states.length - 1];
  const parts: PageParts = {
    summaries,
    lastMessages,
    cursor: hasMore && tail ? encodeListCursor(tail) : null,
    hasMore,
  };
  if (read.unreadTotal !== undefined) parts.unreadTotal = read.unreadTotal;
  return encodeConversationPage(parts);
}

async function ack(
  ctx: CoreContext,
  caller: Caller,
  p: { conversation: ConversationId; upToSeq?: number },
): Promise<{ readSeq: number; unread: number }> {
  const { key, type, target } = resolve(caller.user, p.conversation);
  await requireAccess(ctx, caller.user, type, target);
  return inTx(ctx, async ({ storage }) => {
    const lastSeq = await storage.lastSeq(key);
    const state =
      (await storage.getConversationState(caller.user, key)) ??
      newConversationState(caller.user, key, type, target, ctx.clock.now());
    const upTo = Math.min(p.upToSeq ?? lastSeq, lastSeq);
    if (upTo <= state.readSeq) return { readSeq: state.readSeq, unread: state.unread };
    // Reading a group in the UI is a channel ack: it counts as a read receipt for allowGroupAck messages.
    if (type === 'group') await groupReadsFromAck(ctx, storage, caller.user, key, state.readSeq, upTo);
    state.readSeq = upTo;
    state.unread = await recountUnread(storage, state);
    settleMentions(ctx, state);
    await storage.putConversationState(state);
    ctx.events.durable([caller.user], {
      type: 'readState',
      conversation: state.id,
      readSeq: upTo,
      unread: state.unread,
    });
    if (type === 'single' && target !== caller.user) {
      await raisePeerMarkers(storage, target, key, { deliveredSeq: upTo, readSeq: upTo });
      ctx.events.durable([target], {
        type: 'channelAck',
        conversation: `single:${caller.user}`,
        by: caller.user,
        upToSeq: upTo,
      });
    }
    return { readSeq: upTo, unread: state.unread };
  });
}

async function deleteConversation(
  ctx: CoreContext,
  caller: Caller,
  p: { conversation: ConversationId; deleteHistory?: boolean },
): Promise<Record<string, never>> {
  const { key, type, target } = resolve(caller.user, p.conversation);
  const deleteHistory = p.deleteHistory === true;
  await inTx(ctx, async ({ storage }) => {
    const lastSeq = await storage.lastSeq(key);
    const state =
      (await storage.getConversationState(caller.user, key)) ??
      newConversationState(caller.user, key, type, target, ctx.clock.now());
    state.hidden = true;
    state.readSeq = Math.max(state.readSeq, lastSeq);
    state.unread = 0;
    if (deleteHistory) {
      state.clearedSeq = lastSeq;
      state.lastServerId = null;
    }
    settleMentions(ctx, state);
    await storage.putConversationState(state);
    ctx.events.durable([caller.user], { type: 'conversationDeleted', conversation: state.id, deleteHistory });
  });
  return {};
}

async function history(
  ctx: CoreContext,
  caller: Caller,
  p: { conversation: ConversationId; before?: number; limit?: number },
): Promise<HistoryPage> {
  const { key, type, target } = resolve(caller.user, p.conversation);
  const { keepHistory } = await requireAccess(ctx, caller.user, type, target);
  if (!keepHistory) return { messages: [], cursor: null, hasMore: false };
  const limit = p.limit ?? DEFAULT_PAGE;
  const state = await ctx.storage.getConversationState(caller.user, key);
  const cleared = state?.clearedSeq ?? 0;
  const query: { before?: number; after: number; limit: number } = { after: cleared, limit: limit + 1 };
  if (p.before !== undefined) query.before = p.before;
  const rows = await ctx.storage.listMessages(key, query);
  const hasMore = rows.length > limit;
  const messages = hasMore ? rows.slice(0, limit) : rows;
  const oldest = messages[messages.length - 1];
  const page: HistoryPage = {
    messages: await refreshQuotes(ctx, withoutHidden(state, messages)),
    cursor: hasMore && oldest ? oldest.seq : null,
    hasMore,
    ...peerMarkers(state, type, target, caller.user),
  };
  const counts = type === 'group' ? await groupReadCounts(ctx.storage, messages, caller.user) : null;
  if (counts) page.groupReadCounts = counts;
  return withThreadUnread(ctx, caller.user, page, page.messages);
}

export const conversationOps: OpHandlers<'conversations' | 'ack' | 'deleteConversation' | 'history'> = {
  conversations,
  ack,
  deleteConversation,
  history,
};
