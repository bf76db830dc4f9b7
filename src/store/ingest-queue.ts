// Owns batching in time: inputs are queued and applied together once per
// animation frame (or per short timer where there are no frames), so a burst
// of 10,000 events is a handful of store updates, not 10,000.
import type { ChatStore } from './create-chat-store';
import type { StoreInput } from './store-input';

/** Calls `flush` later; returns a cancel function. */
export type Scheduler = (flush: () => void) => () => void;

/** Flush on the next microtask: lowest latency, batches only what arrives synchronously. */
export const microtaskScheduler: Scheduler = (flush) => {
  let cancelled = false;
  queueMicrotask(() => {
    if (!cancelled) flush();
  });
  return () => {
    cancelled = true;
  };
};

/**
 * Flush on the next animation frame, with a timer fallback (frames stop in background tabs,
 * and Node has none): at most one store update per frame, whatever the event rate.
 */
export const frameScheduler: Scheduler = (flush) => {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cancel();
    flush();
  };
  const raf = typeof globalThis.requestAnimationFrame === 'function' ? globalThis.requestAnimationFrame(run) : null;
  const timer = setTimeout(run, raf === null ? 16 : 100);
  const cancel = () => {
    done = true;
    if (raf !== null) globalThis.cancelAnimationFrame(raf);
    clearTimeout(timer);
  };
  return cancel;
};

export interface IngestQueue {
  push(input: StoreInput): void;
  /** Applies everything queued now, in one update. */
  flush(): void;
  /** Inputs waiting for the next flush. */
  size(): number;
  /** Drops the scheduled flush (queued inputs are applied first). */
  dispose(): void;
}

export function createIngestQueue(store: ChatStore, schedule: Scheduler = frameScheduler): IngestQueue {
  let queue: StoreInput[] = [];
  let cancel: (() => void) | null = null;
  const flush = () => {
    cancel = null;
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    store.apply(batch);
  };
  return {
    push(input) {
      queue.push(input);
      if (!cancel) cancel = schedule(flush);
    },
    flush() {
      cancel?.();
      flush();
    },
    size: () => queue.length,
    dispose() {
      cancel?.();
      flush();
    },
  };
}
