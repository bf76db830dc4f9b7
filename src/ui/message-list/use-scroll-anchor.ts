// Owns pixel-exact scroll anchoring when older messages are prepended.
// Virtuoso's `firstItemIndex` keeps the anchor message's index, but rows above
// it get estimated heights until measured, and its corrections leave the
// message a few pixels off (and for a frame, a few dozen). So just before a
// prepend is committed we note which message is at the top of the viewport and
// where; then, for a short while, whenever anything in the list resizes (a
// ResizeObserver created after Virtuoso's, so it runs after its corrections in
// the same frame, before paint) and on each frame, we scroll by whatever that
// message has moved. The reader's own scrolling (wheel, touch, keys) ends it.
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { scrollerOf } from './row-navigation';

interface Anchor {
  key: string;
  offset: number;
  until: number;
}

const HOLD_MS = 600;
/** Frames without movement after which the prepend counts as settled. */
const STILL_FRAMES = 3;

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

function findRow(scroller: HTMLElement, key: string): HTMLElement | undefined {
  return Array.from(scroller.querySelectorAll<HTMLElement>('[data-natter-message]')).find((e) => e.getAttribute('data-key') === key);
}

export function useScrollAnchor(root: RefObject<HTMLElement | null>) {
  const anchor = useRef<Anchor | null>(null);

  /** Scrolls the anchor back into place; true when it had moved. */
  const correct = useCallback((): boolean => {
    const a = anchor.current;
    const scroller = scrollerOf(root.current);
    if (!a || !scroller) return false;
    if (now() > a.until) {
      anchor.current = null;
      return false;
    }
    const el = findRow(scroller, a.key);
    if (!el) return false;
    const delta = el.getBoundingClientRect().top - scroller.getBoundingClientRect().top - a.offset;
    if (Math.abs(delta) < 0.5) return false;
    scroller.scrollTop += delta;
    return true;
  }, [root]);

  /** Notes the message at the top of the viewport; call before committing a prepend. */
  const capture = useCallback(() => {
    const scroller = scrollerOf(root.current);
    if (!scroller) return;
    const top = scroller.getBoundingClientRect().top;
    for (const el of Array.from(scroller.querySelectorAll<HTMLElement>('[data-natter-message]'))) {
      const r = el.getBoundingClientRect();
      if (r.bottom > top) {
        const key = el.getAttribute('data-key');
        if (key !== null) anchor.current = { key, offset: r.top - top, until: now() + HOLD_MS };
        return;
      }
    }
  }, [root]);

  /**
   * Starts correcting after the prepend was committed; stops once the anchor has stayed put for
   * a few frames, so the reader's next scroll (even a programmatic one) is never undone.
   */
  const hold = useCallback(() => {
    if (!anchor.current || typeof requestAnimationFrame !== 'function') return;
    correct();
    let still = 0;
    const tick = () => {
      if (!anchor.current) return;
      still = correct() ? 0 : still + 1;
      if (still >= STILL_FRAMES) anchor.current = null;
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, [correct]);

  useEffect(() => {
    const scroller = scrollerOf(root.current);
    if (!scroller || typeof ResizeObserver !== 'function') return;
    // Recreated when rows mount, so this observer stays the newest and its callback runs after Virtuoso's.
    let ro = new ResizeObserver(() => correct());
    const observeAll = () => {
      ro.disconnect();
      ro = new ResizeObserver(() => correct());
      ro.observe(scroller);
      for (const child of Array.from(scroller.querySelectorAll<HTMLElement>('[data-testid="virtuoso-item-list"], [data-natter-message]'))) ro.observe(child);
    };
    observeAll();
    const mo = new MutationObserver(() => {
      if (anchor.current) observeAll();
    });
    mo.observe(scroller, { childList: true, subtree: true });
    const release = () => {
      anchor.current = null;
    };
    scroller.addEventListener('wheel', release, { passive: true });
    scroller.addEventListener('touchmove', release, { passive: true });
    scroller.addEventListener('keydown', release);
    scroller.addEventListener('pointerdown', release);
    return () => {
      ro.disconnect();
      mo.disconnect();
      scroller.removeEventListener('wheel', release);
      scroller.removeEventListener('touchmove', release);
      scroller.removeEventListener('keydown', release);
      scroller.removeEventListener('pointerdown', release);
    };
  });

  return { capture, hold };
}
