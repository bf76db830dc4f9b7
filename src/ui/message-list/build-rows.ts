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

/** dayKey, computed once per calendar day in a run of timestamps (consecutive messages share a day). */
let dayFrom = Infinity;
let dayTo = -Infinity;
let dayMemo = -1;
function dayOf(ts: number): number {
  if (ts >= dayFrom && ts < dayTo) return dayMemo;
  const d = new Date(ts);
  d.setHours(0, 0, 0, 0);
  dayFrom = d.getTime();
  d.setDate(d.getDate() + 1);
  dayTo = d.getTime();
  dayMemo = dayKey(ts);
  return dayMemo;
}

/** What the rows of a message depend on from the messages before it. */
interface RowState {
  lastDay: number;
  prev: ChatMessage | null;
  dividerPlaced: boolean;
  /** Index of the unread divider row in the output, or -1. */
  unreadRow: number;
}

function startState(unreadAfterSeq: number | null): RowState {
  return { lastDay: -1, prev: null, dividerPlaced: unreadAfterSeq === null, unreadRow: -1 };
}

/** Appends the rows of one message to `rows`; commands add none. */
function emit(rows: Row[], m: ChatMessage, st: RowState, unreadAfterSeq: number | null, showHeaders: boolean): void {
  if (m.body.type === 'cmd') return;
  const day = dayOf(m.ts);
  if (day !== st.lastDay) {
    rows.push({ kind: 'day', key: `day:${day}`, ts: m.ts });
    st.lastDay = day;
    st.prev = null;
  }
  if (!st.dividerPlaced && !m.own && m.seq !== null && unreadAfterSeq !== null && m.seq > unreadAfterSeq) {
    st.unreadRow = rows.length;
    rows.push({ kind: 'unread', key: 'unread' });
    st.dividerPlaced = true;
    st.prev = null;
  }
  if (isEventLine(m)) {
    rows.push({ kind: 'event', key: m.key, message: m });
    st.prev = null;
    return;
  }
  const prev = st.prev;
  const groupStart = prev === null || prev.from !== m.from || m.ts - prev.ts > GROUP_GAP_MS;
  if (groupStart && showHeaders) rows.push({ kind: 'header', key: `head:${m.key}`, from: m.from, own: m.own, ts: m.ts });
  rows.push({ kind: 'message', key: m.key, message: m, groupStart });
  st.prev = m;
}

/**
 * Rows for `messages`. `unreadAfterSeq`: put the unread divider before the first message from
 * someone else with a seq above it (null: no divider). `showOwnHeaders`: name headers for own groups too.
 */
export function buildRows(messages: readonly ChatMessage[], unreadAfterSeq: number | null, showHeaders: boolean): Row[] {
  return build(messages, unreadAfterSeq, showHeaders).rows;
}

function build(messages: readonly ChatMessage[], unreadAfterSeq: number | null, showHeaders: boolean): { rows: Row[]; unreadRow: number } {
  const rows: Row[] = [];
  const st = startState(unreadAfterSeq);
  for (const m of messages) emit(rows, m, st, unreadAfterSeq, showHeaders);
  return { rows, unreadRow: st.unreadRow };
}

export interface Layout {
  messages: readonly ChatMessage[];
  unreadAfterSeq: number | null;
  showHeaders: boolean;
  rows: Row[];
  /** Index of the unread divider in `rows`, or -1. */
  unreadRow: number;
  /** Virtuoso `firstItemIndex` for `rows`. */
  firstItemIndex: number;
}

function firstMessageIndex(rows: readonly Row[]): number {
  for (let i = 0; i < rows.length; i++) if (rows[i]?.kind === 'message' || rows[i]?.kind === 'event') return i;
  return -1;
}

/** Index of the message or event row of `m` in `rows`, searching from `from` in direction `dir`; -1 if absent. */
function rowOf(rows: readonly Row[], m: ChatMessage, from: number, dir: 1 | -1): number {
  for (let i = from; i >= 0 && i < rows.length; i += dir) {
    const r = rows[i] as Row;
    if ((r.kind === 'message' || r.kind === 'event') && r.message === m) return i;
  }
  return -1;
}

/**
 * Rows for `messages` reusing `prev`'s: the rows of the unchanged leading messages are copied,
 * only the changed middle (the appended tail, the prepended page, a replaced message) is built,
 * and the rows of the unchanged trailing messages are copied from the first one whose incoming
 * state (day, group, divider) is what it was. Null when `prev` cannot be reused.
 */
function patchRows(prev: Layout, messages: readonly ChatMessage[]): { rows: Row[]; unreadRow: number } | null {
  const old = prev.messages;
  const { unreadAfterSeq, showHeaders } = prev;
  const min = Math.min(old.length, messages.length);
  let p = 0;
  while (p < min && old[p] === messages[p]) p++;
  let s = 0;
  while (s < min - p && old[old.length - 1 - s] === messages[messages.length - 1 - s]) s++;
  // The rows of old[0..p) end after the row of its last non-command message.
  let k = p - 1;
  while (k >= 0 && (old[k] as ChatMessage).body.type === 'cmd') k--;
  let cut = 0;
  const st = startState(unreadAfterSeq);
  if (k >= 0) {
    const last = old[k] as ChatMessage;
    const at = k > old.length / 2 ? rowOf(prev.rows, last, prev.rows.length - 1, -1) : rowOf(prev.rows, last, 0, 1);
    if (at < 0) return null;
    cut = at + 1;
    st.lastDay = dayOf(last.ts);
    st.prev = isEventLine(last) ? null : last;
    st.dividerPlaced = unreadAfterSeq === null || (prev.unreadRow >= 0 && prev.unreadRow < cut);
    st.unreadRow = prev.unreadRow >= 0 && prev.unreadRow < cut ? prev.unreadRow : -1;
  }
  const rows = prev.rows.slice(0, cut);
  for (let i = p; i < messages.length - s; i++) emit(rows, messages[i] as ChatMessage, st, unreadAfterSeq, showHeaders);
  // Trailing unchanged messages: rebuild until one leaves the state as it did before, then copy the rest.
  let cursor = cut;
  for (let i = messages.length - s; i < messages.length; i++) {
    const m = messages[i] as ChatMessage;
    if (m.body.type === 'cmd') continue;
    emit(rows, m, st, unreadAfterSeq, showHeaders);
    const at = rowOf(prev.rows, m, cursor, 1);
    if (at < 0) return null;
    cursor = at + 1;
    const oldPlaced = unreadAfterSeq === null || (prev.unreadRow >= 0 && prev.unreadRow < cursor);
    if (oldPlaced !== st.dividerPlaced) continue;
    if (prev.unreadRow >= cursor) st.unreadRow = rows.length + (prev.unreadRow - cursor);
    return { rows: cursor < prev.rows.length ? rows.concat(prev.rows.slice(cursor)) : rows, unreadRow: st.unreadRow };
  }
  return { rows, unreadRow: st.unreadRow };
}

/**
 * The layout for new `messages`, given the previous one. Rows added above the previous first
 * message lower `firstItemIndex` by exactly their number, so that message keeps its index.
 * Pure for equal inputs (returns `prev` itself), so a double render does not shift twice.
 * Built incrementally from `prev`: an append or a prepend costs the new messages, not the history.
 */
export function nextLayout(prev: Layout | null, messages: readonly ChatMessage[], unreadAfterSeq: number | null, showHeaders: boolean): Layout {
  if (prev && prev.messages === messages && prev.unreadAfterSeq === unreadAfterSeq && prev.showHeaders === showHeaders) return prev;
  const reusable = prev !== null && prev.unreadAfterSeq === unreadAfterSeq && prev.showHeaders === showHeaders;
  const { rows, unreadRow } = (reusable ? patchRows(prev, messages) : null) ?? build(messages, unreadAfterSeq, showHeaders);
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
  return { messages, unreadAfterSeq, showHeaders, rows, unreadRow, firstItemIndex };
}
