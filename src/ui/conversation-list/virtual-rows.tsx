// Owns drawing a long conversation list through the virtualizer: only the rows
// in view (and a few beyond) are in the DOM. Most users' lists are short, so
// this and the virtualizer are a chunk of their own, loaded once a list is
// long enough to need it (ConversationList draws every row until then).
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useState, type ReactNode, type RefObject } from 'react';
import type { ConversationSummary } from '../../protocol/entities';
import type { ConversationRowPlacement } from './conversation-item';

/** A row's height before it is measured: the default theme's (a row measured otherwise is drawn again). */
const ROW_ESTIMATE_PX = 66;
const estimateSize = () => ROW_ESTIMATE_PX;
/** Rows drawn beyond each edge of the viewport. */
const OVERSCAN = 4;

export interface VirtualRowsProps {
  conversations: readonly ConversationSummary[];
  scroller: RefObject<HTMLElement | null>;
  /** The list's length for ARIA, -1 while more pages remain. */
  setSize: number;
  renderRow(conversation: ConversationSummary, row: ConversationRowPlacement): ReactNode;
  /** Told the index of the last row drawn, to page on near the end. */
  onDrawn(lastIndex: number): void;
  /** Set to scroll a row into view (keyboard navigation to a row not drawn yet). */
  scrollTo: { current: ((index: number) => void) | null };
}

export function VirtualRows({
  conversations,
  scroller,
  setSize,
  renderRow,
  onDrawn,
  scrollTo,
}: VirtualRowsProps): ReactNode {
  // The scroller is laid out before the rows come (it showed the loading line): its box, read once
  // here, lets the first pass draw every row in view. Without it the virtualizer starts from an empty
  // box, draws one row, measures the box after the commit and draws the list again before the paint.
  const [initialRect] = useState(() => boxOf(scroller.current));
  const virtualizer = useVirtualizer<HTMLElement, HTMLLIElement>({
    count: conversations.length,
    getScrollElement: () => scroller.current,
    estimateSize,
    ...(initialRect ? { initialRect } : {}),
    getItemKey: (i) => conversations[i]?.id ?? i,
    overscan: OVERSCAN,
  });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1]?.index ?? -1;
  useEffect(() => onDrawn(last), [last, onDrawn]);
  useEffect(() => {
    scrollTo.current = (index) => virtualizer.scrollToIndex(index, { align: index === 0 ? 'start' : 'auto' });
    return () => {
      scrollTo.current = null;
    };
  }, [scrollTo, virtualizer]);
  return (
    <ul className="natter-conversations__list" style={{ position: 'relative', height: virtualizer.getTotalSize() }}>
      {items.map((item) => {
        const c = conversations[item.index];
        return c
          ? renderRow(c, { index: item.index, start: item.start, setSize, measure: virtualizer.measureElement })
          : null;
      })}
    </ul>
  );
}

/** The scroller's box as the virtualizer measures it (client size), or null before it is mounted. */
function boxOf(el: HTMLElement | null): { width: number; height: number } | null {
  return el ? { width: el.clientWidth, height: el.clientHeight } : null;
}
