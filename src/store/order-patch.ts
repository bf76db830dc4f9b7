// Owns the cheap path of a batch that changes a few conversations already in
// the list (the live case: a new message moves one conversation to the top):
// each is found by binary search on its update time in the previous order
// (most recently updated first), taken out and put back at its new place; the
// cached display list, when there is one, gets the same moves and the new
// summaries. Everything else (a page, a bootstrap, a burst) sorts in full.
import type { ConversationSummary } from '../protocol/entities';
import type { ConversationId } from '../protocol/ids';
import { cachedConversationList, rememberConversationList } from './conversation-list-cache';

type Summaries = ReadonlyMap<ConversationId, ConversationSummary>;

/** More changes than this in one batch go through the full merge (each move here shifts the array). */
const MAX_PATCHED = 32;

export interface OrderChange {
  id: ConversationId;
  /** Its update time in the previous order. */
  before: number;
  /** Its new summary. */
  summary: ConversationSummary;
}

/**
 * The first index of `order` whose update time is at most `t` (the order is sorted newest first);
 * `from` gives each id's time.
 */
function firstAtMost(order: readonly ConversationId[], t: number, from: Summaries): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((from.get(order[mid] as ConversationId) as ConversationSummary).updatedAt > t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where `id` (updated at `t`) sits in `order`, or -1. */
function indexOf(order: readonly ConversationId[], id: ConversationId, t: number, from: Summaries): number {
  for (let i = firstAtMost(order, t, from); i < order.length; i++) {
    if (order[i] === id) return i;
    if ((from.get(order[i] as ConversationId) as ConversationSummary).updatedAt !== t) break;
  }
  return -1;
}

/**
 * The next order after `moved` (sorted as they go: newest first, on equal times the later change
 * first; each placed before the conversations with its time) and `updated` (same place, new
 * summary) changed; null when the full merge should do it (too many changes, or one not found).
 * `base` holds the previous summaries, `next` the new ones. Also caches the patched display list.
 */
export function patchOrder(
  previous: readonly ConversationId[],
  base: Summaries,
  next: Summaries,
  moved: readonly OrderChange[],
  updated: readonly OrderChange[],
): readonly ConversationId[] | null {
  if (moved.length + updated.length > MAX_PATCHED) return null;
  const list = cachedConversationList(previous, base)?.slice();
  const order = moved.length > 0 ? previous.slice() : previous;
  const removedAt: number[] = [];
  for (const c of moved) {
    const i = indexOf(order, c.id, c.before, base);
    if (i < 0) return null;
    (order as ConversationId[]).splice(i, 1);
    list?.splice(i, 1);
    removedAt.push(i);
  }
  // Only conversations that keep their time are left: their previous and next times agree.
  if (list)
    for (const c of updated) {
      const i = indexOf(order, c.id, c.before, base);
      if (i < 0) return null;
      list[i] = c.summary;
    }
  const insertedAt: number[] = [];
  for (let k = moved.length - 1; k >= 0; k--) {
    const c = moved[k] as OrderChange;
    const i = firstAtMost(order, c.summary.updatedAt, next);
    (order as ConversationId[]).splice(i, 0, c.id);
    list?.splice(i, 0, c.summary);
    insertedAt.push(i);
  }
  // One conversation put back where it was (a newer message in the topmost one): the order is unchanged.
  const same = moved.length === 1 && removedAt[0] === insertedAt[0];
  const result = same ? previous : order;
  if (list) rememberConversationList(result, next, list);
  return result;
}
