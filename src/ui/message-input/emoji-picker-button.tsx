// Owns the emoji button of MessageInput: it opens emoji-mart's own picker (the
// `emoji-mart` web component, created in an effect: `@emoji-mart/react` does not
// support React 19). emoji-mart and its data are imported only when the picker
// first opens, so neither is in the bundle an app pays for up front.
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { loadEmojiData } from '../../emoji';
import type { Locale } from '../i18n';
import { useStrings } from '../i18n';
import { SmileIcon } from './icons';

export interface EmojiPickerButtonProps {
  /** Called with the chosen emoji's characters. */
  onSelect(native: string): void;
  locale?: Locale;
  /** emoji-mart's theme. */
  theme?: 'light' | 'dark' | 'auto';
  disabled?: boolean;
}

interface EmojiMartSelection {
  native?: string;
}

interface PickerOptions {
  data: unknown;
  onEmojiSelect(emoji: EmojiMartSelection): void;
  onClickOutside(event: Event): void;
  theme: string;
  locale: string;
  i18n?: () => Promise<unknown>;
  autoFocus: boolean;
  previewPosition: string;
  skinTonePosition: string;
}

type PickerCtor = new (options: PickerOptions) => HTMLElement;

async function loadPicker(): Promise<{ Picker: PickerCtor; data: unknown }> {
  const [mod, data] = await Promise.all([import('emoji-mart'), loadEmojiData()]);
  return { Picker: (mod as unknown as { Picker: PickerCtor }).Picker, data };
}

async function loadZhStrings(): Promise<unknown> {
  // No JSON import attribute: see load-emoji-data.ts (a dev server answers with JavaScript).
  const mod = (await import('@emoji-mart/data/i18n/zh.json')) as unknown as { default: unknown };
  return mod.default;
}

/** An emoji button with emoji-mart's picker in a popup. */
export function EmojiPickerButton({ onSelect, locale, theme = 'auto', disabled }: EmojiPickerButtonProps): ReactNode {
  const t = useStrings(locale).input;
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const wrapper = useRef<HTMLDivElement>(null);
  const host = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const popupId = useId();

  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  }, []);

  // Escape closes the popup. Listened for on the document, in the capture phase: emoji-mart's
  // search field handles Escape inside its shadow root, where React's handlers do not see it.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const inside = wrapper.current !== null && e.composedPath().includes(wrapper.current);
      const nowhere = document.activeElement === null || document.activeElement === document.body;
      if (!inside && !nowhere) return;
      e.stopPropagation();
      close(true);
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [open, close]);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    let picker: HTMLElement | null = null;
    setStatus('loading');
    loadPicker().then(
      ({ Picker, data }) => {
        if (cancelled || !host.current) return;
        const options: PickerOptions = {
          data,
          onEmojiSelect: (emoji) => {
            if (emoji.native) onSelectRef.current(emoji.native);
            setOpen(false);
          },
          onClickOutside: (event) => {
            // The toggle button is outside the picker too; it handles its own clicks.
            if (event.target instanceof Node && wrapper.current?.contains(event.target)) return;
            setOpen(false);
          },
          theme,
          locale: locale === 'zh-CN' ? 'zh' : 'en',
          autoFocus: true,
          previewPosition: 'none',
          skinTonePosition: 'search',
        };
        if (locale === 'zh-CN') options.i18n = loadZhStrings;
        picker = new Picker(options);
        host.current.appendChild(picker);
        setStatus('ready');
      },
      () => {
        if (!cancelled) setStatus('error');
      },
    );
    return () => {
      cancelled = true;
      picker?.remove();
    };
  }, [open, theme, locale]);

  return (
    <div className="natter-emoji-picker" ref={wrapper}>
      <button
        ref={button}
        type="button"
        className="natter-input__tool natter-emoji-picker__button"
        aria-label={t.emoji}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? popupId : undefined}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
      >
        <SmileIcon />
      </button>
      {open && (
        <div id={popupId} className="natter-emoji-picker__popup" role="dialog" aria-label={t.emojiPickerLabel} aria-busy={status === 'loading'}>
          {status === 'loading' && <p className="natter-emoji-picker__status">{t.emojiLoading}</p>}
          {status === 'error' && (
            <p className="natter-emoji-picker__status" role="alert">
              {t.emojiLoadFailed}
            </p>
          )}
          <div ref={host} className="natter-emoji-picker__host" />
        </div>
      )}
    </div>
  );
}
