// Owns age-based pruning of the per-user event logs: a timer on the core's
// clock drops events older than the configured age (the count bound is kept
// by event-publisher.ts). A client resuming from before the oldest retained
// event is told to reset and does a full sync. A run goes through the users a
// page at a time, one transaction each, the event loop serving requests in
// between: on SQLite one transaction over 100,000 users held the event loop
// for 0.57-0.93 s, every hour.
import type { UserId } from '../protocol/message';
import type { Clock, TimerHandle } from './clock';
import { aTurn } from './next-turn';
import type { Storage } from './storage';

/** Users per transaction of a run (about 1.5-2.5 ms on SQLite). */
const PAGE_USERS = 256;

export class EventAgePruner {
  private timer: TimerHandle | null = null;
  private running = false;

  constructor(
    private readonly storage: Storage,
    private readonly clock: Clock,
    private readonly maxAgeMs: number,
    private readonly intervalMs: number,
    private readonly onError: (e: unknown) => void,
  ) {}

  /** Prunes now, then every interval until stopped. Does nothing when the age bound is off. */
  start(): void {
    if (this.running || this.maxAgeMs <= 0) return;
    this.running = true;
    void this.run();
  }

  stop(): void {
    this.running = false;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private async run(): Promise<void> {
    // The next run is planned now, on the interval, not after this one's commit.
    this.timer = this.clock.setTimeout(
      () => {
        this.timer = null;
        if (this.running) void this.run();
      },
      Math.max(1, this.intervalMs),
    );
    const before = this.clock.now() - this.maxAgeMs;
    // `?? null`: a store written before pages returns nothing, having pruned every user.
    const page = async (after: UserId | null) =>
      (await this.storage.transaction((tx) => tx.pruneEventsBefore(before, after, PAGE_USERS))) ?? null;
    try {
      // A turn of the event loop between pages: what arrived meanwhile is served first.
      for (let after = await page(null); after !== null && this.running; after = await page(after)) await aTurn();
    } catch (e) {
      // A failed prune is retried at the next interval; serving goes on.
      this.onError(e);
    }
  }
}
