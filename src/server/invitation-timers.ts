// Owns the one timer that drives invitation timeouts: armed for the earliest
// deadline, re-armed after each run. The server's clock is the authority,
// so a client's skewed clock never changes how long an invitation rings.
import type { Clock, TimerHandle } from './clock';

const RETRY_MS = 1000;

export class InvitationTimers {
  private handle: TimerHandle | null = null;
  private armedFor: number | null = null;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    /** Times out what is due and returns the next deadline (or null). */
    private readonly runDue: () => number | null,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Makes sure a timer fires no later than `deadline`. */
  arm(deadline: number | null): void {
    if (deadline === null || this.stopped) return;
    if (this.armedFor !== null && this.armedFor <= deadline) return;
    this.clear();
    this.armedFor = deadline;
    this.handle = this.clock.setTimeout(() => this.fire(), Math.max(0, deadline - this.clock.now()));
  }

  /** Runs due invitations now and arms for the next deadline. */
  fire(): void {
    this.handle = null;
    this.armedFor = null;
    if (this.stopped) return;
    let next: number | null;
    try {
      next = this.runDue();
    } catch (e) {
      // A failing store must not crash the host from a timer callback: report and try again soon.
      this.onError(e);
      next = this.clock.now() + RETRY_MS;
    }
    this.arm(next);
  }

  stop(): void {
    this.stopped = true;
    this.clear();
  }

  private clear(): void {
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.handle = null;
    this.armedFor = null;
  }
}
