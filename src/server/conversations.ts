// Owns the per-user conversation operations: the conversation list with
// last message and server-side unread, channel ack (read state on every
// device + channelAck to the peer), delete conversation (optionally with
// its history, for this user only) and history pages (members only), both
// with the receipt state of this user's own messages (peer-receipt-state.ts).
import type { ConversationSummary } from '../protocol/entities';
import { ErrorCode } from '../protocol/errors';
import type { ConversationPage, HistoryPage } from '../protocol/frames';
import type { ConversationId } from '../protocol/ids';
import type { ChatType, UserId } from '../protocol/message';
import type { Caller, CoreContext } from './context';
import { fail, inTx } from './context';
import { keyOfConversationId } from './conversation-key';
import { activeMute } from './conversation-mute';
import { decodeListCursor, encodeListCursor } from './conversation-order';
import { newConversationState, recountUnread } from './conversation-state';
import { withoutHidden } from './hidden-messages';
import { groupReadsFromAck } from './group-read-on-ack';
import { requireGroupMember, requireRoomMember } from './membership';
import { aTurn } from './next-turn';
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
 * How long building a page may hold the event loop before it lets it turn (pageSliceMs). On a large
 * SQLite file a page of 50 is about half a millisecond of reads and parses; in slices this long,
 * another user's send waits for one slice, not for the page.
 */
const SLICE_MS = 0.25;

/**
 * Turns of the event loop a page takes at most between two slices while each brings sends: under a
 * flood of sends the page still goes on.
 */
const TURNS_FOR_SENDS = 3;

/**
 * Lets the event loop turn in the middle of a sliced page, and while a turn brought sends, commits
 * them and takes one more turn (their answers leave then) before the page goes on. A send read in
 * a turn queues its group commit for the end of that turn (natter serve: setImmediate), behind the
 * page's own continuation, queued one slice earlier: without the flush every send that arrived
 * during a slice waited for the next slice too (any other operation also starts by committing the
 * queued sends, router.ts); without the next turn its answer, a longer chain of promises than the
 * page's, waited for it as well.
 */
async function letOthersGo(ctx: CoreContext): Promise<void> {
  for (let turn = 0; turn < TURNS_FOR_SENDS; turn++) {
    await aTurn();
    if (!ctx.events.queued) return;
    await ctx.events.flush();
  }
}

/**
 * Last messages read in the first storage call of a sliced page. One call for many (one statement
 * and one read transaction on SQLite) costs about half of one call each, so later calls take as
 * many as the first ones' time per message says fit in a slice: warm reads go 30-50 at a time,
 * cold reads of a large file a few.
 */
const FIRST_LOOKUPS = 5;

/**
 * One page of the list from the index (no scan of every conversation): each request costs
 * a page's worth of lookups whatever the length of the list, so a user with thousands of
 * conversations never holds up the others.
 */
async function conversations(
  ctx: CoreContext,
  caller: Caller,
  p: { cursor?: string; limit?: number },
): Promise<ConversationPage> {
  const { storage } = ctx;
  const sliceMs = ctx.options.pageSliceMs ?? SLICE_MS;
  let sliceStart = performance.now();
  const limit = p.limit ?? DEFAULT_LIST_PAGE;
  const after =
    p.cursor === undefined
      ? undefined
      : (decodeListCursor(p.cursor) ?? fail(ErrorCode.INVALID_PARAMS, 'invalid conversation list cursor'));
  const states = await storage.listConversationPage(
    caller.user,
    after ? { after, limit: limit + 1 } : { limit: limit + 1 },
  );
  const hasMore = states.length > limit;
  if (hasMore) states.length = limit;
  // Read with the states, before any turn: each summary's lastSeq, unread and last message are of
  // one moment with the unread total (a message stored between two slices changes none of them; the
  // client keeps the newer of what events told it and what the page says, by lastSeq).
  const lastSeqs: number[] = [];
  for (const s of states) lastSeqs.push(await storage.lastSeq(s.key));
  // The total is a sum over every conversation: once, with the first page.
  const unreadTotal = after ? undefined : await storage.unreadTotal(caller.user);
  const list: ConversationSummary[] = [];
  const now = ctx.clock.now();
  // A storage shared with other nodes is a database server: its reads are awaited I/O, during which
  // the loop turns anyway, so they are made in one call.
  const sliced = sliceMs !== false && !storage.shared;
  let lookups = sliced ? FIRST_LOOKUPS : states.length;
  for (let from = 0; from < states.length;) {
    if (sliced && performance.now() - sliceStart > sliceMs) {
      await letOthersGo(ctx);
      sliceStart = performance.now();
    }
    const started = performance.now();
    const chunk = states.slice(from, from + lookups);
    const ids: string[] = [];
    for (const s of chunk) if (s.lastServerId) ids.push(s.lastServerId);
    const found = await storage.getMessages(ids);
    let next = 0;
    for (const [i, s] of chunk.entries()) {
      const last = s.lastServerId ? found[next++] : null;
      const mute = activeMute(s, now);
      list.push({
        id: s.id,
        ...(mute ? { mute } : {}),
        type: s.type,
        target: s.target,
        lastMessage: last?.message ?? null,
        unread: s.unread,
        readSeq: s.readSeq,
        lastSeq: lastSeqs[from + i]!,
        updatedAt: s.updatedAt,
        ...peerMarkers(s, s.type, s.target, caller.user),
        ...mentionSummary(s),
      });
    }
    from += chunk.length;
    const took = performance.now() - started;
    if (sliced) lookups = took > 0 ? Math.max(1, Math.floor((sliceMs / took) * chunk.length)) : states.length;
  }
  // The page is then encoded and written in one go (session.ts): when the last slice used its time,
  // that starts a slice of its own rather than lengthening this one.
  if (sliced && performance.now() - sliceStart > sliceMs / 2) await letOthersGo(ctx);
  const tail = states[states.length - 1];
  const page: ConversationPage = {
    conversations: list,
    cursor: hasMore && tail ? encodeListCursor(tail) : null,
    hasMore,
  };
  if (unreadTotal !== undefined) page.unreadTotal = unreadTotal;
  return page;
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
