// Owns retrying work that failed on a node that stays up (a cluster node's
// presence steps while Redis or the database is briefly unreachable): each
// piece of work is kept under a key until an attempt succeeds, a later
// `add` under the same key replacing it. Attempts run on one timer of the
// given clock, every entry once per tick; the delay doubles after a tick
// with a failure, up to a cap, and starts again from the first delay once
// the queue is empty. `stop` clears the timer and the queue.
import type { Clock, TimerHandle } from './clock';

export interface RetryDelays {
  /** The delay before the first retry (ms). */
  firstMs: number;
  /** The longest delay between two retries (ms). */
  maxMs: number;
}

const DEFAULT_RETRY_DELAYS: RetryDelays = { firstMs: 1000, maxMs: 30_000 };

export class RetryQueue {
  private readonly work = new Map<string, () => Promise<unknown>>();
  private timer: TimerHandle | null = null;
  private delay: number;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly onError: (e: unknown) => void,
    private readonly delays: RetryDelays = DEFAULT_RETRY_DELAYS,
  ) {
    this.delay = delays.firstMs;
  }

  /** Keeps `attempt` under `key` (replacing what was there) until a run of it succeeds. */
  add(key: string, attempt: () => Promise<unknown>): void {
    if (this.stopped) return;
    this.work.set(key, attempt);
    this.arm();
  }

  /** Keys waiting for a retry. */
  get size(): number {
    return this.work.size;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.work.clear();
  }

  private arm(): void {
    if (this.timer !== null || this.stopped || this.work.size === 0) return;
    this.timer = this.clock.setTimeout(() => void this.tick(), this.delay);
  }

  private async tick(): Promise<void> {
    let failed = false;
    await Promise.all(
      [...this.work].map(async ([key, attempt]) => {
        try {
          await attempt();
          // Added again meanwhile (the attempt failed further on, or newer work): that stays.
          if (this.work.get(key) === attempt) this.work.delete(key);
        } catch (e) {
          failed = true;
          this.onError(e);
        }
      }),
    );
    this.timer = null;
    this.delay =
      this.work.size === 0 ? this.delays.firstMs : failed ? Math.min(this.delay * 2, this.delays.maxMs) : this.delay;
    this.arm();
  }
}
