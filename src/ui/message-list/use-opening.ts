// Owns where the list opens: at the newest message, or with the unread divider
// at the top (held there while the rows around it are measured). When the read
// marker becomes known only after the messages were shown (the conversation
// list was still loading), it moves to the divider then, unless the reader has
// already scrolled, clicked or pressed a key in the list.
import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { settleOnDivider } from './settle-on-divider';
import type { ListScroll } from './use-list-scroll';

const END_COMMITS = 3;

export interface OpeningOptions {
  /** The list is drawn (started, with messages). */
  live: boolean;
  /** Where it opens: the divider's message index, or the end. */
  openAt: number | 'end';
  /** True while the list opened before the read marker was known (cleared here once handled). */
  markerLate: { current: boolean };
  markerKnown: boolean;
  /** Current unread divider index, or -1. */
  divider: number;
  virtualizer: ListScroll;
  scrollerRef: RefObject<HTMLDivElement | null>;
  /** Called when the list moves to a divider it learnt of late. */
  onDividerLate(): void;
  /** The element held at the top when opening at an index (default: the unread divider). */
  openSelector?: string;
}

export function useOpening(o: OpeningOptions) {
  const { live, openAt, markerLate, markerKnown, divider, virtualizer, scrollerRef, onDividerLate } = o;
  const opened = useRef(false);
  const stopSettling = useRef<(() => void) | null>(null);
  const interacted = useRef(false);
  /** Commits after opening at the end in which the end is asserted again. */
  const endCommits = useRef(0);

  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!live || !scroller) return;
    if (!opened.current) {
      opened.current = true;
      if (openAt === 'end') {
        virtualizer.scrollToEnd();
        endCommits.current = END_COMMITS;
      } else stopSettling.current = settleOnDivider(virtualizer, scroller, openAt, o.openSelector);
      return;
    }
    // The first rows' measurements re-render the list with its real height, in the same frame:
    // stay at the end through those commits so the first frame painted shows the newest message.
    if (endCommits.current > 0) {
      endCommits.current--;
      if (!interacted.current && scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight > 1)
        virtualizer.scrollToEnd();
    }
  });
  useEffect(() => () => stopSettling.current?.(), []);

  useEffect(() => {
    if (!markerLate.current || !markerKnown || !opened.current || !scrollerRef.current) return;
    markerLate.current = false;
    if (divider < 0 || interacted.current) return;
    onDividerLate();
    stopSettling.current?.();
    stopSettling.current = settleOnDivider(virtualizer, scrollerRef.current, divider);
  });

  const stop = useCallback(() => stopSettling.current?.(), []);
  const onInteract = useCallback(() => {
    interacted.current = true;
  }, []);
  return { stop, onInteract };
}
