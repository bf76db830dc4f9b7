import { describe, expect, it } from 'vitest';
import { definedFields } from '../../src/protocol/defined-fields';

describe('definedFields', () => {
  it('drops only the undefined fields: null, 0, empty strings and false stay, in their order', () => {
    const out = definedFields({ a: undefined, b: null, c: 0, d: '', e: false, f: undefined, g: 'x' });
    expect(out).toEqual({ b: null, c: 0, d: '', e: false, g: 'x' });
    expect(Object.keys(out)).toEqual(['b', 'c', 'd', 'e', 'g']);
    expect('a' in out).toBe(false);
  });
});
