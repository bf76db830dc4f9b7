// Owns ThreadPanel: one thread beside its conversation — the root message,
// its replies oldest first (earlier pages on request), and a box to reply in
// it (Enter sends, Shift+Enter adds a line). A complementary region named
// "Thread"; focus starts in the reply box, Escape or the close button closes
// it. A reply that fails is announced and its text is kept. While open and
// scrolled to the newest reply, the thread is marked read on every device;
// its unread count shows beside the title until then.
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ConversationId } from '../../protocol/ids';
import type { Message } from '../../protocol/message';
import { useThread } from '../../react';
import { EmojiText } from '../emoji-text';
import { formatDateTime, formatTime, useLocale, useStrings, type Locale } from '../i18n';

export interface ThreadPanelProps {
  conversationId: ConversationId;
  /** The thread's root message. */
  root: Message;
  onClose(): void;
  displayName?(userId: string): string;
  locale?: Locale;
  className?: string;
}

const identity = (u: string) => u;
/** How close to the end of the replies counts as "at the bottom" (sub-pixel scroll positions). */
const AT_BOTTOM_PX = 8;

function ThreadMessage({
  message: m,
  name,
  locale,
  recalled,
}: {
  message: Message;
  name: string;
  locale: Locale;
  recalled: string;
}): ReactNode {
  return (
    <>
      <span className="natter-thread__from">{name}</span>{' '}
      <time
        className="natter-thread__time"
        dateTime={new Date(m.ts).toISOString()}
        title={formatDateTime(m.ts, locale)}
      >
        {formatTime(m.ts, locale)}
      </time>
      <div className="natter-thread__text">
        {m.body.type === 'recalled' ? (
          recalled
        ) : m.body.type === 'txt' ? (
          <EmojiText text={m.body.msg} />
        ) : (
          `[${m.body.type}]`
        )}
      </div>
    </>
  );
}

export function ThreadPanel({
  conversationId,
  root,
  onClose,
  displayName = identity,
  locale,
  className,
}: ThreadPanelProps): ReactNode {
  const all = useStrings(locale);
  const t = all.features;
  const loc = useLocale(locale);
  const thread = useThread(conversationId, root.serverId);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const { unread, markRead } = thread;
  // Read while open and scrolled to the newest reply: checked when the count changes and on scroll.
  const markIfAtBottom = useCallback(() => {
    const el = body.current;
    if (!el || unread === 0) return;
    if (el.scrollHeight - el.scrollTop - el.clientHeight > AT_BOTTOM_PX) return;
    markRead().catch(() => undefined);
  }, [unread, markRead]);
  useEffect(markIfAtBottom, [markIfAtBottom, thread.replies.length]);
  // Focus goes to the reply box, and back to where it was (the message's row) when the panel closes.
  useEffect(() => {
    const before = box.current?.ownerDocument.activeElement;
    box.current?.focus();
    return () => {
      if (before instanceof HTMLElement) before.focus();
    };
  }, [root.serverId]);

  const send = () => {
    const body = text.trim();
    if (!body) return;
    setError(null);
    setText('');
    thread.reply(body).catch((e: unknown) => {
      setText(body);
      setError(t.actionFailed(e instanceof Error ? e.message : String(e)));
    });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
    e.preventDefault();
    send();
  };

  return (
    <aside
      className={['natter-thread', className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onClose();
      }}
    >
      <header className="natter-thread__header">
        <h3 id={titleId} className="natter-thread__title">
          {t.thread}
        </h3>
        {unread > 0 ? <span className="natter-thread__unread">{t.threadUnread(unread)}</span> : null}
        <button
          type="button"
          className="natter-thread__close"
          aria-label={t.closeThread}
          title={t.closeThread}
          onClick={onClose}
        >
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div className="natter-thread__body" ref={body} onScroll={markIfAtBottom}>
        <div className="natter-thread__root">
          <ThreadMessage
            message={root}
            name={displayName(root.from)}
            locale={loc}
            recalled={all.messageList.recalled}
          />
        </div>
        {thread.hasMore ? (
          <button type="button" className="natter-button natter-thread__older" onClick={() => void thread.loadOlder()}>
            {t.threadLoadOlder}
          </button>
        ) : null}
        {thread.replies.length > 0 ? (
          <ol className="natter-thread__replies" aria-label={t.threadReplies(thread.replies.length)}>
            {thread.replies.map((m) => (
              <li key={m.serverId} className="natter-thread__reply">
                <ThreadMessage
                  message={m}
                  name={displayName(m.from)}
                  locale={loc}
                  recalled={all.messageList.recalled}
                />
              </li>
            ))}
          </ol>
        ) : thread.loading ? null : (
          <p className="natter-thread__empty">{t.threadEmpty}</p>
        )}
      </div>
      {error ? (
        <p className="natter-thread__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="natter-thread__compose">
        <textarea
          ref={box}
          className="natter-thread__input"
          aria-label={t.threadReplyLabel}
          rows={2}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="natter-input__send" disabled={text.trim() === ''} onClick={send}>
          {t.send}
        </button>
      </div>
    </aside>
  );
}
