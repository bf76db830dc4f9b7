// Owns what is drawn above a message: its date separator, the unread divider
// and the sender header of a new group (the sender's name in group
// conversations). The list draws it at the bottom of the item before, so an
// item already on screen never changes height when older pages are prepended.
import type { ReactNode } from 'react';
import { formatDayLabel } from '../i18n/format-time';
import type { Above } from './row-facts';
import type { RowContext } from './row-context';

/** The date separator, unread divider and sender header that go above a message. */
export function AboveBlock({ above, ctx }: { above: Above; ctx: RowContext }): ReactNode {
  const { dayTs, unread, header } = above;
  const day = dayTs !== null ? formatDayLabel(dayTs, ctx.now(), ctx.locale, ctx.strings) : null;
  return (
    <>
      {day !== null ? (
        <div className="natter-day-separator" role="separator" aria-label={day}>
          <span aria-hidden="true">{day}</span>
        </div>
      ) : null}
      {unread ? (
        <div className="natter-unread-divider" role="separator" aria-label={ctx.strings.unreadDivider}>
          <span aria-hidden="true">{ctx.strings.unreadDivider}</span>
        </div>
      ) : null}
      {header ? (
        <div
          className={`natter-group-header ${header.own ? 'natter-group-header--own' : 'natter-group-header--other'}`}
          aria-hidden="true"
        >
          {header.own ? null : <span className="natter-group-sender">{ctx.name(header.from)}</span>}
        </div>
      ) : null}
    </>
  );
}
