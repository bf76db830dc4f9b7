// Owns marking a conversation read while its newest message is on screen: once
// the bottom has stayed in view a moment (not while scrolling past), once per
// new last seq, never in a hidden tab, and again after a failed attempt.
import { useEffect, useRef } from 'react';

/** How long the bottom must stay on screen before the conversation counts as read. */
const MARK_READ_DELAY_MS = 300;

export interface MarkReadOnView {
  enabled: boolean;
  /** The list has opened (nothing is marked before the reader saw where it opened). */
  opened: boolean;
  atBottom: boolean;
  unread: number;
  lastSeq: number;
  markRead(): Promise<unknown>;
}

export function useMarkReadOnView({ enabled, opened, atBottom, unread, lastSeq, markRead }: MarkReadOnView): void {
  const markedSeq = useRef(-1);
  useEffect(() => {
    if (!enabled || !opened || !atBottom || unread === 0 || markedSeq.current >= lastSeq) return;
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
    const t = setTimeout(() => {
      markedSeq.current = lastSeq;
      markRead().catch(() => {
        markedSeq.current = -1;
      });
    }, MARK_READ_DELAY_MS);
    return () => clearTimeout(t);
  }, [enabled, opened, atBottom, unread, lastSeq, markRead]);
}
