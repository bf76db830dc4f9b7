// Owns age-based pruning of the per-user event logs: a timer on the core's
// clock drops events older than the configured age (the count bound is kept
// by event-publisher.ts). A client resuming from before the oldest retained
// event is told to reset and does a full sync.
import type { Clock, TimerHandle } from './clock';
import type { Storage } from './storage';

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
    try {
      await this.storage.transaction((tx) => tx.pruneEventsBefore(this.clock.now() - this.maxAgeMs));
    } catch (e) {
      // A failed prune is retried at the next interval; serving goes on.
      this.onError(e);
    }
  }
}
