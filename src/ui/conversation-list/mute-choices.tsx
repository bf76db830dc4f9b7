// Owns the mute menu's list of durations (1 hour, 8 hours, 1 week, until
// turned back on), loaded as its own chunk on the bell's first open: most
// sessions never open it. ARIA menu pattern: focus on the first item when it
// appears (also when the chunk arrives after the click), arrows, Home and End
// move between items, Escape closes it and returns focus to the bell, Tab
// leaves it.
import { useEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import type { ConversationListStrings } from '../i18n';

const HOUR = 3_600_000;

/** How long each choice mutes for (ms), or null: until unmuted. */
const MUTE_CHOICES = [
  { id: 'hour', ms: HOUR },
  { id: 'eightHours', ms: 8 * HOUR },
  { id: 'week', ms: 7 * 24 * HOUR },
  { id: 'always', ms: null },
] as const;

export interface MuteChoicesProps {
  id: string;
  /** The menu's accessible name. */
  label: string;
  strings: ConversationListStrings;
  /** The button that opened the menu: focus comes from and returns to it. */
  bell: RefObject<HTMLButtonElement | null>;
  /** Closes the menu, handing focus back to the bell when `refocus`. */
  onClose(refocus: boolean): void;
  /** Mutes for `ms` (null: until unmuted). */
  onMute(ms: number | null): void;
}

function choiceLabel(id: (typeof MUTE_CHOICES)[number]['id'], t: ConversationListStrings): string {
  if (id === 'hour') return t.muteForHour;
  if (id === 'eightHours') return t.muteForEightHours;
  if (id === 'week') return t.muteForWeek;
  return t.muteUntilTurnedOn;
}

export function MuteChoices({ id, label, strings: t, bell, onClose, onMute }: MuteChoicesProps): ReactNode {
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // A chunk that arrives late must not take focus from wherever the reader has gone since.
    const from = document.activeElement;
    if (from === bell.current || from === null || from === document.body)
      menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [bell]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') onClose(true);
    else if (e.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
    else if (e.key === 'Home') items[0]?.focus();
    else if (e.key === 'End') items[items.length - 1]?.focus();
    else if (e.key === 'Tab') onClose(false);
    else return;
    e.stopPropagation();
    if (e.key !== 'Tab') e.preventDefault();
  };

  return (
    <div
      ref={menuRef}
      id={id}
      role="menu"
      tabIndex={-1}
      aria-label={label}
      className="natter-mute-menu"
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) onClose(false);
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
            onClose(true);
            onMute(c.ms);
          }}
        >
          {choiceLabel(c.id, t)}
        </button>
      ))}
    </div>
  );
}
