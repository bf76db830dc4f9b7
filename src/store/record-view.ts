// Owns the read-only Record views of the store's per-conversation Maps. The
// state keeps conversations and messages in Maps (copying a 1,000-key object
// per batch cost more than ingesting the batch); code written against the
// earlier Record fields reads these views, built on first read and cached per Map.
const views = new WeakMap<ReadonlyMap<string, unknown>, Readonly<Record<string, unknown>>>();

/** A frozen plain-object copy of `map`, the same object for the same Map. */
export function recordView<K extends string, V>(map: ReadonlyMap<K, V>): Readonly<Record<K, V>> {
  let view = views.get(map);
  if (!view) {
    const record: Record<string, unknown> = {};
    for (const [k, v] of map) record[k] = v;
    view = Object.freeze(record);
    views.set(map, view);
  }
  return view as Readonly<Record<K, V>>;
}
