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
