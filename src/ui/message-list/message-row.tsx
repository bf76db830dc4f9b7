// Owns one item of the message list: a message (a bubble, see ShownMessage)
// or a line in its place (event, deleted for you), followed by what goes above
// the NEXT message (its date separator, the unread divider, its sender header).
// Keeping those at the bottom of the previous item means prepending older
// messages only ever adds items above: an item already on screen never changes
// height. Items are memoized on primitive props and the list context.
import { memo, type ReactNode } from 'react';
import type { ChatMessage } from '../../react';
import { AboveBlock } from './above-block';
import { EventLine, HiddenLine } from './event-line';
import type { RowContext } from './row-context';
import type { Above } from './row-facts';
import { ShownMessage } from './shown-message';

export interface MessageItemProps {
  message: ChatMessage;
  groupStart: boolean;
  /** What goes above the next message (primitives, so the memo compares them). */
  belowDayTs: number | null;
  belowUnread: boolean;
  belowFrom: string | null;
  belowOwn: boolean;
  ctx: RowContext;
}

/** This user's delete of `m` for themselves waits: shown as done. */
const hiddenSoon = (m: ChatMessage) =>
  m.waiting?.some((c) => !c.error && c.change.type === 'delete' && c.change.scope === 'me') === true;

function MessageView({
  message: m,
  groupStart,
  ctx,
}: {
  message: ChatMessage;
  groupStart: boolean;
  ctx: RowContext;
}): ReactNode {
  if (m.body.type === 'signal' || m.body.type === 'recalled') return <EventLine message={m} ctx={ctx} />;
  if (m.serverId !== null && (ctx.hidden.has(m.serverId) || hiddenSoon(m))) return <HiddenLine message={m} ctx={ctx} />;
  return <ShownMessage message={m} groupStart={groupStart} ctx={ctx} />;
}

/** One virtualized item: a message or event line, then what goes above the next message. */
export const MessageItem = memo(function MessageItem(p: MessageItemProps): ReactNode {
  const m = p.message;
  if (m.body.type === 'cmd') return null;
  const below: Above | null =
    p.belowDayTs !== null || p.belowUnread || p.belowFrom !== null
      ? {
          dayTs: p.belowDayTs,
          unread: p.belowUnread,
          header: p.belowFrom !== null ? { from: p.belowFrom, own: p.belowOwn } : null,
        }
      : null;
  return (
    <>
      <MessageView message={m} groupStart={p.groupStart} ctx={p.ctx} />
      {below ? <AboveBlock above={below} ctx={p.ctx} /> : null}
    </>
  );
});
