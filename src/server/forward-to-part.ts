// Owns how a storage class is put together from its parts without a one-line
// method per operation: each part implements some of the storage's operations,
// and `forwardToPart` gives the class's prototype those operations, each
// calling the same method on the part the instance holds. The operation names
// are a const list the part's type is derived from (a Pick of the storage
// interface), so the type the class declares and what runs come from one list.

/**
 * Adds to `target`'s prototype each operation in `names`, forwarding to the same method of the part
 * `partOf(this)` returns. The class declares the operations by merging an interface; the part must
 * have them with the same signatures.
 */
export function forwardToPart<T extends object, N extends keyof T & string>(
  target: { prototype: T },
  partOf: (self: T) => Pick<T, N>,
  names: readonly N[],
): void {
  for (const name of names) {
    if (Object.prototype.hasOwnProperty.call(target.prototype, name)) {
      throw new Error(`forwardToPart: ${name} is already defined`);
    }
    Object.defineProperty(target.prototype, name, {
      value: function (this: T, ...args: unknown[]): unknown {
        const part = partOf(this);
        return (part[name] as (...a: unknown[]) => unknown).apply(part, args);
      },
      writable: true,
      configurable: true,
    });
  }
}

/**
 * The same for a part made of functions that take what the instance holds first (a database
 * handle): each operation in `names` calls `part[name](firstOf(this), ...args)`.
 */
export function forwardToFunctions<T extends object, F, N extends keyof T & string>(
  target: { prototype: T },
  firstOf: (self: T) => F,
  part: {
    // NonNullable: an optional operation of the storage (one it may offer) is forwarded like any other.
    [K in N]: NonNullable<T[K]> extends (...args: infer A) => infer R ? (first: NoInfer<F>, ...args: A) => R : never;
  },
  names: readonly N[],
): void {
  for (const name of names) {
    if (Object.prototype.hasOwnProperty.call(target.prototype, name)) {
      throw new Error(`forwardToFunctions: ${name} is already defined`);
    }
    const fn = part[name] as (first: F, ...args: unknown[]) => unknown;
    Object.defineProperty(target.prototype, name, {
      value: function (this: T, ...args: unknown[]): unknown {
        return fn(firstOf(this), ...args);
      },
      writable: true,
      configurable: true,
    });
  }
}
