import { describe, expect, it } from 'vitest';
import { createUlidFactory, ulid } from '../../src/protocol/ulid';

const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]{26}$/;

describe('ulid', () => {
  it('makes 26 Crockford base-32 characters whose first ten encode the time', () => {
    const id = createUlidFactory(() => 0)(1_469_918_176_385);
    expect(id).toMatch(CROCKFORD);
    expect(id.slice(0, 10)).toBe('01ARYZ6S41');
    expect(id.slice(10)).toBe('0000000000000000');
  });

  it('keeps ids strictly increasing within one millisecond and when the clock steps back', () => {
    const next = createUlidFactory();
    const ids = [next(1000), next(1000), next(1000), next(999), next(1001)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[3]!.slice(0, 10)).toBe(ids[0]!.slice(0, 10));
  });

  it('carries within the random part when its last characters are Z', () => {
    let call = 0;
    // Fifteen zeros, then the last character Z: the next id carries into the fifteenth.
    const next = createUlidFactory(() => (call++ % 16 === 15 ? 0.999_999_999 : 0));
    const first = next(7);
    expect(first.slice(10)).toBe(`${'0'.repeat(15)}Z`);
    const second = next(7);
    expect(second.slice(10)).toBe(`${'0'.repeat(14)}10`);
    expect(next(7).slice(10)).toBe(`${'0'.repeat(14)}11`);
    expect(second > first).toBe(true);
  });

  it('carries into the next millisecond when the random part is exhausted', () => {
    const next = createUlidFactory(() => 0.999_999_999);
    const first = next(5);
    expect(first.slice(10)).toBe('Z'.repeat(16));
    const second = next(5);
    expect(first.slice(0, 10)).toBe('0000000005');
    expect(second.slice(0, 10)).toBe('0000000006');
    expect(second > first).toBe(true);
  });

  it('refuses a time outside 48 bits', () => {
    expect(() => createUlidFactory()(-1)).toThrow(RangeError);
    expect(() => createUlidFactory()(2 ** 48)).toThrow(RangeError);
  });

  it('gives distinct ids from the shared generator', () => {
    const ids = Array.from({ length: 1000 }, () => ulid());
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) expect(id).toMatch(CROCKFORD);
  });
});
