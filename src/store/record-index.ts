// Owns Map mirrors of the state's per-conversation records (summaries,
// messages). Those records are plain objects with one key per conversation,
// which V8 keeps in dictionary mode; the reducer's hot path reads the mirror
// instead, and the mirror follows each commit with the entries it changed.
export class RecordIndex<K extends string, V> {
  private source: Readonly<Record<K, V>> | null = null;
  private map = new Map<K, V>();

  /** The mirror of `record`; rebuilt only when `record` is not the one last committed here. */
  of(record: Readonly<Record<K, V>>): ReadonlyMap<K, V> {
    if (record !== this.source) {
      this.map = new Map(Object.entries(record) as [K, V][]);
      this.source = record;
    }
    return this.map;
  }

  /** Follows a commit: `set`/`delete` the entries that changed, then `committed(next)`. */
  set(k: K, v: V): void {
    this.map.set(k, v);
  }

  delete(k: K): void {
    this.map.delete(k);
  }

  /** `next` is the record the mirror now reflects (the previous one with the changes applied). */
  committed(next: Readonly<Record<K, V>>): void {
    this.source = next;
  }

  /** Forgets the mirror (the next `of` rebuilds it), for commits that replace the record wholesale. */
  reset(): void {
    this.source = null;
    this.map = new Map();
  }
}
