import { describe, expect, it } from 'vitest';
import { lazyMethods, type EveryMethod } from '../../src/client/lazy-methods';
import { ErrorCode, NatterError } from '../../src/protocol/errors';

interface Rare {
  double(n: number): Promise<number>;
  greet(who: string, punctuation: string): Promise<string>;
}

const implementation: Rare = {
  double: (n) => Promise.resolve(n * 2),
  greet: (who, punctuation) => Promise.resolve(`hello ${who}${punctuation}`),
};
const NAMES = ['double', 'greet'] as const;
// The call sites' compile-time check: every method of Rare is listed.
const listed: EveryMethod<Rare, typeof NAMES> = true;

describe('lazyMethods', () => {
  it('fetches nothing until a method is called, then the chunk once for every method', async () => {
    let loads = 0;
    const api = lazyMethods<Rare>(() => {
      loads++;
      return Promise.resolve(implementation);
    }, NAMES);
    expect(listed).toBe(true);
    expect(loads).toBe(0);
    const [a, b] = await Promise.all([api.double(21), api.greet('ada', '!')]);
    expect([a, b]).toEqual([42, 'hello ada!']);
    expect(await api.double(2)).toBe(4);
    expect(loads).toBe(1);
  });

  it('rejects the call whose chunk failed to load with a NatterError, and loads again on the next call', async () => {
    let loads = 0;
    const api = lazyMethods<Rare>(() => {
      loads++;
      return loads === 1
        ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
        : Promise.resolve(implementation);
    }, NAMES);
    const failed = await api.greet('bob', '?').catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(NatterError);
    expect((failed as NatterError).code).toBe(ErrorCode.UNKNOWN);
    expect((failed as NatterError).message).toContain('Failed to fetch');
    expect(await api.greet('bob', '?')).toBe('hello bob?');
    expect(loads).toBe(2);
  });

  it("passes a method's own rejection through unchanged", async () => {
    const refused = new NatterError(ErrorCode.INVALID_PARAMS, 'no');
    const api = lazyMethods<Rare>(
      () => Promise.resolve({ ...implementation, double: () => Promise.reject(refused) }),
      NAMES,
    );
    await expect(api.double(1)).rejects.toBe(refused);
  });
});
