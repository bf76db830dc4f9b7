// Owns a message's context actions: a "Message actions" menu button and its
// menu (Recall for one's own message within the server's window, Copy text).
// Keyboard: the row opens it with Enter, the Menu key or Shift+F10; arrows move
// between items, Escape closes and returns focus to the button. The menu opens
// above the button toward the bubble, and flips below or to the other side when
// that would cut it off at the edge of the list.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { MessageListStrings } from '../i18n/message-list-strings';

export interface MessageAction {
  id: string;
  label: string;
  run(): void;
}

export interface MessageActionsProps {
  actions: readonly MessageAction[];
  open: boolean;
  onOpenChange(open: boolean): void;
  strings: MessageListStrings;
  /** Id of the menu element (for aria-controls). */
  menuId: string;
}

/** The menu button and, when open, the menu. */
export function MessageActions({ actions, open, onOpenChange, strings, menuId }: MessageActionsProps): ReactNode {
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  const [place, setPlace] = useState<{ below: boolean; flip: boolean }>({ below: false, flip: false });
  useLayoutEffect(() => {
    const menu = menuRef.current;
    if (!open || !menu) return;
    const bounds = (menu.closest('.natter-message-list-scroller') ?? document.documentElement).getBoundingClientRect();
    const r = menu.getBoundingClientRect();
    const below = r.top < bounds.top;
    const flip = r.left < bounds.left || r.right > bounds.right;
    // Measured once per opening, at the default place (reset on close).
    if (below || flip) setPlace({ below, flip });
  }, [open]);
  useEffect(() => {
    if (!open) setPlace({ below: false, flip: false });
  }, [open]);

  useEffect(() => {
    if (open) menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);

  const close = (refocus: boolean) => {
    onOpenChange(false);
    if (refocus) buttonRef.current?.focus();
  };

  const onMenuKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') close(true);
    else if (e.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
    else if (e.key === 'Home') items[0]?.focus();
    else if (e.key === 'End') items[items.length - 1]?.focus();
    else if (e.key === 'Tab') close(false);
    else return;
    // Keep the list's own arrow-key navigation out of the menu.
    e.stopPropagation();
    if (e.key !== 'Tab') e.preventDefault();
  };

  if (actions.length === 0) return null;
  return (
    <span className="natter-message-actions">
      <button
        ref={buttonRef}
        type="button"
        className="natter-message-actions-button"
        aria-label={strings.messageActions}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        // Not a tab stop of its own: keyboard users open the menu from the focused message.
        tabIndex={-1}
        onClick={() => onOpenChange(!open)}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open ? (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          tabIndex={-1}
          aria-label={strings.messageActions}
          className="natter-message-menu"
          data-below={place.below || undefined}
          data-flip={place.flip || undefined}
          onKeyDown={onMenuKeyDown}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget)) onOpenChange(false);
          }}
        >
          {actions.map((a) => (
            <button
              key={a.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={`natter-message-menu-item natter-message-menu-item--${a.id}`}
              onClick={() => {
                close(true);
                a.run();
              }}
            >
              {a.label}
            </button>
          ))}
        </div>
      ) : null}
    </span>
  );
}
