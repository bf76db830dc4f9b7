// Owns time for the server core: the system clock and a manual clock for
// tests. Every timestamp and timer in the core goes through a Clock, so
// recall windows and invitation timeouts can be driven by tests.

/** What a Clock's setTimeout returns and clearTimeout takes (a number in browsers, an object in Node). */
export type TimerHandle = NonNullable<unknown>;

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof globalThis.setTimeout>),
};

export interface ManualClock extends Clock {
  /** Moves time forward by `ms`, firing due timers in deadline order (each at its own time). */
  advance(ms: number): void;
  /** Moves time to `time` (never backwards), firing due timers. */
  set(time: number): void;
  /** Number of timers still armed. */
  pending(): number;
}

interface ManualTimer {
  id: number;
  at: number;
  fn: () => void;
}

/** A clock that only moves when told to. Starts at `start` (default 1_700_000_000_000). */
export function createManualClock(start = 1_700_000_000_000): ManualClock {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, ManualTimer>();
  const runUntil = (target: number): void => {
    for (;;) {
      let due: ManualTimer | undefined;
      for (const t of timers.values()) {
        if (t.at <= target && (!due || t.at < due.at || (t.at === due.at && t.id < due.id))) due = t;
      }
      if (!due) break;
      timers.delete(due.id);
      now = Math.max(now, due.at);
      due.fn();
    }
    now = Math.max(now, target);
  };
  return {
    now: () => now,
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.set(id, { id, at: now + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout(handle) {
      if (typeof handle === 'number') timers.delete(handle);
    },
    advance(ms) {
      runUntil(now + ms);
    },
    set(time) {
      runUntil(time);
    },
    pending: () => timers.size,
  };
}
