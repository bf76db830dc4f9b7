// Owns focus for a modal dialog: focus moves into it when it opens (to a
// chosen control, else the dialog itself), Tab and Shift+Tab stay inside it,
// and focus returns to whatever had it before once the dialog closes.
import { useEffect, type KeyboardEvent, type RefObject } from 'react';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function useDialogFocus(dialog: RefObject<HTMLElement | null>, initial: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const previous = typeof document !== 'undefined' ? (document.activeElement as HTMLElement | null) : null;
    (initial.current ?? dialog.current)?.focus();
    return () => {
      if (previous && previous.isConnected && typeof previous.focus === 'function') previous.focus();
    };
    // Only on open and close: later re-renders must not steal focus back.
  }, []);
}

/** Keeps Tab inside `dialog`; call from its onKeyDown. */
export function trapTab(e: KeyboardEvent<HTMLElement>, dialog: HTMLElement | null): void {
  if (e.key !== 'Tab' || !dialog) return;
  const items = Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE));
  if (items.length === 0) {
    e.preventDefault();
    dialog.focus();
    return;
  }
  const first = items[0] as HTMLElement;
  const last = items[items.length - 1] as HTMLElement;
  const active = dialog.ownerDocument.activeElement;
  if (e.shiftKey && (active === first || active === dialog)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && active === last) {
    e.preventDefault();
    first.focus();
  }
}
