// Owns how the core reads one page of a user's conversation list from the
// storage: the states of the page, each one's last seq and last message (as
// JSON text, conversation-page-json.ts), and the unread total with the first
// page. A storage that reads it in one
// snapshot off the event loop (SQLite: its reader thread) is asked for it in
// one call. Otherwise the states and seqs are read at once and the last
// messages in slices of the event loop's time, between which other users'
// requests are served (pageSliceMs); a storage shared with other nodes is a
// database server, whose reads are awaited I/O during which the loop turns
// anyway, so it is read in one go.
import type { UserId } from '../protocol/message';
import type { CoreContext } from './context';
import { aTurn } from './next-turn';
import type { ConversationPageQuery, ConversationPageRead } from './storage';

/**
 * How long reading a page may hold the event loop before it lets it turn (pageSliceMs). On a large
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
 * Last messages read in the first storage call of a sliced page. One call for many (one statement
 * and one read transaction on SQLite) costs about half of one call each, so later calls take as
 * many as the first ones' time per message says fit in a slice: warm reads go 30-50 at a time,
 * cold reads of a large file a few.
 */
const FIRST_LOOKUPS = 5;

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

/** One page of `user`'s list (the unread total too when `withTotal`). */
export async function readConversationPage(
  ctx: CoreContext,
  user: UserId,
  query: ConversationPageQuery,
  withTotal: boolean,
): Promise<ConversationPageRead> {
  const { storage } = ctx;
  if (storage.readConversationPage) return storage.readConversationPage(user, query, withTotal);
  const sliceMs = ctx.options.pageSliceMs ?? SLICE_MS;
  let sliceStart = performance.now();
  const states = await storage.listConversationPage(user, query);
  // Read with the states, before any turn: each summary's lastSeq, unread and last message are of
  // one moment with the unread total (a message stored between two slices changes none of them; the
  // client keeps the newer of what events told it and what the page says, by lastSeq).
  const lastSeqs: number[] = [];
  for (const s of states) lastSeqs.push(await storage.lastSeq(s.key));
  const read: ConversationPageRead = { states, lastSeqs, lastMessages: [] };
  if (withTotal) read.unreadTotal = await storage.unreadTotal(user);
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
    for (const s of chunk) {
      const last = s.lastServerId ? found[next++] : null;
      read.lastMessages.push(last ? JSON.stringify(last.message) : null);
    }
    from += chunk.length;
    const took = performance.now() - started;
    if (sliced) lookups = took > 0 ? Math.max(1, Math.floor((sliceMs / took) * chunk.length)) : states.length;
  }
  // The page is then encoded and written in one go (session.ts): when the last slice used its time,
  // that starts a slice of its own rather than lengthening this one.
  if (sliced && performance.now() - sliceStart > sliceMs / 2) await letOthersGo(ctx);
  return read;
}
