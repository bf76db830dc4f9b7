// Owns scrolling the message list by message index: the virtualizer counts
// from the history window's start (use-history-window.ts), so an index is
// moved into its items, and a message above the window first grows the window
// to take it in; the scroll is then made once the grown items are committed.
import type { ScrollToOptions, Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type { HistoryWindow } from './use-history-window';

/** What the list's opening and navigation scroll with: message indices, or offsets in the scroller. */
export interface ListScroll {
  scrollToIndex(index: number, options?: ScrollToOptions): void;
  scrollToOffset(offset: number): void;
  scrollToEnd(): void;
}

export function useListScroll(
  virtualizer: Virtualizer<HTMLDivElement, HTMLDivElement>,
  window: HistoryWindow,
): ListScroll {
  const start = useRef(window.start);
  start.current = window.start;
  const pending = useRef<{ index: number; options: ScrollToOptions | undefined } | null>(null);
  const { include } = window;
  const scrollToIndex = useCallback(
    (index: number, options?: ScrollToOptions) => {
      if (include(index)) pending.current = { index, options };
      else virtualizer.scrollToIndex(index - start.current, options);
    },
    [include, virtualizer],
  );
  // After the commit that grew the window (the virtualizer's own layout effect, which keeps what is
  // on screen still, ran before this one).
  useLayoutEffect(() => {
    const p = pending.current;
    if (!p || p.index < start.current) return;
    pending.current = null;
    virtualizer.scrollToIndex(p.index - start.current, p.options);
  });
  return useMemo(
    () => ({
      scrollToIndex,
      scrollToOffset: (offset: number) => virtualizer.scrollToOffset(offset),
      scrollToEnd: () => virtualizer.scrollToEnd(),
    }),
    [scrollToIndex, virtualizer],
  );
}
