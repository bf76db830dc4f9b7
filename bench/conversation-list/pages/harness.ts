// Owns the in-page half of the conversation list bench: the same measurements
// for every contender (one per page), exposed as `window.__conversationBench` for the Node
// driver. A contender only turns conversations into its kit's state (or its
// server's storage) and renders; what counts as "painted" lives here.
// "Painted" (bench/support/paint-timing.ts, as in the other browser benches): the
// end time is after the paint of the first frame in which a condition holds.
//  - first paint: the newest conversation's row is in the DOM inside the list
//    box; timed from just before `mount`;
//  - update: a conversation 30 rows down gets a new message; until its row is
//    the topmost one in the list box;
//  - scroll to end: the list's scroller is set to its bottom every frame (more
//    pages load as they would under a reader's wheel) until the oldest
//    conversation's row is painted inside the list box.
import { findScroller, nextFrame, overlaps, paintedWhen } from '../../support/paint-timing';
import { makeConversations, nameOf, type RawConversation } from './fixture';

export interface ConversationListContender {
  /** Puts the conversations where the kit gets them from (its state or its server); not timed. */
  prepare(conversations: RawConversation[]): Promise<void>;
  /** Renders the list into `container`. */
  mount(container: HTMLElement): void;
  /** Conversation `i` gets a new message (newer than every other). */
  update(i: number, ts: number): void;
}

export interface BenchApi {
  ready: true;
  prepare(n: number): Promise<void>;
  mount(timeoutMs: number): Promise<number>;
  settle(): Promise<void>;
  domCount(): number;
  update(timeoutMs: number): Promise<number>;
  scrollToEnd(timeoutMs: number): Promise<number>;
}

declare global {
  interface Window {
    __conversationBench?: BenchApi;
  }
}

/** The conversation that gets a new message: this many rows below the top. */
export const UPDATED_ROW = 30;

/** The element holding the text `name` exactly (a row's name), or null. */
function findName(root: Element, name: string): Element | null {
  const r = document.evaluate(
    `.//*[normalize-space(text())='${name}']`,
    root,
    null,
    XPathResult.FIRST_ORDERED_NODE_TYPE,
    null,
  );
  return r.singleNodeValue as Element | null;
}

/** The name shown by the topmost row inside the box (document order is visual order in every contender). */
function topmostName(root: Element, box: DOMRect, pattern: RegExp): string | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.nodeValue ?? '').trim();
    const el = node.parentElement;
    if (!el || !pattern.test(text)) continue;
    const r = el.getBoundingClientRect();
    if (r.height > 0 && r.top >= box.top - 1 && r.bottom <= box.bottom) return text;
  }
  return null;
}

export function installBench(contender: ConversationListContender): void {
  const container = document.getElementById('list') as HTMLElement;
  let n = 0;
  let lastTs = 0;
  const visible = (name: string) => () => {
    const el = findName(container, name);
    return el !== null && overlaps(el, container.getBoundingClientRect());
  };
  const api: BenchApi = {
    ready: true,
    async prepare(count) {
      n = count;
      const conversations = makeConversations(count);
      lastTs = conversations[count - 1]?.ts ?? 0;
      await contender.prepare(conversations);
    },
    async mount(timeoutMs) {
      const t0 = performance.now();
      contender.mount(container);
      return (await paintedWhen(visible(nameOf(n - 1)), timeoutMs, 'the newest conversation row')) - t0;
    },
    async settle() {
      for (let i = 0; i < 10; i++) await nextFrame();
    },
    domCount: () => container.getElementsByTagName('*').length,
    async update(timeoutMs) {
      const i = n - 1 - UPDATED_ROW;
      const name = nameOf(i);
      lastTs += 60_000;
      const t0 = performance.now();
      contender.update(i, lastTs);
      const atTop = () => topmostName(container, container.getBoundingClientRect(), /^u\d+z$/) === name;
      return (await paintedWhen(atTop, timeoutMs, `${name} at the top`)) - t0;
    },
    async scrollToEnd(timeoutMs) {
      const t0 = performance.now();
      const toBottom = () => {
        const s = findScroller(container);
        if (s) s.scrollTop = s.scrollHeight;
      };
      toBottom();
      // The updated conversation moved to the top: the oldest is still conversation 0.
      return (
        (await paintedWhen(visible(nameOf(0)), timeoutMs, 'the oldest conversation row', { eachFrame: toBottom })) - t0
      );
    },
  };
  window.__conversationBench = api;
}
