// Owns natter's own emoji picker, drawn over @emoji-mart/data (emoji-mart's
// web component reported 181 critical axe violations: unnamed buttons in a
// shadow root). A search field, then each category as a named group of
// buttons, each button named after its emoji. One tab stop for the whole grid:
// arrow keys move between emoji (up and down by a row), Home and End jump,
// Enter picks. Loaded with the data when the picker first opens.
import { useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { EmojiData } from '../../emoji';

/** emoji-mart's translated picker words (its i18n JSON files). */
export interface EmojiPickerWords {
  search: string;
  search_no_results_2?: string;
  categories: Record<string, string>;
}

export interface EmojiGridProps {
  data: EmojiData;
  words: EmojiPickerWords;
  onSelect(native: string): void;
}

interface Item {
  native: string;
  name: string;
}

/** Emoji per row: arrow up and down move by this many. */
const EMOJI_COLUMNS = 9;

function matches(e: EmojiData['emojis'][string], q: string): boolean {
  return e.id.includes(q) || e.name.toLowerCase().includes(q) || e.keywords.some((k) => k.toLowerCase().includes(q));
}

export function EmojiGrid({ data, words, onSelect }: EmojiGridProps): ReactNode {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const grid = useRef<HTMLDivElement>(null);
  const idBase = useId();
  const q = query.trim().toLowerCase();

  const groups = useMemo(() => {
    const out: Array<{ id: string; label: string; items: Item[] }> = [];
    for (const c of data.categories) {
      const items: Item[] = [];
      for (const id of c.emojis) {
        const e = data.emojis[id];
        const native = e?.skins[0]?.native;
        if (!e || !native || (q && !matches(e, q))) continue;
        items.push({ native, name: e.name });
      }
      if (items.length > 0) out.push({ id: c.id, label: words.categories[c.id] ?? c.id, items });
    }
    return out;
  }, [data, q, words]);
  const total = groups.reduce((n, g) => n + g.items.length, 0);
  const current = Math.min(active, Math.max(0, total - 1));

  const move = (to: number) => {
    const next = Math.max(0, Math.min(total - 1, to));
    setActive(next);
    grid.current?.querySelector<HTMLElement>(`[data-emoji-index="${next}"]`)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = Number((e.target as HTMLElement).getAttribute('data-emoji-index') ?? current);
    const step: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: EMOJI_COLUMNS,
      ArrowUp: -EMOJI_COLUMNS,
    };
    const dir =
      (e.currentTarget.closest('[dir]')?.getAttribute('dir') ?? 'ltr') === 'rtl' &&
      (e.key === 'ArrowRight' || e.key === 'ArrowLeft')
        ? -1
        : 1;
    if (e.key in step) move(at + (step[e.key] as number) * dir);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(total - 1);
    else return;
    e.preventDefault();
  };

  let index = 0;
  return (
    <div className="natter-emoji-grid">
      <input
        type="search"
        className="natter-emoji-grid__search"
        aria-label={words.search}
        placeholder={words.search}
        value={query}
        // The picker opens to type a search at once.
        // eslint-disable-next-line jsx-a11y/no-autofocus
        autoFocus
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && total > 0) {
            e.preventDefault();
            move(0);
          }
        }}
      />
      <div ref={grid} className="natter-emoji-grid__scroll" onKeyDown={onKeyDown}>
        {total === 0 ? <p className="natter-emoji-grid__empty">{words.search_no_results_2 ?? '—'}</p> : null}
        {groups.map((g) => (
          <section key={g.id} className="natter-emoji-grid__group" role="group" aria-labelledby={`${idBase}-${g.id}`}>
            <h3 id={`${idBase}-${g.id}`} className="natter-emoji-grid__heading">
              {g.label}
            </h3>
            <div className="natter-emoji-grid__items">
              {g.items.map((item) => {
                const i = index++;
                return (
                  <button
                    key={item.native}
                    type="button"
                    className="natter-emoji-grid__emoji"
                    aria-label={item.name}
                    tabIndex={i === current ? 0 : -1}
                    data-emoji-index={i}
                    onFocus={() => setActive(i)}
                    onClick={() => onSelect(item.native)}
                  >
                    {item.native}
                  </button>
                );
              })}
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}
