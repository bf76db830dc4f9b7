// forwardToPart / forwardToFunctions: a class gets the listed operations of a part,
// called on that part (or with what the instance holds first), and never loses one
// of its own methods to a forwarded one.
import { describe, expect, it } from 'vitest';
import { forwardToFunctions, forwardToPart } from '../../src/server/forward-to-part';

class Counter {
  n = 0;
  add(by: number): number {
    this.n += by;
    return this.n;
  }
}

// Declared by merging, as the storages do: the forwarding defines them on the prototype.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
interface Holder {
  add(by: number): number;
  label(prefix: string): string;
}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the interface above
class Holder {
  readonly counter = new Counter();
  readonly name = 'holder';
}
forwardToPart(Holder, (h: Holder) => h.counter, ['add']);
forwardToFunctions(Holder, (h: Holder) => h.name, { label: (name: string, prefix: string) => `${prefix}${name}` }, [
  'label',
]);

describe('forwarding a storage operation to a part', () => {
  it('calls the part of the instance it is called on, with its arguments and its result', () => {
    const a = new Holder();
    const b = new Holder();
    expect(a.add(2)).toBe(2);
    expect(a.add(3)).toBe(5);
    expect(b.add(1)).toBe(1);
    expect(a.counter.n).toBe(5);
  });

  it('passes what the instance holds first to a part made of functions', () => {
    expect(new Holder().label('the ')).toBe('the holder');
  });

  it('refuses to replace a method the class defines itself', () => {
    class Own {
      readonly counter = new Counter();
      add(_by: number): number {
        return -1;
      }
    }
    expect(() => forwardToPart(Own, (o: Own) => o.counter, ['add'])).toThrow(/add is already defined/);
    expect(new Own().add(1)).toBe(-1);
  });
});
