// Owns keeping keyboard focus when the narrow Chat layout swaps panes: choosing
// a conversation hides the list (the focused item with it), going back removes
// the conversation (the back button with it); either would drop focus to
// <body>. Focus goes to the message box of the opened conversation, or back to
// the conversation's item in the list.
import { useEffect, useRef, type RefObject } from 'react';
import type { ConversationId } from '../../protocol/ids';

function lost(el: Element | null, pane: HTMLElement): boolean {
  if (el === null || el === el.ownerDocument.body) return true;
  // A pane hidden by the layout (display: none) takes its focused element out of reach.
  return pane.contains(el) && typeof pane.checkVisibility === 'function' && !pane.checkVisibility();
}

export function usePaneFocus(
  open: ConversationId | null,
  sidebar: RefObject<HTMLElement | null>,
  main: RefObject<HTMLElement | null>,
): void {
  const previous = useRef<ConversationId | null>(open);
  useEffect(() => {
    const was = previous.current;
    previous.current = open;
    const list = sidebar.current;
    const conversation = main.current;
    if (!list || !conversation || was === open) return;
    const active = list.ownerDocument.activeElement;
    if (open !== null && lost(active, list)) {
      (
        conversation.querySelector<HTMLElement>('textarea') ??
        conversation.querySelector<HTMLElement>('[role="log"] [tabindex="0"]')
      )?.focus();
    } else if (open === null && lost(active, conversation)) {
      const item = was !== null ? list.querySelector<HTMLElement>(`[data-conversation="${CSS.escape(was)}"]`) : null;
      (item ?? list.querySelector<HTMLElement>('button[tabindex="0"]'))?.focus();
    }
  }, [open, sidebar, main]);
}
