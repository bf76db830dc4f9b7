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
  // The first `limit` in list order, kept in a heap whose root is the last of them: a page of 50 out
  // of 100,000 conversations no longer sorts all 100,000, and a state that enters the page costs
  // log(limit) steps, not a shift of the page (states mostly go by oldest first, each one entering:
  // shifting cost an in-page server 35 ms of a list's first paint at 100,000 conversations).
  const heap: ConversationStateRecord[] = [];
  if (limit <= 0) return heap;
  for (const s of states) {
    if (s.hidden || (after && compareListOrder(s, after) <= 0)) continue;
    if (heap.length < limit) {
      heap.push(s);
      siftUp(heap, heap.length - 1);
    } else if (compareListOrder(s, heap[0]!) < 0) {
      heap[0] = s;
      siftDown(heap, 0);
    }
  }
  return heap.sort(compareListOrder);
}

/** Moves heap[i] up while it comes later in the list than its parent (the root is the latest). */
function siftUp(heap: ConversationStateRecord[], i: number): void {
  const s = heap[i]!;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (compareListOrder(heap[parent]!, s) >= 0) break;
    heap[i] = heap[parent]!;
    i = parent;
  }
  heap[i] = s;
}

/** Moves heap[i] down while a child comes later in the list than it. */
function siftDown(heap: ConversationStateRecord[], i: number): void {
  const s = heap[i]!;
  const n = heap.length;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= n) break;
    if (child + 1 < n && compareListOrder(heap[child + 1]!, heap[child]!) > 0) child++;
    if (compareListOrder(heap[child]!, s) <= 0) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = s;
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
