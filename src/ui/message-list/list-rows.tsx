// Owns drawing the drawn (virtual) items of a message list: each message in
// its positioned, measured box, told what goes above the message after it (a
// day separator, the unread divider, a sender header), which it draws at its
// own bottom so older pages only ever add items above.
import type { ReactNode } from 'react';
import type { VirtualItem, Virtualizer } from '@tanstack/react-virtual';
import type { ChatMessage } from '../../react';
import { MessageItem } from './message-row';
import type { RowContext } from './row-context';
import type { Above } from './row-facts';

export interface ListRowsProps {
  items: readonly VirtualItem[];
  /** Message index of item 0 (the history window's start). */
  start: number;
  messages: readonly ChatMessage[];
  /** What goes above message i (null for a hidden message or past the end). */
  above(i: number): Above | null;
  measure: Virtualizer<HTMLDivElement, HTMLDivElement>['measureElement'];
  /** The index of a jump's target message, marked for the opening to find. */
  jumpTarget: number | null;
  ctx: RowContext;
}

export function ListRows({ items, start, messages, above, measure, jumpTarget, ctx }: ListRowsProps): ReactNode {
  return items.map((item) => {
    const i = start + item.index;
    const own = above(i);
    const next = above(i + 1);
    return (
      <div
        key={item.key}
        ref={measure}
        data-item={item.index}
        data-index={i}
        data-jump-target={i === jumpTarget ? '' : undefined}
        className="natter-list-item"
        style={{ transform: `translateY(${item.start}px)` }}
      >
        <MessageItem
          message={messages[i] as ChatMessage}
          groupStart={own !== null && own.header !== null}
          belowDayTs={next?.dayTs ?? null}
          belowUnread={next?.unread ?? false}
          belowFrom={next?.header?.from ?? null}
          belowOwn={next?.header?.own ?? false}
          ctx={ctx}
        />
      </div>
    );
  });
}
