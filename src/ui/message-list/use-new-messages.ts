// Owns what arrives at the bottom of the list: how many messages from others
// came in while the reader was scrolled up (the "N new messages" button), the
// polite screen-reader announcement of the newest one, and the key of the
// newest own message (the list scrolls down to one's own sends).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatMessage } from '../../react/index';
import type { MessageListStrings } from '../i18n/message-list-strings';
import type { Row } from './build-rows';

interface NewState {
  count: number;
  announcement: string;
  lastOwnKey: string | null;
}

function lastMessageRow(rows: readonly Row[]): number {
  for (let i = rows.length - 1; i >= 0; i--) {
    const k = rows[i]?.kind;
    if (k === 'message' || k === 'event') return i;
  }
  return -1;
}

/** Short text of a message for announcements. */
export function previewOf(m: ChatMessage, s: MessageListStrings): string {
  const b = m.body;
  switch (b.type) {
    case 'txt':
      return b.msg.length > 200 ? `${b.msg.slice(0, 200)}…` : b.msg;
    case 'img':
      return s.imageAlt(b.name);
    case 'file':
      return b.name;
    case 'audio':
      return s.audioLabel(String(b.duration));
    case 'video':
      return s.videoLabel;
    case 'loc':
      return b.addr || s.location;
    case 'custom':
      return s.customMessage(b.customEvent);
    case 'recalled':
      return s.recalled;
    default:
      return '';
  }
}

export function useNewMessages(rows: readonly Row[], atBottom: boolean, name: (user: string) => string, strings: MessageListStrings) {
  const lastKey = useRef<string | null>(null);
  const [state, setState] = useState<NewState>({ count: 0, announcement: '', lastOwnKey: null });
  const bottomRef = useRef(atBottom);
  bottomRef.current = atBottom;

  useEffect(() => {
    const at = lastMessageRow(rows);
    const key = at >= 0 ? (rows[at]?.key ?? null) : null;
    const prev = lastKey.current;
    lastKey.current = key;
    if (prev === null || key === null || key === prev) return;
    let from = -1;
    for (let i = at; i >= 0; i--) {
      if (rows[i]?.key === prev) {
        from = i;
        break;
      }
    }
    if (from < 0) return;
    let added = 0;
    let own: string | null = null;
    let lastOther: ChatMessage | null = null;
    for (let i = from + 1; i < rows.length; i++) {
      const r = rows[i];
      if (!r || (r.kind !== 'message' && r.kind !== 'event')) continue;
      if (r.message.own) own = r.key;
      else {
        added++;
        lastOther = r.message;
      }
    }
    if (added === 0 && own === null) return;
    setState((s) => ({
      count: bottomRef.current ? 0 : s.count + added,
      announcement: lastOther ? `${name(lastOther.from)}: ${previewOf(lastOther, strings)}` : s.announcement,
      lastOwnKey: own ?? s.lastOwnKey,
    }));
  }, [rows, name, strings]);

  useEffect(() => {
    if (atBottom) setState((s) => (s.count === 0 ? s : { ...s, count: 0 }));
  }, [atBottom]);

  const clearNew = useCallback(() => setState((s) => (s.count === 0 ? s : { ...s, count: 0 })), []);
  return { newCount: state.count, announcement: state.announcement, lastOwnKey: state.lastOwnKey, clearNew };
}
