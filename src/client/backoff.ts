// Owns the reconnect schedule: exponential backoff with "full jitter" (a
// random delay between half and all of the exponential step), so that many
// clients dropped by one server restart do not come back in lockstep.

export interface BackoffOptions {
  initialDelayMs?: number;
  maxDelayMs?: number;
  maxAttempts?: number;
  /** Injected for tests; defaults to Math.random. */
  random?: () => number;
}

export class Backoff {
  #attempt = 0;
  readonly #initial: number;
  readonly #max: number;
  readonly #maxAttempts: number;
  readonly #random: () => number;

  constructor(options: BackoffOptions = {}) {
    this.#initial = Math.max(0, options.initialDelayMs ?? 500);
    this.#max = Math.max(this.#initial, options.maxDelayMs ?? 30_000);
    this.#maxAttempts = options.maxAttempts ?? Infinity;
    this.#random = options.random ?? Math.random;
  }

  /** Attempts made since the last reset. */
  get attempts(): number {
    return this.#attempt;
  }

  /** The delay before the next attempt, or null when attempts are exhausted. */
  next(): number | null {
    if (this.#attempt >= this.#maxAttempts) return null;
    const step = Math.min(this.#max, this.#initial * 2 ** Math.min(this.#attempt, 30));
    this.#attempt++;
    // Half fixed, half random: never zero (a tight loop against a down server), never above the cap.
    return Math.round(step / 2 + (this.#random() * step) / 2);
  }

  reset(): void {
    this.#attempt = 0;
  }
}
