// Owns what "painted" means in the in-page halves of the browser benchmarks
// (list, conversation list, jump), defined once for all of them: a condition is
// checked at the start of every frame (requestAnimationFrame); the end time is
// when a task posted from the first frame in which it holds runs, i.e. after
// that frame's style, layout and paint. Also the DOM look-ups every contender's
// page shares (a row by its `#<i>#` token, whether a row is inside the list's
// box, the kit's scroller).

/** The time a task posted now runs: after the current frame's paint. */
export const afterPaint = (): Promise<number> =>
  new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve(performance.now());
    ch.port2.postMessage(null);
  });

export const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * Post-paint time of the first frame at whose start `cond()` holds; `eachFrame` runs in every
 * frame in which it does not yet hold. Rejects after `timeoutMs` with `what` (and `why()`, if given).
 */
export function paintedWhen(
  cond: () => boolean,
  timeoutMs: number,
  what: string,
  options: { eachFrame?: () => void; why?: () => string } = {},
): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (cond()) return void afterPaint().then(resolve);
      if (performance.now() - started > timeoutMs) {
        const why = options.why ? ` (${options.why()})` : '';
        return reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`));
      }
      options.eachFrame?.();
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Message i's token, carried in its text so that its row is found in any kit's DOM. */
export const token = (i: number): string => `#${i}#`;

/** The element whose text holds message i's token, or null. */
export function findToken(root: Element, i: number): Element | null {
  const r = document.evaluate(
    `.//text()[contains(., '${token(i)}')]`,
    root,
    null,
    XPathResult.FIRST_ORDERED_NODE_TYPE,
    null,
  );
  return (r.singleNodeValue as Text | null)?.parentElement ?? null;
}

/** Whether `el` is laid out and at least partly inside `box`. */
export function overlaps(el: Element, box: DOMRect): boolean {
  const r = el.getBoundingClientRect();
  return r.height > 0 && r.bottom > box.top && r.top < box.bottom;
}

/** The first descendant (breadth first) whose content overflows it: the kit's scroller. */
export function findScroller(root: Element): HTMLElement | null {
  const queue: Element[] = [root];
  for (let k = 0; k < queue.length && k < 5000; k++) {
    const el = queue[k]!;
    if (el instanceof HTMLElement && el.scrollHeight > el.clientHeight + 1 && el.clientHeight > 0) return el;
    for (const c of Array.from(el.children)) queue.push(c);
  }
  return null;
}
