// Owns the order of a user's conversation list — most recently updated
// first, ties by key — and the page cursor that names a position in it, so
// every storage pages the same way and a client can pass the cursor back
// without knowing what is inside.
import type { ConversationKey } from './storage';

type Position = { updatedAt: number; key: ConversationKey };

/** Negative when `a` comes before `b` in the list. */
export function compareListOrder(a: Position, b: Position): number {
  if (a.updatedAt !== b.updatedAt) return b.updatedAt - a.updatedAt;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
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
