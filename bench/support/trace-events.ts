// Owns reading Chromium traces in the Node halves of the browser benchmarks
// (offline start, list mount): the shape of a trace event and how long events
// of some names kept one thread busy inside a window, defined once for both.

/** One event of a Chromium trace (the fields the benches read). */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { frame?: string } };
}

/**
 * Milliseconds the events named in `names` (one thread's, in time order) cover inside [from, to]
 * (trace microseconds), without counting nested ones twice.
 */
export function sumOf(events: readonly TraceEvent[], names: ReadonlySet<string>, from: number, to: number): number {
  let total = 0;
  let coveredUntil = -Infinity;
  for (const e of events) {
    if (!names.has(e.name) || e.dur === undefined) continue;
    const start = Math.max(e.ts, from, coveredUntil);
    const end = Math.min(e.ts + e.dur, to);
    if (end > start) total += end - start;
    coveredUntil = Math.max(coveredUntil, e.ts + e.dur);
  }
  return total / 1000;
}
