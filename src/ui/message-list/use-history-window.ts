// Owns which of the loaded messages the virtualizer is given: the newest ones
// from a window start on, not the whole loaded history. The virtualizer
// rebuilds its layout over every item it has when the list opens and whenever
// items are added at either end; over 100,000 messages the opening one alone
// was ~10% of the first paint (run before the JIT has warmed up). The window
// grows upwards, doubling, before the reader reaches its top (the growth is a
// prepend to the virtualizer, so nothing on screen moves), and at once to take
// in a message asked for by index (arrow keys, Home, a reply quote). Once it
// reaches the oldest loaded message it stays there, and older pages loaded from
// the server go into it. Its start is kept as a message key (useItemKeys), so
// messages prepended while it starts further down change nothing on screen.
import { useCallback, useReducer, useRef } from 'react';

/** Messages given to the virtualizer when a long history opens (all of them when fewer are loaded). */
export const HISTORY_WINDOW = 1000;
/** The window grows once one of its first this-many items is drawn. */
export const GROW_AHEAD = 100;
/** The window's start key once it reaches the oldest loaded message (older pages then go into it). */
const FROM_OLDEST = -Infinity;

export interface HistoryWindowOptions {
  /** The list is drawn (the opening position is known). */
  live: boolean;
  /** Loaded messages. */
  count: number;
  /** Where the list opens: a message index (the unread divider, a jump's target), or the end. */
  openAt: number | 'end';
  /** Key of message index 0 (useItemKeys: message i's key is base + i). */
  base: number;
  /** useItemKeys' prependedBelow: every message key below it was just prepended to the loaded messages. */
  prependedBelow: number;
}

export interface HistoryWindow {
  /** Message index of the virtualizer's item 0. */
  start: number;
  /** The virtualizer's item key of item j (message start + j's key). */
  getItemKey(j: number): number;
  /** Every item key below this was just added above the items (a page, or the window's growth). */
  prependedBelow: number;
  /** Grows the window upwards (doubling). */
  grow(): void;
  /** Grows the window to take in message `index`; false when it already holds it. */
  include(index: number): boolean;
}

interface WindowState {
  /** Key of the window's first message; FROM_OLDEST; null until the list is drawn. */
  startKey: number | null;
  prependedBelow: number;
  /** The loaded messages' prependedBelow last seen. */
  pagesBelow: number;
}

export function useHistoryWindow(o: HistoryWindowOptions): HistoryWindow {
  const { live, count, openAt, base } = o;
  const [, rerender] = useReducer((x: number) => x + 1, 0);
  const state = useRef<WindowState>({ startKey: null, prependedBelow: o.prependedBelow, pagesBelow: o.prependedBelow });
  const s = state.current;
  if (s.startKey === null && live) {
    // Opening inside the history keeps half a window above the message it opens at.
    const from = openAt === 'end' ? count : openAt - HISTORY_WINDOW / 2;
    const start = Math.min(count - HISTORY_WINDOW, from);
    s.startKey = start > 0 ? base + start : FROM_OLDEST;
  }
  if (o.prependedBelow !== s.pagesBelow) {
    s.pagesBelow = o.prependedBelow;
    // A page prepended to the loaded messages is added to the items only when the window reaches them.
    if (s.startKey === FROM_OLDEST) s.prependedBelow = o.prependedBelow;
  }
  let start = s.startKey === null || s.startKey === FROM_OLDEST ? 0 : s.startKey - base;
  // Messages gone from the loaded ones (a conversation cleared or changed): the window takes all there are.
  if (start < 0 || start >= count) start = 0;
  const first = base + start;
  const getItemKey = useCallback((j: number) => first + j, [first]);

  const current = useRef({ start, first, count, base });
  current.current = { start, first, count, base };
  const moveStart = useCallback((to: number) => {
    const c = current.current;
    if (to >= c.start) return false;
    state.current.startKey = to > 0 ? c.base + to : FROM_OLDEST;
    state.current.prependedBelow = c.first;
    rerender();
    return true;
  }, []);
  const grow = useCallback(() => {
    const c = current.current;
    moveStart(Math.max(0, c.start - Math.max(HISTORY_WINDOW, c.count - c.start)));
  }, [moveStart]);
  const include = useCallback(
    (index: number) => index < current.current.start && moveStart(Math.max(0, index - HISTORY_WINDOW / 2)),
    [moveStart],
  );
  return { start, getItemKey, prependedBelow: s.prependedBelow, grow, include };
}
