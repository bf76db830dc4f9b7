// Owns a conversation row's mute control: unmuted, a menu button whose menu
// offers how long to mute for (1 hour, 8 hours, 1 week, until turned back
// on); muted, the same button toggles it off. The menu follows the ARIA menu pattern:
// it opens with focus on its first item, arrows, Home and End move between
// items, Escape closes it and returns focus to the button, Tab leaves it.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ConversationListStrings } from '../i18n';

const HOUR = 3_600_000;

/** How long each choice mutes for (ms), or null: until unmuted. */
const MUTE_CHOICES = [
  { id: 'hour', ms: HOUR },
  { id: 'eightHours', ms: 8 * HOUR },
  { id: 'week', ms: 7 * 24 * HOUR },
  { id: 'always', ms: null },
] as const;

export interface MuteMenuProps {
  /** The conversation's name, for the accessible names. */
  name: string;
  muted: boolean;
  tabbable: boolean;
  strings: ConversationListStrings;
  /** Mutes for `ms` (null: until unmuted). */
  onMute(ms: number | null): void;
  onUnmute(): void;
  icon: ReactNode;
}

function choiceLabel(id: (typeof MUTE_CHOICES)[number]['id'], t: ConversationListStrings): string {
  if (id === 'hour') return t.muteForHour;
  if (id === 'eightHours') return t.muteForEightHours;
  if (id === 'week') return t.muteForWeek;
  return t.muteUntilTurnedOn;
}

export function MuteMenu({ name, muted, tabbable, strings: t, onMute, onUnmute, icon }: MuteMenuProps): ReactNode {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (open) menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
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
    e.stopPropagation();
    if (e.key !== 'Tab') e.preventDefault();
  };

  // One button in both states, so focus stays on it when a choice mutes the conversation.
  return (
    <span className="natter-conversation__mute-wrap">
      <button
        ref={buttonRef}
        type="button"
        className="natter-conversation__mute"
        {...(muted
          ? { 'aria-label': t.unmuteConversation(name), 'aria-pressed': true, onClick: onUnmute }
          : {
              'aria-label': t.muteConversation(name),
              'aria-haspopup': 'menu' as const,
              'aria-expanded': open,
              'aria-controls': open ? menuId : undefined,
              onClick: () => setOpen(!open),
            })}
        tabIndex={tabbable ? 0 : -1}
      >
        {icon}
      </button>
      {open && !muted ? (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          tabIndex={-1}
          aria-label={t.muteConversation(name)}
          className="natter-mute-menu"
          onKeyDown={onMenuKeyDown}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget)) setOpen(false);
          }}
        >
          {MUTE_CHOICES.map((c) => (
            <button
              key={c.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="natter-mute-menu__item"
              onClick={() => {
                close(true);
                onMute(c.ms);
              }}
            >
              {choiceLabel(c.id, t)}
            </button>
          ))}
        </div>
      ) : null}
    </span>
  );
}
