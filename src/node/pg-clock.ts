// Owns the cluster clock: the time of the PostgreSQL server all nodes share,
// read through a local offset measured against it (half the round trip
// assumed each way) and measured again every minute, so timestamps written
// by different nodes, and the edit, delete and recall windows checked
// against them, agree even when the machines' clocks do not. It never runs
// backwards when a new measure lowers the offset. Timers are the system's
// (a delay is a delay on any clock).
import { systemClock, type Clock } from '../server/clock';

export interface PgClock extends Clock {
  /** Measures the offset again. */
  sync(): Promise<void>;
  stop(): void;
}

export interface PgClockOptions {
  /** The machine's clock (default Date.now). */
  local?: () => number;
  /** Default 60 000 ms. */
  resyncMs?: number;
  onError?: (e: unknown) => void;
}

/** A clock following `databaseTime` (ms since epoch, as the database reads it); measured once before it resolves. */
export async function createPgClock(
  databaseTime: () => Promise<number>,
  options: PgClockOptions = {},
): Promise<PgClock> {
  const local = options.local ?? (() => Date.now());
  let offset = 0;
  let last = 0;
  const sync = async (): Promise<void> => {
    const t0 = local();
    const db = await databaseTime();
    const t1 = local();
    offset = db - (t0 + t1) / 2;
  };
  await sync();
  const timer = setInterval(() => void sync().catch((e: unknown) => options.onError?.(e)), options.resyncMs ?? 60_000);
  timer.unref();
  return {
    now() {
      last = Math.max(last, Math.round(local() + offset));
      return last;
    },
    setTimeout: (fn, ms) => systemClock.setTimeout(fn, ms),
    clearTimeout: (handle) => systemClock.clearTimeout(handle),
    sync,
    stop: () => clearInterval(timer),
  };
}
