// Owns what the list draws around each message, derived lazily for the rows
// being rendered: whether a date separator, the unread divider and a sender
// header go above message i (by comparing it with the message before it), and
// where the unread divider is (a binary search by seq). Nothing here walks the
// whole history, so a list of 100,000 messages costs only its visible rows.
import type { ChatMessage } from '../../react';

/** Messages by one sender within this gap (and the same day) form a group. */
const GROUP_GAP_MS = 5 * 60_000;

/** What goes above one message, in this order: date separator, unread divider, sender header. */
export interface Above {
  /** Timestamp to label the date separator with, or null for none. */
  dayTs: number | null;
  unread: boolean;
  /** The sender header of a new group (null inside a group and above event lines). */
  header: { from: string; own: boolean } | null;
}

/** Local calendar day of `ts` as an integer (days since the epoch in the local time zone). */
function localDay(ts: number): number {
  return Math.floor((ts - new Date(ts).getTimezoneOffset() * 60_000) / 86_400_000);
}

/** Shown as a centred line rather than a bubble. */
function isEventLine(m: ChatMessage): boolean {
  return m.body.type === 'signal' || m.body.type === 'recalled';
}

/** Command messages are not shown at all. */
function isHidden(m: ChatMessage): boolean {
  return m.body.type === 'cmd';
}

/** The nearest shown message before index i, or null. */
function previousShown(messages: readonly ChatMessage[], i: number): ChatMessage | null {
  for (let j = i - 1; j >= 0; j--) {
    const m = messages[j] as ChatMessage;
    if (!isHidden(m)) return m;
  }
  return null;
}

/**
 * Index of the message the unread divider goes above: the first message from someone else
 * with a seq above `unreadAfterSeq` (stored messages ascend by seq; pending ones, at the end,
 * are one's own). -1 for none.
 */
export function dividerIndex(messages: readonly ChatMessage[], unreadAfterSeq: number | null): number {
  if (unreadAfterSeq === null) return -1;
  let lo = 0;
  let hi = messages.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const seq = (messages[mid] as ChatMessage).seq;
    if (seq !== null && seq <= unreadAfterSeq) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < messages.length; i++) {
    const m = messages[i] as ChatMessage;
    if (m.seq === null) return -1;
    if (!m.own && !isHidden(m)) return i;
  }
  return -1;
}

/** What goes above message i (null for a hidden message or an index out of range). */
export function aboveOf(messages: readonly ChatMessage[], i: number, divider: number): Above | null {
  const m = messages[i];
  if (!m || isHidden(m)) return null;
  const prev = previousShown(messages, i);
  const newDay = prev === null || localDay(prev.ts) !== localDay(m.ts);
  const unread = i === divider;
  const groupStart =
    newDay || unread || prev === null || isEventLine(prev) || prev.from !== m.from || m.ts - prev.ts > GROUP_GAP_MS;
  return {
    dayTs: newDay ? m.ts : null,
    unread,
    header: groupStart && !isEventLine(m) ? { from: m.from, own: m.own } : null,
  };
}

/** aboveOf for the rows of one render: what goes above each drawn message and the one after it, each computed once. */
export function abovesOf(messages: readonly ChatMessage[], divider: number): (i: number) => Above | null {
  const cache = new Map<number, Above | null>();
  return (i) => {
    let a = cache.get(i);
    if (a === undefined) {
      a = aboveOf(messages, i, divider);
      cache.set(i, a);
    }
    return a;
  };
}

/** Index of the next shown message after `from` in direction `step` (±1), or -1. */
export function nextShownIndex(messages: readonly ChatMessage[], from: number, step: 1 | -1): number {
  for (let i = from + step; i >= 0 && i < messages.length; i += step)
    if (!isHidden(messages[i] as ChatMessage)) return i;
  return -1;
}
