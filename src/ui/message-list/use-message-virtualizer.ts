// Owns the message list's virtualizer: @tanstack/react-virtual anchored to the
// end when the data changes (older pages prepend without moving what is on
// screen, new messages are followed only when asked), and this list's own
// rule for measured size changes, which keeps the anchor message still.
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useState, type RefObject } from 'react';
import { LIST_TOP_PX } from './list-header';

/** Estimated item height before an item is measured. */
const ESTIMATE_PX = 56;
const estimateSize = () => ESTIMATE_PX;
/** Within this distance of the end the reader is "at the bottom" (followed, marked read). */
export const BOTTOM_PX = 32;
/** Items drawn beyond each edge of the viewport, from the list's second frame on. */
const OVERSCAN = 3;

export interface MessageVirtualizerOptions {
  /** Drawing has started (there are messages and the opening position is known). */
  live: boolean;
  count: number;
  scrollerRef: RefObject<HTMLDivElement | null>;
  getItemKey: (index: number) => number | string;
  /** Items with a key below this were just prepended (useItemKeys). */
  prependedBelowRef: RefObject<number>;
  /** Follow appended messages (at the newest, and was before this commit). */
  follow: boolean;
  /** Where the list opens: an item index, or the end. */
  openAt: number | 'end';
}

export function useMessageVirtualizer(options: MessageVirtualizerOptions): Virtualizer<HTMLDivElement, HTMLDivElement> {
  const { live, count, scrollerRef, getItemKey, prependedBelowRef, follow, openAt } = options;
  // The first frame draws only the rows on screen: each row drawn is rendered, laid out and measured
  // before the list is first painted (at 800 px, 3 of 16 rows were off screen). The rows beyond it
  // are drawn from the next frame on, once the first one and the tasks it queued (answers, input)
  // are done, rather than in a task that could run before those.
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!live || painted) return;
    if (typeof requestAnimationFrame !== 'function') return setPainted(true);
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => setPainted(true));
    });
    return () => cancelAnimationFrame(frame);
  }, [live, painted]);
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    enabled: live,
    count,
    getScrollElement: () => scrollerRef.current,
    estimateSize,
    getItemKey,
    // An item's index among the virtualizer's items, which start at the history window's start
    // (data-index is the message's index among the loaded messages).
    indexAttribute: 'data-item',
    overscan: painted ? OVERSCAN : 0,
    anchorTo: 'end',
    followOnAppend: follow,
    scrollEndThreshold: BOTTOM_PX,
    paddingStart: LIST_TOP_PX,
    // Rows mounted while the list counts as scrolling are measured a frame later (by the resize
    // observer), which shows prepended rows at estimated heights for a frame; a short reset keeps
    // a page that arrives after the reader stopped from being drawn twice.
    isScrollingResetDelay: 50,
    // The first frame already draws where the list opens, not the top of the history.
    initialOffset: () => LIST_TOP_PX + (openAt === 'end' ? count : openAt) * ESTIMATE_PX,
  });

  // End anchoring is what the virtualizer applies when the data changes (above); for measurements
  // this list decides itself: in 'end' mode every measured size change would first recompute the
  // whole layout to learn whether the list was at its end (O(history) per item measured).
  virtualizer.options.anchorTo = 'start';
  // A size change moves the scroll position by the same amount (keeping what is on screen still)
  // when the list is at its end (it stays there), when the item lies above the viewport, and on a
  // first measurement of a message just prepended above the anchor: those may be on screen (at
  // the very top, below the header) and their growth must not push the anchor message down.
  virtualizer.shouldAdjustScrollPositionOnItemSizeChange = (item, _delta, v) => {
    const offset = v.scrollOffset ?? 0;
    if (v.isAtEnd(BOTTOM_PX)) return true;
    if (!v.itemSizeCache.has(item.key))
      return item.start < offset || (typeof item.key === 'number' && item.key < prependedBelowRef.current);
    return item.start + item.size <= offset && v.scrollDirection !== 'backward';
  };
  return virtualizer;
}
