// Owns the flat row model the virtualized list draws: messages plus date
// separators, group headers (the sender's name above a run of messages by one
// sender), the unread divider and event lines (calls, recalls). Separators and
// headers are rows of their own so that prepending older messages never changes
// the height of a message already on screen; and `nextLayout` works out how many
// rows were added above the previous first message, which is what Virtuoso's
// `firstItemIndex` needs to keep the visible message exactly in place.
import type { ChatMessage } from '../../react/index';
import { dayKey } from '../i18n/format-time';

export type Row =
  | { kind: 'day'; key: string; ts: number }
  | { kind: 'unread'; key: string }
  | { kind: 'header'; key: string; from: string; own: boolean; ts: number }
  | { kind: 'message'; key: string; message: ChatMessage; groupStart: boolean }
  | { kind: 'event'; key: string; message: ChatMessage };

/** Messages by one sender within this gap (and the same day) form a group. */
export const GROUP_GAP_MS = 5 * 60_000;

/** Where Virtuoso's index space starts; older pages count down from here. */
export const FIRST_INDEX_START = 10_000_000;

/** Shown as a centred line rather than a bubble. */
function isEventLine(m: ChatMessage): boolean {
  return m.body.type === 'signal' || m.body.type === 'recalled';
}

/**
 * Rows for `messages`. `unreadAfterSeq`: put the unread divider before the first message from
 * someone else with a seq above it (null: no divider). `showOwnHeaders`: name headers for own groups too.
 */
export function buildRows(messages: readonly ChatMessage[], unreadAfterSeq: number | null, showHeaders: boolean): Row[] {
  const rows: Row[] = [];
  let lastDay = -1;
  let prev: ChatMessage | null = null;
  let dividerPlaced = unreadAfterSeq === null;
  for (const m of messages) {
    if (m.body.type === 'cmd') continue;
    const day = dayKey(m.ts);
    if (day !== lastDay) {
      rows.push({ kind: 'day', key: `day:${day}`, ts: m.ts });
      lastDay = day;
      prev = null;
    }
    if (!dividerPlaced && !m.own && m.seq !== null && unreadAfterSeq !== null && m.seq > unreadAfterSeq) {
      rows.push({ kind: 'unread', key: 'unread' });
      dividerPlaced = true;
      prev = null;
    }
    if (isEventLine(m)) {
      rows.push({ kind: 'event', key: m.key, message: m });
      prev = null;
      continue;
    }
    const groupStart = prev === null || prev.from !== m.from || m.ts - prev.ts > GROUP_GAP_MS;
    if (groupStart && showHeaders) rows.push({ kind: 'header', key: `head:${m.key}`, from: m.from, own: m.own, ts: m.ts });
    rows.push({ kind: 'message', key: m.key, message: m, groupStart });
    prev = m;
  }
  return rows;
}

export interface Layout {
  messages: readonly ChatMessage[];
  unreadAfterSeq: number | null;
  rows: Row[];
  /** Virtuoso `firstItemIndex` for `rows`. */
  firstItemIndex: number;
}

function firstMessageIndex(rows: readonly Row[]): number {
  for (let i = 0; i < rows.length; i++) if (rows[i]?.kind === 'message' || rows[i]?.kind === 'event') return i;
  return -1;
}

/**
 * The layout for new `messages`, given the previous one. Rows added above the previous first
 * message lower `firstItemIndex` by exactly their number, so that message keeps its index.
 * Pure for equal inputs (returns `prev` itself), so a double render does not shift twice.
 */
export function nextLayout(prev: Layout | null, messages: readonly ChatMessage[], unreadAfterSeq: number | null, showHeaders: boolean): Layout {
  if (prev && prev.messages === messages && prev.unreadAfterSeq === unreadAfterSeq) return prev;
  const rows = buildRows(messages, unreadAfterSeq, showHeaders);
  let firstItemIndex = prev?.firstItemIndex ?? FIRST_INDEX_START;
  if (prev && prev.rows.length > 0 && rows.length > 0) {
    const oldAt = firstMessageIndex(prev.rows);
    const anchorKey = oldAt >= 0 ? prev.rows[oldAt]?.key : undefined;
    if (anchorKey !== undefined && rows[oldAt]?.key !== anchorKey) {
      // Only look for the anchor if it moved; a prepend moves it down.
      let newAt = -1;
      for (let i = 0; i < rows.length; i++) {
        if (rows[i]?.key === anchorKey) {
          newAt = i;
          break;
        }
      }
      if (newAt >= 0) firstItemIndex -= newAt - oldAt;
    }
  }
  return { messages, unreadAfterSeq, rows, firstItemIndex };
}
