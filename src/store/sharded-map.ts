// Owns ShardedMap: an immutable ReadonlyMap whose next version shares what
// did not change. Keys are spread over a fixed number of small Maps (by a hash
// of the key); an edit copies only the shards it writes to, so one new message
// among 100,000 loaded conversations copies about 1/128 of them instead of a
// whole Map. Iteration goes shard by shard (not in insertion order).

const SHARDS = 128;

/** FNV-1a over the key's UTF-16 units: cheap, and spreads ids that differ in one character. */
function shardOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % SHARDS;
}

type Shards<K, V> = readonly (ReadonlyMap<K, V> | undefined)[];

export class ShardedMap<K extends string, V> implements ReadonlyMap<K, V> {
  private constructor(
    private readonly shards: Shards<K, V>,
    readonly size: number,
  ) {}

  static empty<K extends string, V>(): ShardedMap<K, V> {
    return new ShardedMap<K, V>(new Array<undefined>(SHARDS).fill(undefined), 0);
  }

  /** `map` itself when it is a ShardedMap, else a ShardedMap of its entries. */
  static from<K extends string, V>(map: ReadonlyMap<K, V>): ShardedMap<K, V> {
    if (map instanceof ShardedMap) return map as ShardedMap<K, V>;
    const empty = ShardedMap.empty<K, V>();
    const edit = empty.edit();
    for (const [k, v] of map) edit.set(k, v);
    return edit.done(empty);
  }

  get(key: K): V | undefined {
    return this.shards[shardOf(key)]?.get(key);
  }

  has(key: K): boolean {
    return this.shards[shardOf(key)]?.has(key) ?? false;
  }

  /** Starts the next version: writes go to copies of the shards they touch, each copied once. */
  edit(): ShardedMapEdit<K, V> {
    return new ShardedMapEdit(this.shards, this.size);
  }

  *entries(): MapIterator<[K, V]> {
    for (const shard of this.shards) if (shard) yield* shard.entries();
  }

  *keys(): MapIterator<K> {
    for (const shard of this.shards) if (shard) yield* shard.keys();
  }

  *values(): MapIterator<V> {
    for (const shard of this.shards) if (shard) yield* shard.values();
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const shard of this.shards) shard?.forEach((v, k) => callback.call(thisArg, v, k, this));
  }

  /** @internal Used by ShardedMapEdit to build the next version. */
  static of<K extends string, V>(shards: Shards<K, V>, size: number): ShardedMap<K, V> {
    return new ShardedMap(shards, size);
  }
}

/** The writes of one next version; `done()` returns it (the edit must not be used afterwards). */
export class ShardedMapEdit<K extends string, V> {
  private readonly next: (ReadonlyMap<K, V> | undefined)[];
  /** Shards already copied by this edit (written in place from then on). */
  private readonly own = new Set<number>();
  private changed = false;

  constructor(
    base: Shards<K, V>,
    private size: number,
  ) {
    this.next = base.slice();
  }

  get(key: K): V | undefined {
    return this.next[shardOf(key)]?.get(key);
  }

  private writable(i: number): Map<K, V> {
    if (!this.own.has(i)) {
      this.own.add(i);
      this.next[i] = new Map(this.next[i]);
    }
    return this.next[i] as Map<K, V>;
  }

  set(key: K, value: V): void {
    const i = shardOf(key);
    const shard = this.next[i];
    if (shard?.get(key) === value && (value !== undefined || shard.has(key))) return;
    const w = this.writable(i);
    if (!w.has(key)) this.size++;
    w.set(key, value);
    this.changed = true;
  }

  delete(key: K): void {
    const i = shardOf(key);
    if (!this.next[i]?.has(key)) return;
    this.writable(i).delete(key);
    this.size--;
    this.changed = true;
  }

  /** The next version, or `base` itself when nothing changed. */
  done(base: ShardedMap<K, V>): ShardedMap<K, V> {
    return this.changed ? ShardedMap.of(this.next, this.size) : base;
  }
}
