// The retry queue on a manual clock: work is retried until it succeeds, the
// delay doubles after a failed round up to its cap and starts over once the
// queue is empty, a later add under a key replaces the earlier work, and
// stop leaves no timer behind.
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/server/clock';
import { RetryQueue } from '../../src/server/retry-queue';

/** Lets the promise callbacks of an attempt run. */
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('RetryQueue', () => {
  it('retries failing work with a doubling delay up to the cap, then starts over from the first delay', async () => {
    const clock = createManualClock();
    const delays: number[] = [];
    const timed = { ...clock, setTimeout: (fn: () => void, ms: number) => (delays.push(ms), clock.setTimeout(fn, ms)) };
    const errors: unknown[] = [];
    const queue = new RetryQueue(timed, (e) => errors.push(e), { firstMs: 100, maxMs: 300 });
    let attempts = 0;
    let failures = 4;
    queue.add('a', async () => {
      attempts++;
      if (failures-- > 0) throw new Error('still down');
    });
    for (let i = 0; i < 6; i++) {
      clock.advance(300);
      await settle();
    }
    // Four failures, then success: 100, doubled to 200, capped at 300; nothing armed after.
    expect(delays).toEqual([100, 200, 300, 300, 300]);
    expect(attempts).toBe(5);
    expect(errors).toHaveLength(4);
    expect(queue.size).toBe(0);
    expect(clock.pending()).toBe(0);

    // Empty again: new work waits the first delay, not the last one.
    let ran = 0;
    queue.add('b', async () => void ran++);
    expect(delays.at(-1)).toBe(100);
    clock.advance(99);
    await settle();
    expect(ran).toBe(0);
    clock.advance(1);
    await settle();
    expect(ran).toBe(1);
  });

  it('runs only the latest work added under a key, and keeps work added again while it ran', async () => {
    const clock = createManualClock();
    const queue = new RetryQueue(clock, () => undefined, { firstMs: 100, maxMs: 1000 });
    const ran: string[] = [];
    queue.add('k', async () => void ran.push('first'));
    queue.add('k', async () => {
      ran.push('second');
      // Failing further on, the work queues its next step under the same key.
      queue.add('k', async () => void ran.push('third'));
    });
    clock.advance(100);
    await settle();
    expect(ran).toEqual(['second']);
    expect(queue.size).toBe(1);
    clock.advance(100);
    await settle();
    expect(ran).toEqual(['second', 'third']);
    expect(queue.size).toBe(0);
  });

  it('stops: nothing queued runs and no timer stays armed', async () => {
    const clock = createManualClock();
    const queue = new RetryQueue(clock, () => undefined, { firstMs: 100, maxMs: 1000 });
    let ran = 0;
    queue.add('k', async () => void ran++);
    queue.stop();
    expect(clock.pending()).toBe(0);
    queue.add('k', async () => void ran++);
    clock.advance(1000);
    await settle();
    expect(ran).toBe(0);
    expect(queue.size).toBe(0);
  });
});
