// Owns the commit of a batch's conversation drafts: the next summaries (a
// ShardedMap: only the shards a batch writes to are copied), the conversation
// order (most recently updated first; a few changes are patched in, see
// order-patch.ts) and unread total, and the next messages (a ShardedMap too).
// Only drafted conversations get new entries, so untouched ones keep their
// references.
import type { ConversationSummary } from '../protocol/entities';
import type { ConversationId } from '../protocol/ids';
import type { ChatState, ConversationMessages, ConversationsSlice } from './chat-state';
import { nextMessages } from './message-log';
import { patchOrder, type OrderChange } from './order-patch';
import { ShardedMap, type ShardedMapEdit } from './sharded-map';
import type { ConversationDraft } from './conversation-draft';
import type { StoreDraft } from './store-draft';

const updatedAtOf = (c: ConversationDraft) => (c.summary as ConversationSummary).updatedAt;

/** Most recently updated first; on equal times the later change in this batch. */
function byRecency(a: ConversationDraft, b: ConversationDraft): number {
  return updatedAtOf(b) - updatedAtOf(a) || b.recency - a.recency;
}

/** Every conversation in `summaries`, sorted; the previous order first on ties, then conversations new to the list. */
function fullOrder(
  d: StoreDraft,
  summaries: ReadonlyMap<ConversationId, ConversationSummary>,
  previous: readonly ConversationId[],
): ConversationId[] {
  const keys: { id: ConversationId; t: number; r: number }[] = [];
  const rank = (id: ConversationId, fallback: number) => {
    const r = d.drafted(id)?.recency ?? 0;
    return r > 0 ? r : fallback;
  };
  const seen = new Set<ConversationId>();
  previous.forEach((id, i) => {
    const s = summaries.get(id);
    if (s) {
      seen.add(id);
      keys.push({ id, t: s.updatedAt, r: rank(id, -i - 1) });
    }
  });
  // Conversations new to the list are all drafted in this batch: in the order they came.
  for (const c of d.touched) {
    const s = summaries.get(c.id);
    if (s && !seen.has(c.id)) {
      seen.add(c.id);
      keys.push({ id: c.id, t: s.updatedAt, r: rank(c.id, -previous.length - 1) });
    }
  }
  return keys.sort((a, b) => b.t - a.t || b.r - a.r).map((k) => k.id);
}

/** Re-places only the conversations that moved (`moved` sorted by recency), merged into the rest (already sorted). */
function mergedOrder(
  d: StoreDraft,
  moved: ConversationDraft[],
  previous: readonly ConversationId[],
): readonly ConversationId[] {
  const next = new Array<ConversationId>(previous.length);
  let n = 0;
  if (moved.length === previous.length) {
    for (const c of moved) next[n++] = c.id; // every conversation moved (a burst across all of them)
  } else {
    let k = 0;
    const batch = d.ctx.batch;
    for (const id of previous) {
      const c = d.ctx.slots.get(id) as ConversationDraft; // every listed conversation has a slot
      const t = (c.shownSummary as ConversationSummary).updatedAt;
      if (c.batch === batch && c.summary && (c.recency > 0 || c.summary.updatedAt !== t)) continue; // in `moved`
      while (k < moved.length && updatedAtOf(moved[k] as ConversationDraft) >= t)
        next[n++] = (moved[k++] as ConversationDraft).id;
      next[n++] = id;
    }
    while (k < moved.length) next[n++] = (moved[k++] as ConversationDraft).id;
  }
  for (let i = 0; i < n; i++) if (next[i] !== previous[i]) return next;
  return previous;
}

/**
 * Whether the batch gives every entry of `base` a new value (a burst across all conversations):
 * then filling an empty Map costs about half of copying `base` and overwriting each entry.
 */
function replacesAll(
  base: ReadonlyMap<ConversationId, unknown>,
  touched: readonly ConversationDraft[],
  replaces: (c: ConversationDraft) => boolean,
): boolean {
  if (base.size < 64 || touched.length < base.size) return false;
  let n = 0;
  for (const c of touched) if (replaces(c)) n++;
  return n === base.size;
}

export function commitConversations(d: StoreDraft): ConversationsSlice {
  const base = d.base.conversations;
  const baseSummaries = ShardedMap.from(base.summaries);
  const loaded = d.conversationsLoaded ?? base.loaded;
  let edit: ShardedMapEdit<ConversationId, ConversationSummary> | null = null;
  let editBase = baseSummaries;
  if (d.keepOnly) {
    editBase = ShardedMap.empty();
    edit = editBase.edit();
    for (const id of base.order) {
      const s = base.summaries.get(id);
      if (s && d.keepOnly.has(id)) edit.set(id, s);
    }
  }
  let membershipChanged = !!d.keepOnly;
  let unreadDelta = 0;
  /** Unread that joins the loaded list from the pages not loaded yet. */
  let unreadJoined = 0;
  const moved: ConversationDraft[] = [];
  /** Listed conversations whose summary changed in place (same time, no move). */
  const updated: ConversationDraft[] = [];
  for (const c of d.touched) {
    const s = c.summary;
    if (s === undefined) continue;
    if (edit === null) {
      if (replacesAll(base.summaries, d.touched, (t) => !!t.summary && t.shownSummary !== undefined))
        editBase = ShardedMap.empty();
      edit = editBase.edit();
    }
    // Each conversation is drafted once: its previous summary is the base one (or gone after a bootstrap).
    const prev = d.keepOnly ? edit.get(c.id) : c.shownSummary;
    if (s === null) {
      if (prev) {
        edit.delete(c.id);
        membershipChanged = true;
      }
      continue;
    }
    if (!prev) {
      membershipChanged = true;
      unreadJoined += joinedUnread(d, c.id, s);
    } else {
      unreadDelta += s.unread - prev.unread;
      // mergedOrder tells moved conversations apart by the same test.
      if (prev.updatedAt !== s.updatedAt || c.recency > 0) moved.push(c);
      else updated.push(c);
    }
    edit.set(c.id, s);
  }
  const cursor = d.conversationCursor === undefined ? base.cursor : d.conversationCursor;
  if (edit === null) {
    const unreadUnlisted =
      cursor === null
        ? 0
        : d.unreadTotal !== null
          ? Math.max(0, d.unreadTotal - (base.totalUnread - base.unreadUnlisted))
          : base.unreadUnlisted;
    if (loaded === base.loaded && cursor === base.cursor && unreadUnlisted === base.unreadUnlisted) return base;
    return {
      ...base,
      totalUnread: base.totalUnread - base.unreadUnlisted + unreadUnlisted,
      loaded,
      cursor,
      unreadUnlisted,
    };
  }
  const summaries = edit.done(editBase);

  let order = base.order;
  let listedUnread = base.totalUnread - base.unreadUnlisted + unreadDelta;
  if (membershipChanged) {
    order = fullOrder(d, summaries, base.order);
    listedUnread = 0;
    for (const s of summaries.values()) listedUnread += s.unread;
  } else if (moved.length > 0 || updated.length > 0) {
    moved.sort(byRecency);
    order =
      patchOrder(base.order, base.summaries, summaries, moved.map(orderChange), updated.map(orderChange)) ??
      (moved.length > 0 ? mergedOrder(d, moved, base.order) : order);
  }
  let unreadUnlisted: number;
  if (cursor === null) unreadUnlisted = 0;
  else if (d.unreadTotal !== null) unreadUnlisted = Math.max(0, d.unreadTotal - listedUnread);
  else unreadUnlisted = Math.max(0, (d.keepOnly ? 0 : base.unreadUnlisted) - unreadJoined);
  // The slots now mirror the committed summaries (a bootstrap may have dropped untouched ones).
  // Last: mergedOrder above still reads the base summaries through them.
  if (d.keepOnly) for (const c of d.ctx.slots.values()) c.shownSummary = summaries.get(c.id);
  else for (const c of d.touched) if (c.summary !== undefined) c.shownSummary = c.summary ?? undefined;
  return { summaries, order, totalUnread: Math.max(0, listedUnread) + unreadUnlisted, loaded, cursor, unreadUnlisted };
}

/** A listed conversation's change as patchOrder takes it (before the slot mirrors the new summary). */
const orderChange = (c: ConversationDraft): OrderChange => ({
  id: c.id,
  before: (c.shownSummary as ConversationSummary).updatedAt,
  summary: c.summary as ConversationSummary,
});

/**
 * How much of a conversation's unread was counted in the unlisted share before it joined the list:
 * all of it from a page; from a live message, all but that message (an own message adds none).
 */
function joinedUnread(d: StoreDraft, id: ConversationId, s: ConversationSummary): number {
  if (d.paged?.has(id)) return s.unread;
  return s.lastMessage && s.lastMessage.from !== d.user ? Math.max(0, s.unread - 1) : s.unread;
}

/** The next messages Map: a copy of the shards that change, with one new entry per changed conversation. */
export function commitMessages(d: StoreDraft): ChatState['conversationMessages'] {
  const base = d.baseMessages;
  // Every base entry gets merged messages: fill an empty Map, carrying over the entries that did not change.
  const fresh = replacesAll(base, d.touched, (t) => t.incoming !== null && !t.cleared && t.shownMessages !== undefined);
  const from = fresh ? ShardedMap.empty<ConversationId, ConversationMessages>() : ShardedMap.from(base);
  let next: ShardedMapEdit<ConversationId, ConversationMessages> | null = fresh ? from.edit() : null;
  let changed = false;
  for (const c of d.touched) {
    if (c.incoming === null && c.pending === null && !c.cleared) continue;
    const shown = c.shownMessages;
    const entry = nextMessages(c.cleared ? undefined : shown, c.incoming, c.pending);
    if (entry === shown) {
      if (fresh && shown) next?.set(c.id, shown);
      continue;
    }
    if (entry === null && shown === undefined) continue;
    next ??= from.edit();
    changed = true;
    if (entry === null) next.delete(c.id);
    else next.set(c.id, entry);
    c.shownMessages = entry ?? undefined;
  }
  return changed && next ? next.done(from) : base;
}
