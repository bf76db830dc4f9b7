// Owns usePainted: whether the first frame after a component mounted has been
// painted. Work a screen does not need for that frame (fetching a chunk it will
// want later) waits for it, so that its fetch, compile and evaluation run after
// the paint instead of in the task or the frame that draws it.
import { useEffect, useState } from 'react';

/** Calls `fn` in a task after the next frame's paint (a timer where there are no frames). Returns a cancel. */
function afterNextPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(fn, 0);
    return () => clearTimeout(timer);
  }
  // A task posted from the frame runs once that frame's style, layout and paint are done.
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(fn, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * False until the first frame after mount is painted, then true (one render more, after that paint).
 * With `when`: until the first frame painted after `when` became true (e.g. once there is content).
 */
export function usePainted(when = true): boolean {
  const [painted, setPainted] = useState(false);
  const waiting = when && !painted;
  useEffect(() => (waiting ? afterNextPaint(() => setPainted(true)) : undefined), [waiting]);
  return painted;
}
