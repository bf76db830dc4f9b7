// ShardedMap: reads like a Map, and an edit gives a new version that shares
// what it did not write while the previous version stays as it was.
import { describe, expect, it } from 'vitest';
import { ShardedMap } from '../../src/store/sharded-map';

const filled = (n: number) =>
  ShardedMap.from(new Map(Array.from({ length: n }, (_, i) => [`k${i}`, i] as [string, number])));

describe('ShardedMap', () => {
  it('holds what it was made from and iterates every entry once', () => {
    const m = filled(1000);
    expect(m.size).toBe(1000);
    expect(m.get('k999')).toBe(999);
    expect(m.has('k1000')).toBe(false);
    expect(new Map(m)).toEqual(new Map(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i])));
    expect([...m.keys()].sort()).toEqual([...new Map(m).keys()].sort());
    let sum = 0;
    m.forEach((v) => (sum += v));
    expect(sum).toBe((999 * 1000) / 2);
  });

  it('leaves the previous version unchanged and shares the values not written', () => {
    const objects = ShardedMap.from(
      new Map(Array.from({ length: 500 }, (_, i) => [`k${i}`, { i }] as [string, { i: number }])),
    );
    const edit = objects.edit();
    edit.set('k1', { i: -1 });
    edit.set('new', { i: 1000 });
    edit.delete('k2');
    const next = edit.done(objects);
    expect(next.size).toBe(500);
    expect(next.get('k1')).toEqual({ i: -1 });
    expect(next.get('new')).toEqual({ i: 1000 });
    expect(next.has('k2')).toBe(false);
    expect(objects.size).toBe(500);
    expect(objects.get('k1')).toEqual({ i: 1 });
    expect(objects.has('new')).toBe(false);
    expect(objects.get('k2')).toEqual({ i: 2 });
    for (let i = 3; i < 500; i++) expect(next.get(`k${i}`)).toBe(objects.get(`k${i}`));
  });

  it('gives back the same version when an edit changes nothing', () => {
    const m = filled(10);
    const edit = m.edit();
    edit.set('k3', 3);
    edit.delete('absent');
    expect(edit.done(m)).toBe(m);
  });
});
