// Owns keyboard movement between message rows of the virtualized list: which
// message is first on screen, and focusing a row once the virtualizer has
// rendered it.

/** The list's scroll container inside `root`. */
export function scrollerOf(root: HTMLElement | null): HTMLElement | null {
  return root?.querySelector<HTMLElement>('.natter-message-list-scroller') ?? null;
}

/** Index of the first message whose row is rendered inside the viewport. */
export function firstVisibleMessageIndex(root: HTMLElement | null): number | null {
  const scroller = scrollerOf(root);
  if (!scroller) return null;
  const top = scroller.getBoundingClientRect().top;
  for (const el of Array.from(scroller.querySelectorAll<HTMLElement>('[data-natter-message]'))) {
    if (el.getBoundingClientRect().bottom > top) {
      const index = el.closest('[data-index]')?.getAttribute('data-index');
      if (index != null) return Number(index);
    }
  }
  return null;
}

/** Focuses the row `key` as soon as it is rendered (up to `frames` animation frames), unless another row was asked for since. */
export function tryFocus(
  root: HTMLElement | null,
  key: string,
  wanted: { current: string | null },
  frames: number,
): void {
  if (!root || wanted.current !== key) return;
  const el = Array.from(root.querySelectorAll<HTMLElement>('[data-natter-message]')).find(
    (e) => e.getAttribute('data-key') === key,
  );
  if (el) {
    el.focus({ preventScroll: true });
    wanted.current = null;
    return;
  }
  if (frames > 0 && typeof requestAnimationFrame === 'function')
    requestAnimationFrame(() => tryFocus(root, key, wanted, frames - 1));
}
