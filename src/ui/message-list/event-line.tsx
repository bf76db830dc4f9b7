// Owns the lines drawn in a message's place instead of a bubble: an event line
// (a call step, a recall notice) and the short line of a message this user
// deleted for themselves, each with the mark of such a delete not sent yet. Both stay focusable rows of the list's roving tab stop.
import type { ReactNode } from 'react';
import type { ChatMessage } from '../../react';
import { formatTime } from '../i18n/format-time';
import { callEventText } from './call-event';
import { PendingMark } from './change-notes';
import type { RowContext } from './row-context';

/** A call step or a recall, centred, with its time. */
export function EventLine({ message: m, ctx }: { message: ChatMessage; ctx: RowContext }): ReactNode {
  const s = ctx.strings;
  let text: string;
  if (m.body.type === 'recalled') text = m.own ? s.recalledByYou : s.recalled;
  else if (m.body.type === 'signal') text = callEventText(m.body, s, (u) => (u === '' ? '' : ctx.name(u)));
  else text = '';
  return (
    <div
      className={`natter-event natter-event--${m.body.type}`}
      data-key={m.key}
      data-natter-message=""
      tabIndex={ctx.tabStopKey === m.key ? 0 : -1}
      onFocus={(e) => {
        if (e.target === e.currentTarget) ctx.onRowFocus(m.key);
      }}
    >
      <span className="natter-event-text">{text}</span> <PendingMark message={m} strings={ctx.features} />
      <time className="natter-event-time" dateTime={new Date(m.ts).toISOString()}>
        {formatTime(m.ts, ctx.locale)}
      </time>
    </div>
  );
}

/** A message this user deleted for themselves: a short line in its place (the row keeps its slot). */
export function HiddenLine({ message: m, ctx }: { message: ChatMessage; ctx: RowContext }): ReactNode {
  return (
    <div
      className="natter-event natter-event--hidden"
      data-key={m.key}
      data-natter-message=""
      tabIndex={ctx.tabStopKey === m.key ? 0 : -1}
      onFocus={(e) => e.target === e.currentTarget && ctx.onRowFocus(m.key)}
    >
      {ctx.features.deletedForYou} <PendingMark message={m} strings={ctx.features} />
    </div>
  );
}
