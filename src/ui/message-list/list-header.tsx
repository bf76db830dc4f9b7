// Owns the top of the list, above the virtualized items: "Loading older
// messages…" while a page loads, the start of the conversation once there is
// nothing older, then what goes above the first loaded message (its date
// separator, unread divider, sender header). Its height is fixed by CSS (room
// for all three), so a prepended page, which moves those marks into the items,
// never moves the messages below it.
import { forwardRef, type ReactNode } from 'react';
import { AboveBlock, type RowContext } from './message-row';
import type { Above } from './row-facts';

export interface ListHeaderProps {
  ctx: RowContext;
  hasMore: boolean;
  loadingHistory: boolean;
  above: Above | null;
}

export const ListHeader = forwardRef<HTMLDivElement, ListHeaderProps>(function ListHeader({ ctx, hasMore, loadingHistory, above }, ref): ReactNode {
  const text = loadingHistory ? ctx.strings.loadingOlder : hasMore ? '' : ctx.strings.historyStart;
  return (
    <div ref={ref} className="natter-list-top">
      <div className="natter-list-header" aria-hidden={text === '' ? true : undefined}>
        {text}
      </div>
      <div className="natter-list-top-marks">{above ? <AboveBlock above={above} ctx={ctx} /> : null}</div>
    </div>
  );
});
