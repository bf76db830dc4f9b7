// Owns a Map that knows which of its keys was used longest ago, for the
// core's bounded caches (message-cache.ts, conversation-state-cache.ts).
// The order of use is a linked list beside the Map, not the Map's own order:
// taking a Map's first key right after deleting the keys before it walks over
// every deleted slot V8 has not reclaimed yet (about 6 µs with 10,000 keys,
// 20 µs with 50,000, in a loop of Map operations alone), where the list hands
// out its head at once.

interface Node<K, V> {
  readonly key: K;
  value: V;
  /** The node used just before this one (null: the oldest). */
  older: Node<K, V> | null;
  /** The node used just after this one (null: the newest). */
  newer: Node<K, V> | null;
}

export class LruMap<K, V> {
  private readonly nodes = new Map<K, Node<K, V>>();
  private oldest: Node<K, V> | null = null;
  private newest: Node<K, V> | null = null;

  get size(): number {
    return this.nodes.size;
  }

  /** The value, now the one used last; undefined when absent. */
  get(key: K): V | undefined {
    const node = this.nodes.get(key);
    if (node === undefined) return undefined;
    this.touch(node);
    return node.value;
  }

  /** Keeps `value` under `key`, now the one used last. */
  set(key: K, value: V): void {
    const node = this.nodes.get(key);
    if (node) {
      node.value = value;
      this.touch(node);
      return;
    }
    const added: Node<K, V> = { key, value, older: null, newer: null };
    this.nodes.set(key, added);
    this.append(added);
  }

  /** Removes the entry used longest ago and returns it (undefined when empty). */
  shift(): [K, V] | undefined {
    const node = this.oldest;
    if (!node) return undefined;
    this.unlink(node);
    this.nodes.delete(node.key);
    return [node.key, node.value];
  }

  clear(): void {
    this.nodes.clear();
    this.oldest = this.newest = null;
  }

  private touch(node: Node<K, V>): void {
    if (node === this.newest) return;
    this.unlink(node);
    this.append(node);
  }

  private append(node: Node<K, V>): void {
    node.older = this.newest;
    node.newer = null;
    if (this.newest) this.newest.newer = node;
    else this.oldest = node;
    this.newest = node;
  }

  private unlink(node: Node<K, V>): void {
    if (node.older) node.older.newer = node.newer;
    else this.oldest = node.newer;
    if (node.newer) node.newer.older = node.older;
    else this.newest = node.older;
    node.older = node.newer = null;
  }
}
