// Owns a conversation row's mute control: unmuted, a menu button whose menu
// (mute-choices.tsx, its own chunk, fetched on the first open) offers how long
// to mute for; muted, the same button toggles it off. Only the button is in
// the list's first load.
import { useId, useRef, useState, type ReactNode } from 'react';
import type { ConversationListStrings } from '../i18n';
import { lazyChunk, useLazyChunk } from '../lazy-chunk';

const choicesChunk = lazyChunk(() => import('./mute-choices'), 'mute menu');

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

export function MuteMenu({ name, muted, tabbable, strings: t, onMute, onUnmute, icon }: MuteMenuProps): ReactNode {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const choices = useLazyChunk(choicesChunk, open ? true : undefined);
  const shown = open && !muted && choices !== null;

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
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
              'aria-controls': shown ? menuId : undefined,
              onClick: () => setOpen(!open),
              // Escape also cancels an open that is still waiting for the menu's chunk.
              onKeyDown: (e) => {
                if (e.key !== 'Escape' || !open) return;
                e.stopPropagation();
                setOpen(false);
              },
            })}
        tabIndex={tabbable ? 0 : -1}
      >
        {icon}
      </button>
      {shown ? (
        <choices.MuteChoices
          id={menuId}
          label={t.muteConversation(name)}
          strings={t}
          bell={buttonRef}
          onClose={close}
          onMute={onMute}
        />
      ) : null}
    </span>
  );
}
