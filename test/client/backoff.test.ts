import { describe, expect, it } from 'vitest';
import { Backoff } from '../../src/client/backoff';

describe('reconnect backoff', () => {
  it('doubles from the initial delay up to the cap, with jitter between half and all of each step', () => {
    const low = new Backoff({ initialDelayMs: 100, maxDelayMs: 1000, random: () => 0 });
    const high = new Backoff({ initialDelayMs: 100, maxDelayMs: 1000, random: () => 1 });
    const lows = Array.from({ length: 6 }, () => low.next());
    const highs = Array.from({ length: 6 }, () => high.next());
    expect(highs).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(lows).toEqual([50, 100, 200, 400, 500, 500]);
  });

  it('gives up after maxAttempts and starts over after reset', () => {
    const b = new Backoff({ initialDelayMs: 10, maxAttempts: 2, random: () => 0.5 });
    expect(b.next()).not.toBeNull();
    expect(b.next()).not.toBeNull();
    expect(b.next()).toBeNull();
    b.reset();
    expect(b.next()).toBe(8);
  });
});
