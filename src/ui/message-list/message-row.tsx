// Owns one item of the message list: a message (bubble, time, status mark,
// upload progress, failure with Retry, and the actions menu) or an event line
// (call step, recall), followed by what goes above the NEXT message (its date
// separator, the unread divider, its sender header). Keeping those at the bottom
// of the previous item means prepending older messages only ever adds items
// above: an item already on screen never changes height. Items are memoized on
// primitive props and the list context.
import { memo, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ChatMessage } from '../../react';
import { formatDateTime, formatDayLabel, formatTime } from '../i18n/format-time';
import { ReadReceipt } from '../read-receipt/read-receipt';
import { callEventText } from './call-event';
import { MessageActions, type MessageAction } from './message-actions';
import { MessageBody, type BodyContext } from './message-body';
import { messageFeatureActions, type FeatureRowContext } from './message-feature-actions';
import { ReactionBar, ReactionPicker } from './reaction-bar';
import { ReplyQuote } from './reply-quote';
import { ThreadSummaryButton } from './thread-summary';
import type { Above } from './row-facts';

export interface RowContext extends BodyContext, FeatureRowContext {
  /** serverIds this user deleted for themselves (drawn as a short line). */
  hidden: ReadonlySet<string>;
  /** Display name of a user id. */
  name(user: string): string;
  /** Server time now (for the recall window). */
  now(): number;
  recallWindowMs: number;
  recallEnabled: boolean;
  retry(localId: string): void;
  discard(localId: string): void;
  recall(serverId: string): Promise<unknown>;
  /** Who read a group message (cached per read count, as useReadReceipts().readers does). */
  readers(serverId: string, readCount: number): Promise<string[]>;
  /** The message row that is the list's tab stop. */
  tabStopKey: string | null;
  /** Focus moved to a message row (roving tab stop follows it). */
  onRowFocus(key: string): void;
  /** Id prefix for element ids in this list. */
  idPrefix: string;
}

function canRecall(m: ChatMessage, ctx: RowContext): boolean {
  return (
    ctx.recallEnabled &&
    m.own &&
    m.serverId !== null &&
    m.status !== 'recalled' &&
    ctx.now() - m.ts < ctx.recallWindowMs
  );
}

function copyText(text: string): void {
  if (typeof navigator !== 'undefined' && navigator.clipboard)
    navigator.clipboard.writeText(text).catch(() => undefined);
}

function MessageView({
  message: m,
  groupStart,
  ctx,
}: {
  message: ChatMessage;
  groupStart: boolean;
  ctx: RowContext;
}): ReactNode {
  if (m.serverId !== null && ctx.hidden.has(m.serverId)) return <HiddenLine message={m} ctx={ctx} />;
  return <ShownMessage message={m} groupStart={groupStart} ctx={ctx} />;
}

/** A message this user deleted for themselves: a short line in its place (the row keeps its slot). */
function HiddenLine({ message: m, ctx }: { message: ChatMessage; ctx: RowContext }): ReactNode {
  return (
    <div
      className="natter-event natter-event--hidden"
      data-key={m.key}
      data-natter-message=""
      tabIndex={ctx.tabStopKey === m.key ? 0 : -1}
      onFocus={(e) => e.target === e.currentTarget && ctx.onRowFocus(m.key)}
    >
      {ctx.features.deletedForYou}
    </div>
  );
}

function ShownMessage({
  message: m,
  groupStart,
  ctx,
}: {
  message: ChatMessage;
  groupStart: boolean;
  ctx: RowContext;
}): ReactNode {
  const s = ctx.strings;
  const [menuOpen, setMenuOpen] = useState(false);
  const [recallError, setRecallError] = useState<string | null>(null);
  const [readerList, setReaderList] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const readCount = m.readCount;
  const actions: MessageAction[] = [];
  if (canRecall(m, ctx) && m.serverId !== null) {
    const serverId = m.serverId;
    actions.push({
      id: 'recall',
      label: s.recall,
      run: () => {
        setRecallError(null);
        ctx
          .recall(serverId)
          .catch((e: unknown) => setRecallError(s.recallFailed(e instanceof Error ? e.message : String(e))));
      },
    });
  }
  if (m.own && m.chatType !== 'single' && m.serverId !== null && readCount > 0) {
    const serverId = m.serverId;
    actions.push({
      id: 'readers',
      label: s.showReaders,
      run: () => {
        ctx.readers(serverId, readCount).then(
          (users) => setReaderList(s.readersList(users.map(ctx.name).join(', '))),
          (e: unknown) => setReaderList(e instanceof Error ? e.message : String(e)),
        );
      },
    });
  }
  if (m.body.type === 'txt') {
    const text = m.body.msg;
    actions.push({ id: 'copy', label: s.copyText, run: () => copyText(text) });
  }
  actions.push(
    ...messageFeatureActions(
      m,
      ctx,
      () => setPicking(true),
      (e) => setRecallError(ctx.features.actionFailed(e)),
    ),
  );
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter' || e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      if (actions.length > 0) {
        e.preventDefault();
        setMenuOpen(true);
      }
    }
  };
  const time = formatTime(m.ts, ctx.locale);
  const sender = m.own ? s.you : ctx.name(m.from);
  const cls = [
    'natter-message',
    m.own ? 'natter-message--own' : 'natter-message--other',
    groupStart ? 'natter-message--group-start' : '',
    `natter-message--${m.body.type}`,
    `natter-message--${m.status}`,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={cls}
      data-key={m.key}
      data-natter-message=""
      data-status={m.status}
      tabIndex={ctx.tabStopKey === m.key ? 0 : -1}
      aria-keyshortcuts={actions.length > 0 ? 'Enter Shift+F10' : undefined}
      onFocus={(e) => {
        if (e.target === e.currentTarget) ctx.onRowFocus(m.key);
      }}
      onKeyDown={onKeyDown}
    >
      <span className="natter-visually-hidden">{s.messageFrom(sender, formatDateTime(m.ts, ctx.locale))}: </span>
      <div className={`natter-bubble natter-bubble--${m.body.type}`}>
        {m.message?.forwarded ? (
          <span className="natter-forwarded">{ctx.features.forwarded(ctx.name(m.message.forwarded.from))}</span>
        ) : null}
        {m.message?.reply ? (
          <ReplyQuote
            quote={m.message.reply}
            name={ctx.name(m.message.reply.from)}
            strings={ctx.features}
            onJump={ctx.jumpTo}
          />
        ) : null}
        <MessageBody message={m} ctx={ctx} />
        <span className="natter-message-meta">
          {m.message?.edited ? <span className="natter-edited">{ctx.features.edited}</span> : null}
          <time
            className="natter-message-time"
            dateTime={new Date(m.ts).toISOString()}
            title={formatDateTime(m.ts, ctx.locale)}
            aria-hidden="true"
          >
            {time}
          </time>
          {m.own ? (
            <ReadReceipt status={m.status} readCount={readCount} group={m.chatType !== 'single'} locale={ctx.locale} />
          ) : null}
        </span>
      </div>
      {m.message?.reactions ? (
        <ReactionBar
          reactions={m.message.reactions}
          user={ctx.user}
          strings={ctx.features}
          onToggle={(emoji) => ctx.toggleReaction(m, emoji)}
        />
      ) : null}
      {m.message?.thread && ctx.openThread ? (
        <ThreadSummaryButton
          root={m.message}
          summary={m.message.thread}
          strings={ctx.features}
          onOpen={ctx.openThread}
        />
      ) : null}
      {picking ? (
        <ReactionPicker
          strings={ctx.features}
          onPick={(emoji) => {
            setPicking(false);
            ctx.toggleReaction(m, emoji);
          }}
          onClose={() => setPicking(false)}
        />
      ) : null}
      {m.progress !== null && m.status === 'pending' ? (
        <progress
          className="natter-upload-progress"
          max={1}
          value={m.progress}
          aria-label={s.uploading(Math.round(m.progress * 100))}
        />
      ) : null}
      {m.status === 'failed' ? (
        <div className="natter-message-failed">
          <span role="alert">{m.error ? s.failedWithCode(m.error.code, m.error.message) : s.statusFailed}</span>
          <button type="button" className="natter-button natter-retry" onClick={() => ctx.retry(m.localId)}>
            {s.retry}
          </button>
          <button type="button" className="natter-button natter-discard" onClick={() => ctx.discard(m.localId)}>
            {s.discard}
          </button>
        </div>
      ) : null}
      {readerList !== null ? (
        <div className="natter-message-readers" role="status">
          {readerList}
        </div>
      ) : null}
      {recallError ? (
        <div className="natter-message-error" role="alert">
          {recallError}
        </div>
      ) : null}
      <MessageActions
        actions={actions}
        open={menuOpen}
        onOpenChange={setMenuOpen}
        strings={s}
        menuId={`${ctx.idPrefix}-menu-${m.key}`}
      />
    </div>
  );
}

function EventLine({ message: m, ctx }: { message: ChatMessage; ctx: RowContext }): ReactNode {
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
      <span className="natter-event-text">{text}</span>
      <time className="natter-event-time" dateTime={new Date(m.ts).toISOString()}>
        {formatTime(m.ts, ctx.locale)}
      </time>
    </div>
  );
}

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
      {m.body.type === 'signal' || m.body.type === 'recalled' ? (
        <EventLine message={m} ctx={p.ctx} />
      ) : (
        <MessageView message={m} groupStart={p.groupStart} ctx={p.ctx} />
      )}
      {below ? <AboveBlock above={below} ctx={p.ctx} /> : null}
    </>
  );
});
