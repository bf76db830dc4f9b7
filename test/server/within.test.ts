import { afterEach, describe, expect, it, vi } from 'vitest';
import { within } from '../../src/server/within';

describe('within', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers with the promise when it settles in time, and leaves no timer behind', async () => {
    vi.useFakeTimers();
    await expect(within(Promise.resolve('answer'), 1000, () => 'late')).resolves.toBe('answer');
    expect(vi.getTimerCount()).toBe(0);
    await expect(within(Promise.reject(new Error('refused')), 1000, () => 'late')).rejects.toThrow('refused');
    expect(vi.getTimerCount()).toBe(0);
  });

  it("answers with late()'s value, or rejects with its throw, once the time has run out", async () => {
    vi.useFakeTimers();
    const never = new Promise<string>(() => undefined);
    const value = within(never, 1000, () => null);
    await vi.advanceTimersByTimeAsync(999);
    let settled = false;
    void value.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(value).resolves.toBeNull();
    const thrown = within(never, 500, () => {
      throw new Error('timed out');
    });
    const caught = expect(thrown).rejects.toThrow('timed out');
    await vi.advanceTimersByTimeAsync(500);
    await caught;
    expect(vi.getTimerCount()).toBe(0);
  });
});
