// Owns the virtualizer's item keys: a number per message that stays the same
// while older pages are prepended (like Virtuoso's firstItemIndex: the key of
// index i is base + i, and the base drops by the number of messages added
// above the previous first one). Computing a key is one addition, so the
// virtualizer's passes over every index cost nothing per message; and a pending
// send keeps its key when the server stores it (same place in the list).
import { useCallback, useRef } from 'react';
import type { ChatMessage } from '../../react';

const BASE_START = 1_000_000_000;

/**
 * Where the previous first message (`first`, of a list `prevLength` long) now is in `messages`
 * (0 when it was not moved or is gone). Only the new list is read.
 */
function shiftOf(first: ChatMessage | undefined, prevLength: number, messages: readonly ChatMessage[]): number {
  if (first === undefined || messages.length === 0) return 0;
  if (messages[0] === first) return 0;
  const guess = messages.length - prevLength;
  if (guess > 0 && messages[guess] === first) return guess;
  if (first.seq === null) return 0;
  // Stored messages ascend by seq: find the old first one's seq (its view may be a new object).
  let lo = 0;
  let hi = messages.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const seq = (messages[mid] as ChatMessage).seq;
    if (seq === first.seq) return mid;
    if (seq !== null && seq < first.seq) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

export interface ItemKeys {
  getItemKey(index: number): number;
  /** Key of the message that was first before the latest prepend: every smaller key was prepended above it. */
  prependedBelow: number;
}

interface KeyState {
  messages: readonly ChatMessage[];
  first: ChatMessage | undefined;
  base: number;
  prependedBelow: number;
}

export function useItemKeys(messages: readonly ChatMessage[]): ItemKeys {
  const state = useRef<KeyState>({ messages, first: messages[0], base: BASE_START, prependedBelow: BASE_START });
  const prev = state.current;
  if (prev.messages !== messages) {
    const shift = shiftOf(prev.first, prev.messages.length, messages);
    state.current = {
      messages,
      first: messages[0],
      base: prev.base - shift,
      prependedBelow: shift > 0 ? prev.base : prev.prependedBelow,
    };
  }
  const { base, prependedBelow } = state.current;
  const getItemKey = useCallback((index: number) => base + index, [base]);
  return { getItemKey, prependedBelow };
}
