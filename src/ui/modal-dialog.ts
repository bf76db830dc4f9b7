// Owns how natter's modal dialogs (the call dialog, the image viewer) make the
// rest inert, with the platform instead of hand-written focus traps: a native
// <dialog> opened with showModal() ('page': the top layer, everything else
// inert, out of any container's clipping), or opened in place with the `inert`
// attribute on everything else inside the nearest natter-modal scope ('chat':
// for pages showing several chats side by side, each one's dialog stays in its
// own box). Focus moves to the given element (else the dialog) and returns to
// whatever had it before. Escape is left to the dialog's own key handler: the
// platform's close-on-Escape is turned off (it would close the element behind
// React's back).
import { useEffect, useLayoutEffect, type RefObject } from 'react';

/** 'page': modal to the whole page (default). 'chat': modal to the enclosing Chat only. */
export type ModalScope = 'page' | 'chat';

/** Attribute marking the element a 'chat' scoped dialog is modal to. */
export const MODAL_SCOPE_ATTRIBUTE = 'data-natter-modal-scope';

function inertOutside(dialog: HTMLElement): () => void {
  const scope = dialog.parentElement?.closest(`[${MODAL_SCOPE_ATTRIBUTE}]`) ?? dialog.ownerDocument.body;
  const made: Element[] = [];
  for (let node: HTMLElement = dialog; node !== scope && node.parentElement; node = node.parentElement) {
    for (const sibling of Array.from(node.parentElement.children)) {
      if (sibling === node || sibling.hasAttribute('inert')) continue;
      sibling.setAttribute('inert', '');
      made.push(sibling);
    }
  }
  return () => {
    for (const el of made) el.removeAttribute('inert');
  };
}

/** Opens `dialog` while `shown` (the element is rendered), modal to `scope`. */
export function useModalDialog(
  dialog: RefObject<HTMLDialogElement | null>,
  scope: ModalScope,
  shown = true,
  initialFocus?: RefObject<HTMLElement | null>,
): void {
  useLayoutEffect(() => {
    const el = dialog.current;
    if (!shown || !el) return;
    const previous = el.ownerDocument.activeElement as HTMLElement | null;
    let restore = () => {};
    // jsdom and old engines have no showModal(): the open attribute alone still shows it.
    if (scope === 'page' && typeof el.showModal === 'function') {
      if (!el.open) el.showModal();
    } else {
      el.setAttribute('open', '');
      restore = inertOutside(el);
    }
    (initialFocus?.current ?? el).focus();
    return () => {
      restore();
      if (typeof el.close === 'function') el.close();
      else el.removeAttribute('open');
      if (previous && previous.isConnected && typeof previous.focus === 'function') previous.focus();
    };
    // Opened once per showing (the refs are stable): later re-renders must not steal focus back.
  }, [dialog, initialFocus, scope, shown]);

  // Escape must reach the dialog's own handler; the native 'cancel' would close it unseen by React.
  useEffect(() => {
    const el = dialog.current;
    if (!shown || !el) return;
    const cancel = (e: Event) => e.preventDefault();
    el.addEventListener('cancel', cancel);
    return () => el.removeEventListener('cancel', cancel);
  }, [dialog, shown]);
}
