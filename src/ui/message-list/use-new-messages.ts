// Owns what arrives at the bottom of the list: how many messages from others
// came in while the reader was scrolled up (the "N new messages" button), the
// polite screen-reader announcement of the newest one, and the key of the
// newest own message (the list scrolls down to one's own sends). Only what
// comes after the newest message is new: a page of history loaded below a
// jump's window is not (its own messages must not end the jump).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatMessage } from '../../react';
import type { MessageListStrings } from '../i18n/message-list-strings';
import { nextShownIndex } from './row-facts';

interface NewState {
  count: number;
  announcement: string;
  lastOwnKey: string | null;
}

/** How far back from the newest message the previous newest one is looked for. */
const LOOK_BACK = 1000;

/** Short text of a message for announcements. */
function previewOf(m: ChatMessage, s: MessageListStrings): string {
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

/**
 * `atNewest`: the list ends at the conversation's newest message (always, except in a jump's window
 * that has newer history to load). Messages added after a render where it was false are a page.
 */
export function useNewMessages(
  messages: readonly ChatMessage[],
  atBottom: boolean,
  atNewest: boolean,
  name: (user: string) => string,
  strings: MessageListStrings,
) {
  const lastKey = useRef<string | null>(null);
  const wasAtNewest = useRef(atNewest);
  const [state, setState] = useState<NewState>({ count: 0, announcement: '', lastOwnKey: null });
  const bottomRef = useRef(atBottom);
  bottomRef.current = atBottom;

  useEffect(() => {
    const at = nextShownIndex(messages, messages.length, -1);
    const key = at >= 0 ? (messages[at] as ChatMessage).key : null;
    const prev = lastKey.current;
    lastKey.current = key;
    const paged = !wasAtNewest.current;
    wasAtNewest.current = atNewest;
    if (paged || prev === null || key === null || key === prev) return;
    let from = -1;
    for (let i = at - 1; i >= 0 && at - i <= LOOK_BACK; i--) {
      if ((messages[i] as ChatMessage).key === prev) {
        from = i;
        break;
      }
    }
    if (from < 0) return;
    let added = 0;
    let own: string | null = null;
    let lastOther: ChatMessage | null = null;
    for (let i = from + 1; i < messages.length; i++) {
      const m = messages[i] as ChatMessage;
      if (m.body.type === 'cmd') continue;
      if (m.own) own = m.key;
      else {
        added++;
        lastOther = m;
      }
    }
    if (added === 0 && own === null) return;
    setState((s) => ({
      count: bottomRef.current ? 0 : s.count + added,
      announcement: lastOther ? `${name(lastOther.from)}: ${previewOf(lastOther, strings)}` : s.announcement,
      lastOwnKey: own ?? s.lastOwnKey,
    }));
  }, [messages, atNewest, name, strings]);

  useEffect(() => {
    if (atBottom) setState((s) => (s.count === 0 ? s : { ...s, count: 0 }));
  }, [atBottom]);

  const clearNew = useCallback(() => setState((s) => (s.count === 0 ? s : { ...s, count: 0 })), []);
  return { newCount: state.count, announcement: state.announcement, lastOwnKey: state.lastOwnKey, clearNew };
}
