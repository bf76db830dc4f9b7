// Owns one message drawn as a bubble: its screen-reader label, forward and
// reply lines, body, edit mark, the mark of this user's changes not sent yet
// and the notices of those the server refused, time and status mark, the sender's avatar in
// group conversations, reactions, thread summary, upload progress, failure
// with Retry and Discard, who read it, and the actions menu (opened from the
// row with Enter, the Menu key or Shift+F10).
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ChatMessage } from '../../react';
import { formatDateTime, formatTime } from '../i18n/format-time';
import { ReadReceipt } from '../read-receipt/read-receipt';
import { PendingMark, RefusedNotes } from './change-notes';
import { MessageActions } from './message-actions';
import { MessageBody } from './message-body';
import { ReactionBar, ReactionPicker } from './reaction-bar';
import { ReplyQuote } from './reply-quote';
import { rowActions } from './row-actions';
import type { RowContext } from './row-context';
import { SenderAvatar } from './sender-avatar';
import { ThreadSummaryButton } from './thread-summary';

export function ShownMessage({
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
  const [actionError, setActionError] = useState<string | null>(null);
  const [readerList, setReaderList] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const actions = rowActions(m, ctx, {
    failed: setActionError,
    readers: setReaderList,
    pickReaction: () => setPicking(true),
  });
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter' || e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      if (actions.length > 0) {
        e.preventDefault();
        setMenuOpen(true);
      }
    }
  };
  const sender = m.own ? s.you : ctx.name(m.from);
  // In a group (or room) others' bubbles sit beside a gutter holding the avatar of each run's sender.
  const gutter = !m.own && m.chatType !== 'single';
  const cls = [
    'natter-message',
    m.own ? 'natter-message--own' : 'natter-message--other',
    groupStart ? 'natter-message--group-start' : '',
    gutter ? 'natter-message--gutter' : '',
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
      {gutter && groupStart ? <SenderAvatar user={m.from} name={sender} /> : null}
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
          <PendingMark message={m} strings={ctx.features} />
          <time
            className="natter-message-time"
            dateTime={new Date(m.ts).toISOString()}
            title={formatDateTime(m.ts, ctx.locale)}
            aria-hidden="true"
          >
            {formatTime(m.ts, ctx.locale)}
          </time>
          {m.own ? (
            <ReadReceipt
              status={m.status}
              readCount={m.readCount}
              group={m.chatType !== 'single'}
              locale={ctx.locale}
            />
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
      <RefusedNotes message={m} strings={ctx.features} onDismiss={ctx.dismissChange} />
      {m.status === 'failed' && !m.waiting ? (
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
      {actionError ? (
        <div className="natter-message-error" role="alert">
          {actionError}
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
