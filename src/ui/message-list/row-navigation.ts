// Owns keyboard movement between message rows of the virtualized list: which
// row is next in a direction, which message is first on screen, and focusing a
// row once the virtualizer has rendered it.
import type { Row } from './build-rows';

function isMessageRow(r: Row | undefined): boolean {
  return r !== undefined && (r.kind === 'message' || r.kind === 'event');
}

/** Index of the next message row after `from` in direction `step` (±1), or -1. */
export function nextMessageIndex(rows: readonly Row[], from: number, step: 1 | -1): number {
  for (let i = from + step; i >= 0 && i < rows.length; i += step) if (isMessageRow(rows[i])) return i;
  return -1;
}

/** Key of the newest message row (the default tab stop). */
export function lastMessageKey(rows: readonly Row[]): string | null {
  const i = nextMessageIndex(rows, rows.length, -1);
  return i >= 0 ? (rows[i]?.key ?? null) : null;
}

/** The scroll container Virtuoso renders inside `root`. */
export function scrollerOf(root: HTMLElement | null): HTMLElement | null {
  return root?.querySelector<HTMLElement>('[data-virtuoso-scroller]') ?? null;
}

/** Index in `rows` of the first message row whose element is rendered inside the viewport. */
export function firstVisibleMessageIndex(root: HTMLElement | null, rows: readonly Row[]): number | null {
  const scroller = scrollerOf(root);
  if (!scroller) return null;
  const top = scroller.getBoundingClientRect().top;
  for (const el of Array.from(scroller.querySelectorAll<HTMLElement>('[data-natter-message]'))) {
    if (el.getBoundingClientRect().bottom > top) {
      const key = el.getAttribute('data-key');
      const i = rows.findIndex((r) => r.key === key);
      if (i >= 0) return i;
    }
  }
  return null;
}

/** Focuses the row `key` as soon as it is rendered (up to `frames` animation frames), unless another row was asked for since. */
export function tryFocus(root: HTMLElement | null, key: string, wanted: { current: string | null }, frames: number): void {
  if (!root || wanted.current !== key) return;
  const el = Array.from(root.querySelectorAll<HTMLElement>('[data-natter-message]')).find((e) => e.getAttribute('data-key') === key);
  if (el) {
    el.focus({ preventScroll: true });
    wanted.current = null;
    return;
  }
  if (frames > 0 && typeof requestAnimationFrame === 'function') requestAnimationFrame(() => tryFocus(root, key, wanted, frames - 1));
}
