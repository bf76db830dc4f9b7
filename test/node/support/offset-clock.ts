// A real-time clock that tests can also move forward: now() is the system time
// plus an offset, and `advance(ms)` raises the offset and fires every timer
// that became due, in deadline order — the manual clock's semantics, while
// time keeps flowing for everything else (network, SQLite, client timers).
import type { Clock } from '../../../src/server/clock';

export interface OffsetClock extends Clock {
  advance(ms: number): void;
  readonly offset: number;
}

interface Timer {
  id: number;
  at: number;
  fn: () => void;
  real: ReturnType<typeof setTimeout>;
}

export function createOffsetClock(initialOffset = 0): OffsetClock {
  let offset = initialOffset;
  let nextId = 1;
  const timers = new Map<number, Timer>();
  const now = (): number => Date.now() + offset;
  const run = (t: Timer): void => {
    if (!timers.delete(t.id)) return;
    clearTimeout(t.real);
    t.fn();
  };
  return {
    now,
    get offset() {
      return offset;
    },
    setTimeout(fn, ms) {
      const id = nextId++;
      const t: Timer = { id, at: now() + Math.max(0, ms), fn, real: setTimeout(() => run(t), Math.max(0, ms)) };
      timers.set(id, t);
      return id;
    },
    clearTimeout(handle) {
      const t = typeof handle === 'number' ? timers.get(handle) : undefined;
      if (!t) return;
      clearTimeout(t.real);
      timers.delete(t.id);
    },
    advance(ms) {
      offset += ms;
      for (;;) {
        let due: Timer | undefined;
        for (const t of timers.values())
          if (t.at <= now() && (!due || t.at < due.at || (t.at === due.at && t.id < due.id))) due = t;
        if (!due) break;
        run(due);
      }
    },
  };
}
