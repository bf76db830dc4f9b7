// Owns the emoji button of MessageInput and its popup: natter's own accessible
// emoji grid (emoji-grid.tsx) over @emoji-mart/data, with emoji-mart's
// translated category names. The grid's code, the data and the words are
// imported only when the picker first opens, so none of them is in the bundle
// an app pays for up front.
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { EmojiData } from '../../emoji';
import { loadEmojiData } from '../../emoji';
import type { Locale } from '../i18n';
import { useLocale, useStrings } from '../i18n';
import type { EmojiGridProps, EmojiPickerWords } from './emoji-grid';
import { SmileIcon } from './icons';

export interface EmojiPickerButtonProps {
  /** Called with the chosen emoji's characters. */
  onSelect(native: string): void;
  locale?: Locale;
  /** Kept for compatibility: the popup follows natter's theme properties. */
  theme?: 'light' | 'dark' | 'auto';
  disabled?: boolean;
}

// No JSON import attributes: a dev server (Vite's) answers JSON imports with JavaScript.
const WORDS: Record<string, () => Promise<{ default: unknown }>> = {
  en: () => import('@emoji-mart/data/i18n/en.json'),
  zh: () => import('@emoji-mart/data/i18n/zh.json'),
  ja: () => import('@emoji-mart/data/i18n/ja.json'),
  ko: () => import('@emoji-mart/data/i18n/ko.json'),
  es: () => import('@emoji-mart/data/i18n/es.json'),
  fr: () => import('@emoji-mart/data/i18n/fr.json'),
  de: () => import('@emoji-mart/data/i18n/de.json'),
  pt: () => import('@emoji-mart/data/i18n/pt.json'),
  ru: () => import('@emoji-mart/data/i18n/ru.json'),
  ar: () => import('@emoji-mart/data/i18n/ar.json'),
};

interface Loaded {
  EmojiGrid: (props: EmojiGridProps) => ReactNode;
  data: EmojiData;
  words: EmojiPickerWords;
}

async function loadPicker(locale: Locale): Promise<Loaded> {
  const language = locale.split('-')[0] ?? 'en';
  const words = WORDS[language] ?? WORDS.en;
  const [mod, data, w] = await Promise.all([
    import('./emoji-grid'),
    loadEmojiData(),
    (words as () => Promise<{ default: unknown }>)(),
  ]);
  return { EmojiGrid: mod.EmojiGrid, data, words: w.default as EmojiPickerWords };
}

/** An emoji button with natter's emoji grid in a popup. */
export function EmojiPickerButton({ onSelect, locale, disabled }: EmojiPickerButtonProps): ReactNode {
  const t = useStrings(locale).input;
  const lang = useLocale(locale);
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const popupId = useId();

  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  }, []);

  // Escape closes the popup. Listened for on the document, in the capture phase, so that it
  // wins over the search field's own Escape (which would only clear the text).
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

  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    setStatus('loading');
    loadPicker(lang).then(
      (l) => {
        if (cancelled) return;
        setLoaded(l);
        setStatus('ready');
      },
      () => {
        if (!cancelled) setStatus('error');
      },
    );
    return () => {
      cancelled = true;
    };
  }, [open, lang]);

  // A click outside the popup (and outside its button, which toggles it) closes it.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (wrapper.current && !e.composedPath().includes(wrapper.current)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [open]);

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
        <div
          id={popupId}
          className="natter-emoji-picker__popup"
          role="dialog"
          aria-label={t.emojiPickerLabel}
          aria-busy={status === 'loading'}
        >
          {status === 'loading' && <p className="natter-emoji-picker__status">{t.emojiLoading}</p>}
          {status === 'error' && (
            <p className="natter-emoji-picker__status" role="alert">
              {t.emojiLoadFailed}
            </p>
          )}
          {status === 'ready' && loaded ? (
            <loaded.EmojiGrid
              data={loaded.data}
              words={loaded.words}
              onSelect={(native) => {
                onSelectRef.current(native);
                close(true);
              }}
            />
          ) : null}
        </div>
      )}
    </div>
  );
}
