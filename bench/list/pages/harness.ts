// Owns the in-page half of the list benchmark: the same measurements for every
// contender (one contender per page), exposed as `window.__bench` for the Node
// driver to call step by step (the driver reads the heap through CDP between
// steps). A contender only converts messages into its kit's state and renders;
// everything that decides "painted" lives here, identical for all.
//
// "Painted" is defined once for every browser bench (bench/support/paint-timing.ts):
// the end time is after the paint of the first frame in which a condition holds.
//  - first paint: the last history message's row is in the DOM and overlaps the
//    list's box; timed from just before `mount` (the kit's state already holds
//    the messages; converting them is timed separately as `ingest`);
//  - append: the new message's row is in the DOM and overlaps the list's box;
//  - prepend (twice: with the reader at the bottom, right after the append,
//    then scrolled to the top; each time the 50 messages before the oldest
//    one): the list stopped changing (no DOM mutation and no scroll inside it
//    for 3 frames); the end is the paint of the first frame begun after the last
//    change. A kit that draws nothing new for messages off screen (natter's
//    history window, with the reader at the bottom) may change nothing: when
//    nothing changes for 10 frames, the end is the paint of the first frame
//    begun after a task posted right after the state change has run (so the
//    work the kit queued is counted). The anchor (topmost fully visible
//    message before the prepend) is then found again and its move on screen
//    is the shift in px.
import { createElement, useEffect, useLayoutEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { afterPaint, findScroller, findToken, nextFrame, overlaps, paintedWhen } from '../../support/paint-timing';
import { makeMessage, makeMessages, type RawMessage } from './fixture';

export interface ListContender {
  /** Untimed: derives what the page's fixture adds to the history (natter-features: its reactions and replies). */
  prepare?(history: RawMessage[]): void;
  /** Converts the history into the kit's own state (not part of first paint). */
  ingest(history: RawMessage[]): void;
  /** Renders the list into `container`. */
  mount(container: HTMLElement): void;
  /** One newer message arrives. */
  append(message: RawMessage): void;
  /** A page of older messages arrives (oldest first). */
  prepend(older: RawMessage[]): void;
}

export interface PrependResult {
  ms: number;
  /** Anchor's move in px (positive: down); null when the anchor row left the DOM. */
  shift: number | null;
  anchor: number | null;
}

export interface BenchApi {
  ready: true;
  generate(n: number): void;
  ingest(): number;
  mount(timeoutMs: number): Promise<number>;
  settle(maxMs: number): Promise<void>;
  domCount(): number;
  append(timeoutMs: number): Promise<number>;
  scrollToTop(): Promise<boolean>;
  prepend(timeoutMs: number): Promise<PrependResult>;
}

declare global {
  interface Window {
    __bench?: BenchApi;
    __benchError?: string;
  }
}

export const PREPEND_COUNT = 50;
/** Frames without a DOM change after which a prepend counts as one that changed nothing on screen. */
const UNCHANGED_FRAMES = 10;

export function installBench(contender: ListContender): void {
  const container = document.getElementById('list') as HTMLElement;
  let history: RawMessage[] = [];
  let n = 0;
  /** The oldest message's index: prepends come before it. */
  let oldest = 0;
  let mutations = 0;
  let dirty = false;
  new MutationObserver(() => {
    mutations++;
    dirty = true;
  }).observe(container, { subtree: true, childList: true, characterData: true, attributes: true });
  // A scroll moves what is painted without touching the DOM: it counts as a change too.
  container.addEventListener(
    'scroll',
    () => {
      mutations++;
    },
    { capture: true, passive: true },
  );

  /** A condition "message i's row is painted inside the list box", searching the DOM only after it changed. */
  const rowVisible = (i: number) => {
    let el: Element | null = null;
    dirty = true;
    return () => {
      if (dirty || (el && !el.isConnected)) {
        dirty = false;
        el = findToken(container, i);
      }
      return el !== null && overlaps(el, container.getBoundingClientRect());
    };
  };

  /**
   * Post-paint time of the first frame begun after the last mutation, once `quiet` frames pass
   * without one; null if nothing changed. Waits up to `firstChangeFrames` frames for a first change
   * (then `quiet` frames no longer end the wait before one).
   */
  const settledPaint = async (
    sinceMutations: number,
    quiet: number,
    timeoutMs: number,
    firstChangeFrames = quiet,
  ): Promise<number | null> => {
    const started = performance.now();
    let seen = sinceMutations;
    let lastChangePaint: number | null = null;
    let quietFrames = 0;
    while (performance.now() - started < timeoutMs) {
      await nextFrame();
      if (mutations !== seen) {
        seen = mutations;
        quietFrames = 0;
        lastChangePaint = await afterPaint();
      } else if (++quietFrames >= (lastChangePaint !== null ? quiet : Math.max(quiet, firstChangeFrames))) {
        return lastChangePaint;
      }
    }
    return lastChangePaint;
  };

  const api: BenchApi = {
    ready: true,
    generate(count) {
      warmUpReact();
      n = count;
      history = makeMessages(0, count);
      contender.prepare?.(history);
    },
    ingest() {
      const t0 = performance.now();
      contender.ingest(history);
      return performance.now() - t0;
    },
    async mount(timeoutMs) {
      const visible = rowVisible(n - 1);
      const t0 = performance.now();
      contender.mount(container);
      const t1 = await paintedWhen(visible, timeoutMs, 'the last message row');
      return t1 - t0;
    },
    async settle(maxMs) {
      await settledPaint(mutations, 10, maxMs);
    },
    domCount: () => container.getElementsByTagName('*').length,
    async append(timeoutMs) {
      const m = makeMessage(n);
      const visible = rowVisible(n);
      const t0 = performance.now();
      contender.append(m);
      const t1 = await paintedWhen(visible, timeoutMs, 'the appended message row');
      n++;
      return t1 - t0;
    },
    async scrollToTop() {
      for (let attempt = 0; attempt < 30; attempt++) {
        const scroller = findScroller(container);
        if (!scroller) return false;
        if (scroller.scrollTop === 0 && attempt > 0) return true;
        scroller.scrollTop = 0;
        await settledPaint(mutations, 5, 2000);
      }
      return findScroller(container)?.scrollTop === 0;
    },
    async prepend(timeoutMs) {
      const box = container.getBoundingClientRect();
      const anchor = topmostVisibleMessage(container, box);
      const before = anchor?.el.getBoundingClientRect().top ?? NaN;
      oldest -= PREPEND_COUNT;
      const older = makeMessages(oldest, PREPEND_COUNT);
      const since = mutations;
      const t0 = performance.now();
      contender.prepend(older);
      // Only read when nothing changes: the paint of the first frame begun after the kit's queued work.
      const quietEnd = afterPaint()
        .then(() => nextFrame())
        .then(() => afterPaint());
      const t1 = (await settledPaint(since, 3, timeoutMs, UNCHANGED_FRAMES)) ?? (await quietEnd);
      const again = anchor ? findToken(container, anchor.i) : null;
      return {
        ms: t1 - t0,
        shift: again ? again.getBoundingClientRect().top - before : null,
        anchor: anchor?.i ?? null,
      };
    },
  };
  window.__bench = api;
}

/** The first message row (document order = visual order in every contender) fully inside `box`. */
function topmostVisibleMessage(root: Element, box: DOMRect): { i: number; el: Element } | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const pattern = /#(-?\d+)#/;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const m = pattern.exec(node.nodeValue ?? '');
    const el = node.parentElement;
    if (!m || !el) continue;
    const r = el.getBoundingClientRect();
    if (r.height > 0 && r.top >= box.top && r.bottom <= box.bottom) return { i: Number(m[1]), el };
  }
  return null;
}

/**
 * Runs React itself once (a small tree with state and effects, mounted and
 * unmounted off screen) so that no contender pays for react-dom's first,
 * unoptimized execution: in an app React is already running when a list mounts.
 */
function warmUpReact(): void {
  const host = document.createElement('div');
  host.style.cssText = 'position:absolute;left:-10000px;top:0;width:100px';
  document.body.appendChild(host);
  function Warm(): ReturnType<typeof createElement> {
    const [k, setK] = useState(0);
    useLayoutEffect(() => undefined, [k]);
    useEffect(() => {
      if (k < 3) setK(k + 1);
    }, [k]);
    return createElement(
      'ul',
      null,
      Array.from({ length: 300 }, (_, i) => createElement('li', { key: i, title: String(k) }, `${i}`)),
    );
  }
  const root = createRoot(host);
  for (let i = 0; i < 3; i++) flushSync(() => root.render(createElement(Warm, { key: i })));
  root.unmount();
  host.remove();
}

/** Reports a start-up failure to the driver instead of leaving it waiting. */
export function reportStartupError(e: unknown): void {
  window.__benchError = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
}
