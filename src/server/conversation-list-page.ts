// Owns the `conversations` op: one page of a user's conversation list from
// the storage's index (no scan of every conversation), each summary with its
// last message, unread, lastSeq, receipt markers, mentions and mute, and the
// unread total on the first page. A storage that reads pages off the event
// loop (SQLite: conversationPageInBackground) reads the whole page there, at
// one moment; otherwise the page's states are read at one moment and their
// last messages looked up in slices (natter serve) so that another user's send
// waits for one slice, not for the page.
import type { ConversationSummary } from '../protocol/entities';
import { ErrorCode } from '../protocol/errors';
import type { ConversationPage } from '../protocol/frames';
import type { UserId } from '../protocol/message';
import type { Caller, CoreContext } from './context';
import { fail } from './context';
import { activeMute } from './conversation-mute';
import { decodeListCursor, encodeListCursor } from './conversation-order';
import { mentionSummary } from './mentions';
import { aTurn } from './next-turn';
import { peerMarkers } from './peer-receipt-state';
import type { ConversationPageQuery, ConversationStateRecord, MessageRecord } from './storage';

const DEFAULT_LIST_PAGE = 50;

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

/** One state's summary as `user` sees it at `now`. */
function summaryOf(
  s: ConversationStateRecord,
  last: MessageRecord | null | undefined,
  lastSeq: number,
  user: UserId,
  now: number,
): ConversationSummary {
  const mute = activeMute(s, now);
  return {
    id: s.id,
    ...(mute ? { mute } : {}),
    type: s.type,
    target: s.target,
    lastMessage: last?.message ?? null,
    unread: s.unread,
    readSeq: s.readSeq,
    lastSeq,
    updatedAt: s.updatedAt,
    ...peerMarkers(s, s.type, s.target, user),
    ...mentionSummary(s),
  };
}

/** The answer for a page of `limit` made of `states` (limit + 1 asked: one more says there is more). */
function pageOf(
  states: ConversationStateRecord[],
  limit: number,
  summarize: (s: ConversationStateRecord, i: number) => ConversationSummary,
  unreadTotal: number | undefined,
): ConversationPage {
  const hasMore = states.length > limit;
  if (hasMore) states.length = limit;
  const tail = states[states.length - 1];
  const page: ConversationPage = {
    conversations: states.map(summarize),
    cursor: hasMore && tail ? encodeListCursor(tail) : null,
    hasMore,
  };
  if (unreadTotal !== undefined) page.unreadTotal = unreadTotal;
  return page;
}

/** The `conversations` op (see the module header). */
export async function conversationListPage(
  ctx: CoreContext,
  caller: Caller,
  p: { cursor?: string; limit?: number },
): Promise<ConversationPage> {
  const limit = p.limit ?? DEFAULT_LIST_PAGE;
  const after =
    p.cursor === undefined
      ? undefined
      : (decodeListCursor(p.cursor) ?? fail(ErrorCode.INVALID_PARAMS, 'invalid conversation list cursor'));
  const query: ConversationPageQuery = after ? { after, limit: limit + 1 } : { limit: limit + 1 };
  // The total is a sum over every conversation: once, with the first page.
  const read = await ctx.storage.conversationPageInBackground?.(caller.user, { ...query, unreadTotal: !after });
  if (!read) return slicedPage(ctx, caller, query, limit);
  const now = ctx.clock.now();
  const summarize = (s: ConversationStateRecord, i: number) =>
    summaryOf(s, read.lastMessages[i], read.lastSeqs[i]!, caller.user, now);
  return pageOf(read.states, limit, summarize, read.unreadTotal);
}

/** A page read with the storage's other operations: states first, last messages in slices. */
async function slicedPage(
  ctx: CoreContext,
  caller: Caller,
  query: ConversationPageQuery,
  limit: number,
): Promise<ConversationPage> {
  const { storage } = ctx;
  const sliceMs = ctx.options.pageSliceMs ?? SLICE_MS;
  let sliceStart = performance.now();
  const states = await storage.listConversationPage(caller.user, query);
  const listed = Math.min(states.length, limit);
  // Read with the states, before any turn: each summary's lastSeq, unread and last message are of
  // one moment with the unread total (a message stored between two slices changes none of them; the
  // client keeps the newer of what events told it and what the page says, by lastSeq).
  const lastSeqs: number[] = [];
  for (const s of states.slice(0, listed)) lastSeqs.push(await storage.lastSeq(s.key));
  const unreadTotal = query.after ? undefined : await storage.unreadTotal(caller.user);
  const now = ctx.clock.now();
  const lastMessages: Array<MessageRecord | null> = [];
  // A storage shared with other nodes is a database server: its reads are awaited I/O, during which
  // the loop turns anyway, so they are made in one call.
  const sliced = sliceMs !== false && !storage.shared;
  let lookups = sliced ? FIRST_LOOKUPS : listed;
  for (let from = 0; from < listed;) {
    if (sliced && performance.now() - sliceStart > sliceMs) {
      await letOthersGo(ctx);
      sliceStart = performance.now();
    }
    const started = performance.now();
    const chunk = states.slice(from, Math.min(listed, from + lookups));
    const ids: string[] = [];
    for (const s of chunk) if (s.lastServerId) ids.push(s.lastServerId);
    const found = await storage.getMessages(ids);
    let next = 0;
    for (const s of chunk) lastMessages.push(s.lastServerId ? (found[next++] ?? null) : null);
    from += chunk.length;
    const took = performance.now() - started;
    if (sliced) lookups = took > 0 ? Math.max(1, Math.floor((sliceMs / took) * chunk.length)) : listed;
  }
  // The page is then encoded and written in one go (session.ts): when the last slice used its time,
  // that starts a slice of its own rather than lengthening this one.
  if (sliced && performance.now() - sliceStart > sliceMs / 2) await letOthersGo(ctx);
  const summarize = (s: ConversationStateRecord, i: number) =>
    summaryOf(s, lastMessages[i], lastSeqs[i]!, caller.user, now);
  return pageOf(states, limit, summarize, unreadTotal);
}
