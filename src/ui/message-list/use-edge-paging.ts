// Owns paging at the list's edges as the reader scrolls: the history window
// grows before its first item is reached, older history loads once the first
// loaded message is drawn (it is within the overscan of the top), and a jump's
// window loads newer pages once its last message is drawn.
import { useEffect } from 'react';
import { GROW_AHEAD, type HistoryWindow } from './use-history-window';
import type { JumpWindow } from './use-jump-window';

export interface EdgePagingOptions {
  /** The list is laid out and open (nothing loads before). */
  live: boolean;
  /** Indices of the first and last drawn messages (-1 when none). */
  firstDrawn: number;
  lastDrawn: number;
  count: number;
  hasMore: boolean;
  loadingHistory: boolean;
  loadOlder(): Promise<void>;
  jump: JumpWindow | undefined;
  window: HistoryWindow;
}

export function useEdgePaging(o: EdgePagingOptions): void {
  const { live, firstDrawn, lastDrawn, count, hasMore, loadingHistory, loadOlder, jump } = o;
  const { start, grow } = o.window;
  useEffect(() => {
    if (live && start > 0 && firstDrawn >= 0 && firstDrawn - start < GROW_AHEAD) grow();
  }, [live, start, firstDrawn, grow]);
  useEffect(() => {
    if (live && firstDrawn === 0 && hasMore && !loadingHistory) void loadOlder();
  }, [live, firstDrawn, hasMore, loadingHistory, loadOlder]);
  useEffect(() => {
    if (live && jump?.hasNewer && lastDrawn === count - 1 && !loadingHistory) void jump.loadNewer();
  }, [live, jump, lastDrawn, count, loadingHistory]);
}
