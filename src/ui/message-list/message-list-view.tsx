// Owns MessageListView: the log of the messages MessageList gives it (the live
// conversation or a jump's history window), virtualized with
// @tanstack/react-virtual. One virtual item per message of the history window
// (the newest loaded messages, grown as the reader goes up:
// use-history-window.ts); what goes above a message (date separator, unread
// divider, sender header) is drawn at the bottom of the item before it, so
// loading older pages only ever adds items above and the virtualizer's end
// anchoring keeps the visible message in place. New messages are followed
// only at the bottom, otherwise counted on a "N new messages" button. Nothing
// is computed per message over the history: facts are derived for the
// rendered indices only. The list is a `role="log"`; message rows are one
// roving tab stop moved with arrow keys.
import type { VirtualItem } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import {
  useDisplayName,
  useGroupReaders,
  useServerClock,
  useServerLimits,
  type ChatMessage,
  type ConversationResult,
} from '../../react';
import { useLocale, useStrings } from '../i18n/locale-provider';
import { lazyChunk, useLazyChunk } from '../lazy-chunk';
import type { LightboxImage } from './image-lightbox';
import type { MessageListProps } from './message-list-props';
import { ListHeader } from './list-header';
import { ListNotices } from './list-notices';
import { ListRows } from './list-rows';
import { useRowContext } from './use-row-context';
import { abovesOf, nextShownIndex } from './row-facts';
import { useMessageVirtualizer } from './use-message-virtualizer';
import { useHistoryWindow } from './use-history-window';
import { useListScroll } from './use-list-scroll';
import { useOpenPosition } from './use-open-position';
import { useItemKeys } from './use-item-keys';
import { useMarkReadOnView } from './use-mark-read-on-view';
import { useRowKeyboard } from './use-row-keyboard';
import { useFeatureRowContext } from './use-feature-row-context';
import { useNewMessages } from './use-new-messages';
import { useOpening } from './use-opening';
import { useEdgePaging } from './use-edge-paging';
import type { JumpWindow } from './use-jump-window';
import { useShownNames } from './use-shown-names';

// The lightbox is code an app needs only once an image is opened: loaded then, outside the list's bundle.
const lightboxChunk = lazyChunk(() => import('./image-lightbox'), 'image viewer');
/** The log drawn from `conv` (the live list, or a jump's window with `window` set). */
export function MessageListView(
  props: MessageListProps & { conv: ConversationResult; window?: JumpWindow },
): ReactNode {
  const { customEmoji, shortcodes, renderCustom, mapUrl, markReadOnView = true, conv, window: jump } = props;
  const profileName = useDisplayName();
  // Rows re-render for a name only when one they show changed (not for every profile that arrives).
  const displayName = useShownNames(props.displayName ?? profileName);
  const locale = useLocale(props.locale);
  const strings = useStrings(props.locale).messageList;
  // Each message's view already carries its status and read count; only who read a group message is fetched.
  const readers = useGroupReaders();
  const serverNow = useServerClock();
  const limits = useServerLimits();
  const idPrefix = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const messages = conv.messages;
  const n = messages.length;

  const {
    atBottom,
    atBottomRef,
    setAtBottom,
    onScroll,
    divider,
    markerKnown,
    markerLate,
    started,
    live,
    openAt,
    opened,
  } = useOpenPosition(conv, jump, scrollerRef);

  // A page loaded below a jump's window (the last one included, which reaches the newest) is history,
  // not new messages: neither followed nor counted. `atNewestBefore` is as of the previous commit.
  const atNewest = !jump?.hasNewer;
  const atNewestBefore = useRef(atNewest);
  useEffect(() => {
    atNewestBefore.current = atNewest;
  });

  const keys = useItemKeys(messages);
  const win = useHistoryWindow({
    live,
    count: n,
    openAt,
    base: keys.getItemKey(0),
    prependedBelow: keys.prependedBelow,
  });
  const prependedBelowRef = useRef(win.prependedBelow);
  prependedBelowRef.current = win.prependedBelow;
  const virtualizer = useMessageVirtualizer({
    live,
    count: n - win.start,
    scrollerRef,
    getItemKey: win.getItemKey,
    prependedBelowRef,
    follow: atNewest && atNewestBefore.current,
    openAt: openAt === 'end' ? 'end' : openAt - win.start,
  });
  const scroll = useListScroll(virtualizer, win);

  const { stop: stopOpening, onInteract } = useOpening({
    live,
    openAt,
    markerLate,
    markerKnown,
    divider,
    virtualizer: scroll,
    scrollerRef,
    onDividerLate: () => setAtBottom(false),
    ...(jump ? { openSelector: `[data-index="${openAt}"]` } : {}),
  });

  const { newCount, announcement, clearNew, lastOwnKey } = useNewMessages(
    messages,
    atBottom,
    atNewest,
    displayName,
    strings,
  );
  const [lightbox, setLightbox] = useState<LightboxImage | null>(null);
  const lightboxModule = useLazyChunk(lightboxChunk, lightbox?.url);
  const [activeKey, setActiveKey] = useState<string | null>(null);

  const jumpToLatest = useCallback(() => {
    stopOpening();
    if (jump) return jump.onLatest();
    virtualizer.scrollToEnd();
    clearNew();
  }, [stopOpening, virtualizer, clearNew, jump]);

  // Own sends always bring the list down to them (only when a new own message arrives, not when atBottom changes).
  useEffect(() => {
    if (lastOwnKey !== null && !atBottomRef.current) jumpToLatest();
  }, [lastOwnKey, jumpToLatest, atBottomRef]);

  // Marking a group read is also its read receipt: the server counts the ack for every message in the
  // newly read range that asked for one (group-read-on-ack.ts), so no per-message request is sent.
  const markRead = conv.markRead;
  useMarkReadOnView({
    enabled: markReadOnView && atNewest,
    opened,
    atBottom,
    unread: conv.unread,
    lastSeq: conv.conversation?.lastSeq ?? 0,
    markRead,
  });

  const { retry, discard, recall, hasMore, loadingHistory, loadOlder } = conv;
  const lastShown = nextShownIndex(messages, n, -1);
  const tabStopKey = activeKey ?? (lastShown >= 0 ? (messages[lastShown] as ChatMessage).key : null);
  const scrollToIndex = useCallback((i: number) => scroll.scrollToIndex(i, { align: 'center' }), [scroll]);
  const focusKey = useCallback((key: string) => {
    setActiveKey(key);
    requestAnimationFrame(() =>
      scrollerRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus(),
    );
  }, []);
  const features = useFeatureRowContext(
    props.conversationId,
    locale,
    messages,
    scrollToIndex,
    focusKey,
    props.onJumpRequest,
    displayName,
    props.onOpenThread,
    props.onForward,
  );
  const ctx = useRowContext({
    features,
    strings,
    locale,
    customEmoji,
    shortcodes,
    renderCustom,
    mapUrl,
    displayName,
    serverNow,
    limits,
    retry,
    discard,
    recall,
    readers,
    tabStopKey,
    setActiveKey,
    idPrefix,
    setLightbox,
  });

  const items = virtualizer.getVirtualItems();
  // Message indices. The marks above the first item (in the fixed-height top) are drawn only once it is.
  const firstDrawn = items.length ? win.start + (items[0] as VirtualItem).index : -1;
  const lastDrawn = items.length ? win.start + (items[items.length - 1] as VirtualItem).index : -1;
  useEdgePaging({ live, firstDrawn, lastDrawn, count: n, hasMore, loadingHistory, loadOlder, jump, window: win });

  // Arrow keys move the roving tab stop between messages; the virtualizer brings the target into view.
  const onKeyDown = useRowKeyboard({
    messages,
    rootRef,
    setActiveKey,
    scrollToIndex: (index) => {
      stopOpening();
      scroll.scrollToIndex(index, { align: 'auto' });
    },
  });

  const above = abovesOf(messages, divider);
  const group = props.conversationId.startsWith('single:') ? '' : 'natter-message-list--group';
  const cls = ['natter-message-list', group, props.className ?? ''].filter(Boolean).join(' ');

  return (
    <div
      ref={rootRef}
      className={cls}
      style={props.style}
      role="log"
      aria-label={props['aria-label'] ?? strings.logLabel}
      aria-live="off"
      onKeyDown={onKeyDown}
    >
      {!started ? (
        <div className="natter-message-list-status">
          {conv.historyError ? strings.historyError : strings.loadingOlder}
        </div>
      ) : n === 0 ? (
        <div className="natter-message-list-status">{strings.empty}</div>
      ) : (
        <div
          ref={scrollerRef}
          className="natter-message-list-scroller"
          // A scrolling region is reachable from the keyboard (axe: scrollable-region-focusable).
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          onScroll={onScroll}
          onWheel={onInteract}
          onTouchMove={onInteract}
          onPointerDown={onInteract}
          onKeyDown={onInteract}
        >
          <div className="natter-list-items" style={{ height: virtualizer.getTotalSize() }}>
            <ListHeader
              hasMore={hasMore || win.start > 0}
              loadingHistory={loadingHistory}
              above={firstDrawn >= 0 && firstDrawn === win.start ? above(win.start) : null}
              ctx={ctx}
            />
            <ListRows
              items={items}
              start={win.start}
              messages={messages}
              above={above}
              measure={virtualizer.measureElement}
              jumpTarget={jump ? jump.targetIndex : null}
              ctx={ctx}
            />
          </div>
        </div>
      )}
      <ListNotices
        strings={strings}
        inJump={jump !== undefined}
        newCount={newCount > 0 && !atBottom ? newCount : 0}
        onJumpToLatest={jumpToLatest}
        historyError={Boolean(conv.historyError) && started}
        onRetryHistory={() => void loadOlder()}
        announcement={announcement}
      />
      {lightbox && lightboxModule ? (
        <lightboxModule.ImageLightbox image={lightbox} strings={strings} onClose={() => setLightbox(null)} />
      ) : null}
    </div>
  );
}
