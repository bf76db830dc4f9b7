// Owns the top of the list, above the virtualized items: "Loading older
// messages…" while a page loads, the start of the conversation once there is
// nothing older, then what goes above the first loaded message (its date
// separator, unread divider, sender header). Its height is fixed (room for all
// three at the default theme sizes), so a prepended page, which moves those
// marks into the items, never moves the messages below it; the virtualizer
// reserves that height above the first item.
import type { ReactNode } from 'react';
import { AboveBlock } from './above-block';
import type { RowContext } from './row-context';
import type { Above } from './row-facts';

/** Height of the list's top: a 32 px status line and room for a date separator, the unread divider and a sender header. */
export const LIST_TOP_PX = 148;

export interface ListHeaderProps {
  ctx: RowContext;
  hasMore: boolean;
  loadingHistory: boolean;
  above: Above | null;
}

export function ListHeader({ ctx, hasMore, loadingHistory, above }: ListHeaderProps): ReactNode {
  const text = loadingHistory ? ctx.strings.loadingOlder : hasMore ? '' : ctx.strings.historyStart;
  // At the start of the history the spare height goes above "Beginning of the conversation", not
  // between it and the first message's marks (the block's height itself never changes).
  const atStart = !loadingHistory && !hasMore;
  return (
    <div
      className={atStart ? 'natter-list-top natter-list-top--start' : 'natter-list-top'}
      style={{ height: LIST_TOP_PX }}
    >
      <div className="natter-list-header" aria-hidden={text === '' ? true : undefined}>
        {text}
      </div>
      <div className="natter-list-top-marks">{above ? <AboveBlock above={above} ctx={ctx} /> : null}</div>
    </div>
  );
}
