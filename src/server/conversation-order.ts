// Owns the order of a user's conversation list — most recently updated
// first, ties by key — and the page cursor that names a position in it, so
// every storage pages the same way and a client can pass the cursor back
// without knowing what is inside.
import type { ConversationKey, ConversationPageQuery, ConversationStateRecord } from './storage';

type Position = { updatedAt: number; key: ConversationKey };

/** Negative when `a` comes before `b` in the list. */
export function compareListOrder(a: Position, b: Position): number {
  if (a.updatedAt !== b.updatedAt) return b.updatedAt - a.updatedAt;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** The states of one page, taken from all of a user's states (in-memory storages). */
export function pageOf(
  states: Iterable<ConversationStateRecord>,
  query: ConversationPageQuery,
): ConversationStateRecord[] {
  const { after, limit } = query;
  // The first `limit` in list order, kept sorted as the states go by: a page of 50 out of 100,000
  // conversations no longer sorts all 100,000 (that blocked an in-page server for a tenth of a second).
  const page: ConversationStateRecord[] = [];
  if (limit <= 0) return page;
  for (const s of states) {
    if (s.hidden || (after && compareListOrder(s, after) <= 0)) continue;
    if (page.length === limit && compareListOrder(s, page[limit - 1]!) >= 0) continue;
    let lo = 0;
    let hi = page.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareListOrder(page[mid]!, s) <= 0) lo = mid + 1;
      else hi = mid;
    }
    page.splice(lo, 0, s);
    if (page.length > limit) page.pop();
  }
  return page;
}

/** The opaque cursor that continues the list after `state`. */
export function encodeListCursor(state: Position): string {
  return `${state.updatedAt}:${state.key}`;
}

/** The position a cursor names, or null when it is not one this server made. */
export function decodeListCursor(cursor: string): Position | null {
  const colon = cursor.indexOf(':');
  if (colon <= 0) return null;
  const updatedAt = Number(cursor.slice(0, colon));
  const key = cursor.slice(colon + 1);
  if (!Number.isFinite(updatedAt) || key.length === 0) return null;
  return { updatedAt, key };
}
