// Owns opening a conversation at its unread divider: the divider's top is put
// at the top of the viewport and held there, frame by frame, while the items
// around it are measured (their real heights replace estimates, which moves
// it), until it has stayed put for a few frames or the reader takes over
// (wheel, touch, key, pointer). When the divider is too close to the end to
// reach the top, the end is as far as it goes. Waiting on frames, not time,
// keeps it exact on a busy machine.
import type { ListScroll } from './use-list-scroll';

const STILL_FRAMES = 5;
const MAX_FRAMES = 90;

/** Starts settling (on the unread divider, or on what `selector` finds: a jump's target); returns a function that stops it. */
export function settleOnDivider(
  v: ListScroll,
  scroller: HTMLElement,
  index: number,
  selector = '.natter-unread-divider',
): () => void {
  let stopped = false;
  let still = 0;
  let frames = 0;
  const stop = () => {
    stopped = true;
    for (const type of ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const)
      scroller.removeEventListener(type, stop);
  };
  for (const type of ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const)
    scroller.addEventListener(type, stop, { passive: true });
  const step = () => {
    if (stopped) return;
    const el = scroller.querySelector<HTMLElement>(selector);
    if (!el) {
      still = 0;
      v.scrollToIndex(index, { align: 'start' });
    } else {
      const max = scroller.scrollHeight - scroller.clientHeight;
      const target = Math.max(
        0,
        Math.min(max, scroller.scrollTop + el.getBoundingClientRect().top - scroller.getBoundingClientRect().top),
      );
      if (Math.abs(target - scroller.scrollTop) >= 1) {
        still = 0;
        v.scrollToOffset(target);
      } else still++;
    }
    if (still >= STILL_FRAMES || ++frames > MAX_FRAMES || typeof requestAnimationFrame !== 'function') stop();
    else requestAnimationFrame(step);
  };
  step();
  return stop;
}
