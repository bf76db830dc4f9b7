// Owns the message list's arrow-key navigation: Up/Down move the roving tab
// stop to the previous/next shown message, Home/End to the first/last; from the
// scroller itself, Up/Down start at the first message on screen. The
// virtualizer brings the target into view, then the row is focused once drawn.
import { useRef, type KeyboardEvent, type RefObject } from 'react';
import type { ChatMessage } from '../../react';
import { nextShownIndex } from './row-facts';
import { firstVisibleMessageIndex, scrollerOf, tryFocus } from './row-navigation';

export interface RowKeyboardOptions {
  messages: readonly ChatMessage[];
  rootRef: RefObject<HTMLElement | null>;
  /** The row that holds the tab stop. */
  setActiveKey(key: string): void;
  /** Scrolls until message `index` is drawn. */
  scrollToIndex(index: number): void;
}

export function useRowKeyboard({
  messages,
  rootRef,
  setActiveKey,
  scrollToIndex,
}: RowKeyboardOptions): (e: KeyboardEvent<HTMLElement>) => void {
  const focusWanted = useRef<string | null>(null);
  return (e) => {
    if (!['ArrowUp', 'ArrowDown', 'Home', 'End'].includes(e.key)) return;
    const target = e.target as HTMLElement;
    const onRow = target.hasAttribute('data-natter-message');
    if (!onRow && target !== scrollerOf(rootRef.current)) return;
    const n = messages.length;
    const from = onRow ? Number(target.closest('[data-index]')?.getAttribute('data-index') ?? -1) : -1;
    let i: number;
    if (e.key === 'Home') i = nextShownIndex(messages, -1, 1);
    else if (e.key === 'End') i = nextShownIndex(messages, n, -1);
    else if (from < 0) i = firstVisibleMessageIndex(rootRef.current) ?? nextShownIndex(messages, n, -1);
    else i = nextShownIndex(messages, from, e.key === 'ArrowUp' ? -1 : 1);
    const m = i >= 0 ? messages[i] : undefined;
    if (!m) return;
    e.preventDefault();
    focusWanted.current = m.key;
    setActiveKey(m.key);
    scrollToIndex(i);
    tryFocus(rootRef.current, m.key, focusWanted, 20);
  };
}
