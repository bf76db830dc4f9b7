// Owns a message's reactions under its bubble: one toggle button per emoji
// with its count (pressed when this user reacted), and the quick reaction
// picker a row opens from its menu — a toolbar of emoji (arrow keys move,
// Enter/Space pick, Escape closes and returns focus to the row).
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { FeatureStrings } from '../i18n/feature-strings';
import { QUICK_REACTIONS } from '../i18n/feature-strings';

export interface ReactionGroupView {
  emoji: string;
  users: readonly string[];
}

export function ReactionBar({
  reactions,
  user,
  strings,
  onToggle,
}: {
  reactions: readonly ReactionGroupView[];
  user: string;
  strings: FeatureStrings;
  onToggle(emoji: string): void;
}): ReactNode {
  if (reactions.length === 0) return null;
  return (
    <div className="natter-reactions" role="group" aria-label={strings.reactions}>
      {reactions.map((g) => {
        const mine = g.users.includes(user);
        return (
          <button
            key={g.emoji}
            type="button"
            className={`natter-reaction${mine ? ' natter-reaction--mine' : ''}`}
            aria-pressed={mine}
            aria-label={strings.reaction(g.emoji, g.users.length, mine)}
            title={g.users.join(', ')}
            onClick={() => onToggle(g.emoji)}
          >
            <span aria-hidden="true">{g.emoji}</span> <span aria-hidden="true">{g.users.length}</span>
          </button>
        );
      })}
    </div>
  );
}

export function ReactionPicker({
  strings,
  onPick,
  onClose,
}: {
  strings: FeatureStrings;
  onPick(emoji: string): void;
  onClose(): void;
}): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('button')?.focus();
  }, []);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = Array.from(ref.current?.querySelectorAll<HTMLElement>('button') ?? []);
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowRight') items[(at + 1) % items.length]?.focus();
    else if (e.key === 'ArrowLeft') items[(at - 1 + items.length) % items.length]?.focus();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <div
      ref={ref}
      className="natter-reaction-picker"
      role="toolbar"
      aria-label={strings.react}
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) onClose();
      }}
    >
      {QUICK_REACTIONS.map((emoji) => (
        <button
          key={emoji}
          type="button"
          className="natter-reaction-choice"
          aria-label={emoji}
          onClick={() => onPick(emoji)}
        >
          {emoji}
        </button>
      ))}
    </div>
  );
}
