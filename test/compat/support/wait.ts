// Owns waiting in compat tests: poll a condition until it holds (bounded by
// vitest's waitFor timeout), never asserting on how long it took.
import { vi } from 'vitest';

type Truthy<T> = Exclude<T, false | null | undefined | 0 | ''>;

export async function until<T>(fn: () => T | Promise<T>, message = 'condition'): Promise<Truthy<Awaited<T>>> {
  return vi.waitFor(
    async () => {
      const v = await fn();
      if (!v) throw new Error(`still waiting for ${message}`);
      return v as Truthy<Awaited<T>>;
    },
    { timeout: 10_000, interval: 5 },
  );
}

/** Lets queued microtasks and short timers run (loopback frames are microtasks). */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
}
