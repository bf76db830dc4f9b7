// LruMap: values by key, and the entry used longest ago handed out first
// (a read with get or a write with set counts as a use),
// through many additions and removals.
import { describe, expect, it } from 'vitest';
import { LruMap } from '../../src/server/lru-map';

describe('LruMap', () => {
  it('hands out the entry used longest ago first, a get or a set counting as a use', () => {
    const map = new LruMap<string, number>();
    map.set('a', 1);
    map.set('b', 2);
    map.set('c', 3);
    expect(map.get('a')).toBe(1); // order b, c, a
    map.set('b', 20); // order c, a, b
    expect(map.size).toBe(3);
    expect(map.shift()).toEqual(['c', 3]);
    expect(map.shift()).toEqual(['a', 1]);
    expect(map.shift()).toEqual(['b', 20]);
    expect(map.shift()).toBeUndefined();
    expect(map.size).toBe(0);
    expect(map.get('a')).toBeUndefined();
  });

  it('keeps its order through many uses and removals, as a model of it does', () => {
    const map = new LruMap<number, string>();
    let order: number[] = [];
    const use = (k: number) => (order = [...order.filter((x) => x !== k), k]);
    for (let n = 0; n < 500; n++) {
      map.set(n, `v${n}`);
      use(n);
      if (n % 3 === 0) {
        const k = order[Math.floor(order.length / 2)]!;
        expect(map.get(k)).toBe(`v${k}`);
        use(k);
      }
      if (n % 4 === 0) {
        const k = order.shift()!;
        expect(map.shift()).toEqual([k, `v${k}`]);
      }
    }
    expect(map.size).toBe(order.length);
    for (const k of order) expect(map.shift()).toEqual([k, `v${k}`]);
    expect(map.size).toBe(0);
  });

  it('is empty after clear, and fills again', () => {
    const map = new LruMap<string, number>();
    map.set('a', 1);
    map.set('b', 2);
    map.clear();
    expect(map.size).toBe(0);
    expect(map.shift()).toBeUndefined();
    map.set('c', 3);
    expect(map.shift()).toEqual(['c', 3]);
  });
});
