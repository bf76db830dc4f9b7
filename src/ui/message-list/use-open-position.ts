// Owns where a conversation's list opens and whether the reader is at its
// bottom then: at the unread divider when there is one (so unread messages are
// not skipped), at a jump's target in a jump window, else at the newest. The
// divider stays where unread started when the conversation was opened.
// Messages already in the store are shown at once; when the conversation's
// read marker (or the list saying there is none) comes only after that, the
// list moves to the divider then (`markerLate`), unless the reader has scrolled.
import { useMemo, useRef, useState, type RefObject } from 'react';
import { useChatSelector, type ConversationResult } from '../../react';
import { dividerIndex } from './row-facts';
import { useAtBottom } from './use-at-bottom';
import type { JumpWindow } from './use-jump-window';
import { BOTTOM_PX } from './use-message-virtualizer';

export function useOpenPosition(
  conv: ConversationResult,
  jump: JumpWindow | undefined,
  scrollerRef: RefObject<HTMLDivElement | null>,
) {
  const messages = conv.messages;
  const n = messages.length;
  const unreadAfterRef = useRef<number | null | undefined>(undefined);
  if (unreadAfterRef.current === undefined && conv.conversation)
    unreadAfterRef.current = conv.unread > 0 ? conv.conversation.readSeq : null;
  const unreadAfterSeq = unreadAfterRef.current ?? null;
  const divider = useMemo(() => dividerIndex(messages, unreadAfterSeq), [messages, unreadAfterSeq]);

  const listLoaded = useChatSelector((s) => s.conversations.loaded);
  const markerKnown = conv.conversation !== undefined || listLoaded;
  const started = useRef(false);
  const openAt = useRef<number | 'end'>('end');
  const markerLate = useRef(false);
  if (!started.current && (n > 0 || (conv.historyLoaded && markerKnown))) {
    started.current = true;
    markerLate.current = !markerKnown && !jump;
    if (jump) openAt.current = Math.max(0, jump.targetIndex);
    else if (markerKnown && divider >= 0) openAt.current = divider;
  }
  const live = started.current && n > 0;

  // Not at the bottom when opened inside the history, at the divider or a jump's target (so nothing
  // is marked read before it is seen). Set in the render that opens the list, which React then runs
  // again: only when needed, as a second render of the whole list delays its first paint.
  const bottom = useAtBottom(scrollerRef, live, BOTTOM_PX);
  const [openedInside, setOpenedInside] = useState(false);
  if (started.current && openAt.current !== 'end' && !openedInside) {
    setOpenedInside(true);
    bottom.setAtBottom(false);
  }
  return {
    ...bottom,
    divider,
    markerKnown,
    markerLate,
    started: started.current,
    live,
    openAt: openAt.current,
    opened: started.current,
  };
}
