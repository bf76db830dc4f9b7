// Owns the one timer that drives invitation timeouts: armed for the earliest
// deadline, re-armed after each run. The server's clock is the authority,
// so a client's skewed clock never changes how long an invitation rings.
// With several nodes on one storage, an invitation may have been armed by
// another node (which may die), so the timer also fires every `pollMs`; the
// storage's claims and compare-and-set make each timeout happen once
// (signaling.ts). Runs never overlap.
import type { Clock, TimerHandle } from './clock';

const RETRY_MS = 1000;

export class InvitationTimers {
  private handle: TimerHandle | null = null;
  private armedFor: number | null = null;
  private stopped = false;
  private running = false;
  /** A deadline asked for while a run was in progress (armed when it ends). */
  private wanted: number | null = null;

  constructor(
    private readonly clock: Clock,
    /** Times out what is due and returns the next deadline (or null). */
    private readonly runDue: () => Promise<number | null>,
    private readonly onError: (error: unknown) => void,
    /** Fire at least this often (cluster), or null. */
    private readonly pollMs: number | null = null,
  ) {}

  /** Makes sure a timer fires no later than `deadline`. */
  arm(deadline: number | null): void {
    if (this.pollMs !== null) deadline = Math.min(deadline ?? Infinity, this.clock.now() + this.pollMs);
    if (deadline === null || this.stopped) return;
    if (this.running) {
      this.wanted = this.wanted === null ? deadline : Math.min(this.wanted, deadline);
      return;
    }
    if (this.armedFor !== null && this.armedFor <= deadline) return;
    this.clear();
    this.armedFor = deadline;
    this.handle = this.clock.setTimeout(() => void this.fire(), Math.max(0, deadline - this.clock.now()));
  }

  /** Runs due invitations now and arms for the next deadline. */
  async fire(): Promise<void> {
    this.handle = null;
    this.armedFor = null;
    if (this.stopped || this.running) return;
    this.running = true;
    let next: number | null;
    try {
      next = await this.runDue();
    } catch (e) {
      // A failing store must not crash the host from a timer callback: report and try again soon.
      this.onError(e);
      next = this.clock.now() + RETRY_MS;
    }
    this.running = false;
    const wanted = this.wanted;
    this.wanted = null;
    this.arm(next === null ? wanted : wanted === null ? next : Math.min(next, wanted));
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
