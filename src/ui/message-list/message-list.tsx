// Owns MessageList: one conversation's messages in a react-virtuoso list built
// on useConversation and useReadReceipts. Older pages load at the top with
// `firstItemIndex` keeping the visible message still; new messages are followed
// only at the bottom, otherwise counted on a "N new messages" button. The list
// is a `role="log"`; message rows are one roving tab stop moved with arrow keys.
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { Virtuoso, type VirtuosoHandle } from 'react-virtuoso';
import type { CustomEmojiMap, ShortcodeTable } from '../../emoji/index';
import type { ConversationId } from '../../protocol/ids';
import type { LocationBody } from '../../protocol/message';
import { useChatClient, useChatSelector, useConversation, useReadReceipts, type ChatMessage } from '../../react/index';
import type { Locale } from '../i18n/locale';
import { useLocale, useStrings } from '../i18n/locale-provider';
import { nextLayout, type Layout, type Row } from './build-rows';
import { ImageLightbox, type LightboxImage } from './image-lightbox';
import { ListHeader } from './list-header';
import { RowView, type RowContext } from './message-row';
import { firstVisibleMessageIndex, lastMessageKey, nextMessageIndex, scrollerOf, tryFocus } from './row-navigation';
import { useNewMessages } from './use-new-messages';
import { useScrollAnchor } from './use-scroll-anchor';

export interface MessageListProps {
  conversationId: ConversationId;
  /** Overrides the LocaleProvider's locale. */
  locale?: Locale;
  /** Messages per history page (default 30). */
  pageSize?: number;
  /** Custom image emoji maps for text (keep the object stable). */
  customEmoji?: CustomEmojiMap | readonly CustomEmojiMap[];
  /** `:shortcode:` table for text (e.g. from `loadShortcodeTable()`). */
  shortcodes?: ShortcodeTable | Readonly<Record<string, string>> | null;
  /** Draws the inside of a custom message's bubble. */
  renderCustom?: (message: ChatMessage) => ReactNode;
  /** Display name of a user id (default: the id). */
  displayName?: (userId: string) => string;
  /** Map link for a location (default: OpenStreetMap). */
  mapUrl?: (location: LocationBody) => string | null;
  /** Mark the conversation read while its newest message is on screen (default true). */
  markReadOnView?: boolean;
  /** Accessible name of the log (default: localized "Messages"). */
  'aria-label'?: string;
  className?: string;
  style?: CSSProperties;
}

const identity = (u: string) => u;
const DEFAULT_RECALL_WINDOW_MS = 120_000;
const MARK_READ_DELAY_MS = 300;

/** The virtualized message log of one conversation. */
export function MessageList(props: MessageListProps): ReactNode {
  const { conversationId, pageSize, customEmoji, shortcodes, renderCustom, displayName = identity, mapUrl, markReadOnView = true } = props;
  const locale = useLocale(props.locale);
  const strings = useStrings(props.locale).messageList;
  const conv = useConversation(conversationId, pageSize !== undefined ? { pageSize } : {});
  const receipts = useReadReceipts(conversationId);
  const client = useChatClient();
  const idPrefix = useId();
  const virtuoso = useRef<VirtuosoHandle>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  // The unread divider sits where unread started when the conversation was opened, and stays there.
  const dividerRef = useRef<number | null | undefined>(undefined);
  if (dividerRef.current === undefined && conv.conversation) dividerRef.current = conv.unread > 0 ? conv.conversation.readSeq : null;
  const layoutRef = useRef<Layout | null>(null);
  const layout = useMemo(() => nextLayout(layoutRef.current, conv.messages, dividerRef.current ?? null, true), [conv.messages, dividerRef.current]);
  const anchor = useScrollAnchor(rootRef);
  // Note where the top message is before Virtuoso draws the prepended rows (reading the DOM as it still is).
  if (layoutRef.current && layout.firstItemIndex < layoutRef.current.firstItemIndex) anchor.capture();
  layoutRef.current = layout;
  const { rows, firstItemIndex } = layout;
  useLayoutEffect(() => anchor.hold(), [firstItemIndex, anchor]);

  // It opens at the unread divider when there is one (so unread messages are not skipped), else at
  // the newest. It waits for the conversation's read marker (or for the list to say there is none).
  const listLoaded = useChatSelector((s) => s.conversations.loaded);
  const started = useRef(false);
  const initialIndex = useRef<{ index: number | 'LAST'; align: 'start' | 'end' }>({ index: 'LAST', align: 'end' });
  if (!started.current && (conv.conversation !== undefined || listLoaded) && (rows.length > 0 || conv.historyLoaded)) {
    started.current = true;
    const divider = rows.findIndex((r) => r.kind === 'unread');
    if (divider >= 0) initialIndex.current = { index: divider, align: 'start' };
  }

  // Not at the bottom when opened at the divider (so nothing is marked read before it is seen).
  const [atBottom, setAtBottom] = useState(true);
  const [openedAt, setOpenedAt] = useState<number | 'LAST' | null>(null);
  if (started.current && openedAt === null) {
    setOpenedAt(initialIndex.current.index);
    if (initialIndex.current.index !== 'LAST') setAtBottom(false);
  }
  const { newCount, announcement, clearNew, lastOwnKey } = useNewMessages(rows, atBottom, displayName, strings);
  const [lightbox, setLightbox] = useState<LightboxImage | null>(null);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const focusWanted = useRef<string | null>(null);

  const jumpToLatest = useCallback(() => {
    virtuoso.current?.scrollToIndex({ index: 'LAST', align: 'end', behavior: 'auto' });
    clearNew();
  }, [clearNew]);

  // Own sends always bring the list down to them (only when a new own message arrives, not when atBottom changes).
  const atBottomRef = useRef(atBottom);
  atBottomRef.current = atBottom;
  useEffect(() => {
    if (lastOwnKey !== null && !atBottomRef.current) jumpToLatest();
  }, [lastOwnKey, jumpToLatest]);

  // Reading at the bottom marks the conversation read (once per new last seq).
  const markedSeq = useRef(-1);
  const lastSeq = conv.conversation?.lastSeq ?? 0;
  const { markRead, unread } = conv;
  useEffect(() => {
    if (!markReadOnView || openedAt === null || !atBottom || unread === 0 || markedSeq.current >= lastSeq) return;
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
    // Only once the bottom has stayed on screen a moment: Virtuoso may report "at bottom" while it
    // is still scrolling to where the list opens.
    const t = setTimeout(() => {
      markedSeq.current = lastSeq;
      markRead().catch(() => {
        markedSeq.current = -1;
      });
    }, MARK_READ_DELAY_MS);
    return () => clearTimeout(t);
  }, [markReadOnView, openedAt, atBottom, unread, lastSeq, markRead]);

  const { retry, discard, recall, hasMore, loadingHistory, loadOlder } = conv;
  // Read counts come with each message's view; the readers query is reached through a ref so a
  // new receipt does not re-render every visible row.
  const readersRef = useRef(receipts.readers);
  readersRef.current = receipts.readers;
  const tabStopKey = activeKey !== null && rows.some((r) => r.key === activeKey) ? activeKey : lastMessageKey(rows);
  const limits = client.limits;
  const ctx = useMemo<RowContext>(
    () => ({
      strings,
      locale,
      customEmoji,
      shortcodes,
      renderCustom,
      mapUrl,
      name: displayName,
      now: () => client.serverNow(),
      recallWindowMs: limits?.recallWindowMs ?? DEFAULT_RECALL_WINDOW_MS,
      recallEnabled: limits?.recallEnabled ?? true,
      retry: (localId) => void retry(localId),
      discard,
      recall,
      readers: (serverId) => readersRef.current(serverId),
      hasMore,
      loadingHistory,
      tabStopKey,
      onRowFocus: setActiveKey,
      idPrefix,
      openImage: (m, url, trigger) => setLightbox({ url, name: 'name' in m.body && typeof m.body.name === 'string' ? m.body.name : '', returnFocus: trigger }),
    }),
    [strings, locale, customEmoji, shortcodes, renderCustom, mapUrl, displayName, client, limits, retry, discard, recall, hasMore, loadingHistory, tabStopKey, idPrefix],
  );

  const startReached = useCallback(() => {
    if (hasMore && !loadingHistory) void loadOlder();
  }, [hasMore, loadingHistory, loadOlder]);

  // Arrow keys move the roving tab stop between messages; the virtualizer brings the target into view.
  const focusRow = useCallback(
    (index: number) => {
      const row = rows[index];
      if (!row) return;
      focusWanted.current = row.key;
      setActiveKey(row.key);
      virtuoso.current?.scrollIntoView({ index, behavior: 'auto' });
      tryFocus(rootRef.current, row.key, focusWanted, 20);
    },
    [rows],
  );
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (!['ArrowUp', 'ArrowDown', 'Home', 'End'].includes(e.key)) return;
    const onRow = target.hasAttribute('data-natter-message');
    if (!onRow && target !== scrollerOf(rootRef.current)) return;
    const from = onRow ? rows.findIndex((r) => r.key === target.getAttribute('data-key')) : -1;
    const step = e.key === 'ArrowUp' ? -1 : 1;
    let i: number;
    if (e.key === 'Home') i = nextMessageIndex(rows, -1, 1);
    else if (e.key === 'End') i = nextMessageIndex(rows, rows.length, -1);
    else if (from < 0) i = firstVisibleMessageIndex(rootRef.current, rows) ?? nextMessageIndex(rows, rows.length, -1);
    else i = nextMessageIndex(rows, from, step);
    if (i < 0) return;
    e.preventDefault();
    focusRow(i);
  };

  const itemContent = useCallback((_: number, row: Row, c: RowContext) => <RowView row={row} ctx={c} />, []);
  const computeItemKey = useCallback((_: number, row: Row) => row.key, []);
  const cls = ['natter-message-list', props.className ?? ''].filter(Boolean).join(' ');

  return (
    <div ref={rootRef} className={cls} style={props.style} role="log" aria-label={props['aria-label'] ?? strings.logLabel} aria-live="off" onKeyDown={onKeyDown}>
      {!started.current ? (
        <div className="natter-message-list-status">{conv.historyError ? strings.historyError : strings.loadingOlder}</div>
      ) : rows.length === 0 ? (
        <div className="natter-message-list-status">{strings.empty}</div>
      ) : (
        <Virtuoso<Row, RowContext>
          ref={virtuoso}
          className="natter-message-list-scroller"
          data={rows}
          context={ctx}
          firstItemIndex={firstItemIndex}
          initialTopMostItemIndex={initialIndex.current}
          computeItemKey={computeItemKey}
          itemContent={itemContent}
          startReached={startReached}
          followOutput={(bottom) => (bottom ? 'auto' : false)}
          atBottomStateChange={setAtBottom}
          atBottomThreshold={32}
          increaseViewportBy={{ top: 200, bottom: 200 }}
          components={{ Header: ListHeader }}
          tabIndex={0}
        />
      )}
      {newCount > 0 && !atBottom ? (
        <button type="button" className="natter-jump-button" onClick={jumpToLatest} aria-label={`${strings.newMessages(newCount)}. ${strings.jumpToLatest}`}>
          {strings.newMessages(newCount)}
        </button>
      ) : null}
      {conv.historyError && started.current ? (
        <div className="natter-history-error" role="alert">
          {strings.historyError}{' '}
          <button type="button" className="natter-button" onClick={() => void loadOlder()}>
            {strings.retryHistory}
          </button>
        </div>
      ) : null}
      <div className="natter-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
      {lightbox ? <ImageLightbox image={lightbox} strings={strings} onClose={() => setLightbox(null)} /> : null}
    </div>
  );
}
