// Owns the lazy read-only array the message views are handed out as: a real
// array to callers whose entries are made only when read, so a list of
// 100,000 messages costs nothing per entry until a row shows it.

/** Index of a canonical array index property name, or -1. */
function indexOf(prop: string | symbol, length: number): number {
  if (typeof prop !== 'string' || prop.length === 0) return -1;
  const c = prop.charCodeAt(0);
  if (c < 48 || c > 57) return -1;
  const i = Number(prop);
  return Number.isInteger(i) && i < length && (i > 0 || prop === '0') ? i : -1;
}

/**
 * A read-only array of `length` entries whose entry i is `at(i)`, made when read. It is a real
 * array to callers (`Array.isArray`, `map`, iteration, spreading, `toEqual`) but holds nothing per
 * entry; writes throw.
 */
export function lazyArray<T>(length: number, at: (i: number) => T): readonly T[] {
  // The target stays empty: its length is answered by the traps (setting it to 100,000 allocates a
  // backing store of that many holes, ~1–3 ms each time a conversation's list changes).
  const target: T[] = [];
  const readOnly = () => {
    throw new TypeError("a conversation's message list is read-only");
  };
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (prop === 'length') return length;
      const i = indexOf(prop, length);
      return i >= 0 ? at(i) : (Reflect.get(t, prop, receiver) as unknown);
    },
    has(t, prop) {
      return indexOf(prop, length) >= 0 || Reflect.has(t, prop);
    },
    ownKeys() {
      const keys: string[] = new Array<string>(length);
      for (let i = 0; i < length; i++) keys[i] = String(i);
      keys.push('length');
      return keys;
    },
    getOwnPropertyDescriptor(t, prop) {
      const i = indexOf(prop, length);
      if (i >= 0) return { value: at(i), writable: false, enumerable: true, configurable: true };
      // The target's own length (writable, not configurable) with this array's value.
      if (prop === 'length') return { value: length, writable: true, enumerable: false, configurable: false };
      return Reflect.getOwnPropertyDescriptor(t, prop);
    },
    set: readOnly,
    defineProperty: readOnly,
    deleteProperty: readOnly,
  });
}
