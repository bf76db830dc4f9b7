// Owns the jump benchmark's page side, the same for every contender: the
// conversation's messages (each text carries a token `#<i>#` so a row is found
// in any kit's DOM), and `window.__jumpBench`: `start(n)` mounts the contender on
// n messages showing the latest, `settled()` waits until the list stands still
// (what a reader sees before clicking a search result), `jump(i)` does what a
// click on a search result does and times it until message i's row is painted
// inside the list box and marked highlighted (the contender says how it marks
// it; "painted" as in every browser bench, bench/support/paint-timing.ts).
import { findScroller, findToken, overlaps, paintedWhen, token } from '../../support/paint-timing';

export interface RawMessage {
  i: number;
  id: string;
  user: 'me' | 'peer';
  text: string;
  ts: number;
}

export interface JumpContender {
  /** Mounts the list on `messages` (oldest first), showing the latest. */
  start(container: HTMLElement, messages: RawMessage[]): Promise<void>;
  /** Jump to `m`, as a click on a search result for it does. */
  jump(m: RawMessage): void;
  /** Whether the row element holding `m`'s text is shown highlighted. */
  highlighted(el: Element): boolean;
}

export interface JumpApi {
  ready: true;
  start(n: number): Promise<number>;
  /** Resolves (ms waited) once the list's scroller has not moved nor changed height for SETTLE_FRAMES frames. */
  settled(timeoutMs: number): Promise<number>;
  jump(i: number, timeoutMs: number): Promise<number>;
}

declare global {
  interface Window {
    __jumpBench?: JumpApi;
    __jumpBenchError?: string;
  }
}

/**
 * Frames the list must stand still before a jump. A list still placing itself at the latest
 * message can undo a jump made meanwhile (stream-chat-react's, jumped within its first ~100 ms,
 * went back to the latest); a reader clicks a search result after the list has opened.
 */
const SETTLE_FRAMES = 10;

const WORDS = 'hello sure meeting tomorrow lunch the report is ready see you at noon thanks great idea'.split(' ');
const ORIGIN_TS = Date.UTC(2026, 0, 1);

/** Message i: a 1–3 message run per sender, 3–20 words. */
export function makeMessage(i: number): RawMessage {
  const h = (x: number) => (Math.imul(x ^ 0x9e3779b9, 0x85ebca6b) >>> 0) / 4294967296;
  const words = 3 + Math.floor(h(i) * 18);
  const parts = [token(i)];
  for (let w = 0; w < words; w++) parts.push(WORDS[Math.floor(h(i * 31 + w) * WORDS.length)]!);
  return {
    i,
    id: `m${i}`,
    user: h(Math.floor(i / 3)) < 0.5 ? 'me' : 'peer',
    text: parts.join(' '),
    ts: ORIGIN_TS + i * 60_000,
  };
}

export function installBench(contender: JumpContender): void {
  const container = document.getElementById('list') as HTMLElement;
  let messages: RawMessage[] = [];
  window.__jumpBench = {
    ready: true,
    async start(n) {
      const t0 = performance.now();
      messages = Array.from({ length: n }, (_, i) => makeMessage(i));
      await contender.start(container, messages);
      return performance.now() - t0;
    },
    settled(timeoutMs) {
      const t0 = performance.now();
      let last = '';
      let still = 0;
      const standsStill = () => {
        const scroller = findScroller(container);
        const now = scroller ? `${scroller.scrollTop}/${scroller.scrollHeight}` : 'none';
        still = now === last ? still + 1 : 0;
        last = now;
        return still >= SETTLE_FRAMES;
      };
      return paintedWhen(standsStill, timeoutMs, 'the list to stand still').then((t) => t - t0);
    },
    async jump(i, timeoutMs) {
      const target = messages[i]!;
      const box = container.getBoundingClientRect();
      let el: Element | null = null;
      const shown = () => {
        el = findToken(container, i);
        return el !== null && overlaps(el, box) && contender.highlighted(el);
      };
      const why = () => (!el ? 'not in the DOM' : !overlaps(el, box) ? 'outside the list box' : 'not highlighted');
      const t0 = performance.now();
      contender.jump(target);
      return (await paintedWhen(shown, timeoutMs, `message ${i} shown`, { why })) - t0;
    },
  };
}

/** Reports a start-up failure to the driver instead of leaving it waiting. */
export function reportStartupError(e: unknown): void {
  window.__jumpBenchError = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
}
