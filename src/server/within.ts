// Owns waiting on a promise for a bounded time: its answer, or what `late` makes of the time having
// run out (a value, or a throw), with the timer cleared either way so nothing keeps the process up.

/** `p`'s outcome if it settles within `ms`, else `late()`'s value (or its throw). */
export function within<T, L>(p: Promise<T>, ms: number, late: () => L): Promise<T | L> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ranOut = new Promise<L>((resolve, reject) => {
    timer = setTimeout(() => {
      try {
        resolve(late());
      } catch (e) {
        reject(e);
      }
    }, ms);
  });
  return Promise.race([p, ranOut]).finally(() => clearTimeout(timer));
}
