// Owns which tab replays a kept entry of the shared offline database (an
// unsent message with its file's bytes, a queued change): the tab holding the
// entry's Web Lock. A tab holds the lock of every entry it made or took at
// start, until the entry is done; a tab that starts later takes only entries
// no live tab holds, so a message is sent and its file uploaded by one tab,
// while entries of a tab that went away are taken by the next one to start.
// Without Web Locks every tab takes every entry (the server still stores a
// message once by its localId).

export class EntryClaims {
  private readonly held = new Map<string, () => void>();
  /** Released before the lock was granted: let go as soon as it is. */
  private readonly dropped = new Set<string>();

  constructor(private readonly prefix: string) {}

  /** Takes `key` for this tab: true when this tab holds it now (or locks are missing), false when another does. */
  claim(key: string): Promise<boolean> {
    const locks = globalThis.navigator?.locks;
    if (!locks || this.held.has(key)) return Promise.resolve(true);
    this.dropped.delete(key);
    return new Promise((resolve) => {
      locks
        .request(`${this.prefix}:${key}`, { ifAvailable: true }, (lock) => {
          if (!lock) return resolve(false);
          resolve(true);
          if (this.dropped.delete(key)) return;
          return new Promise<void>((release) => this.held.set(key, release));
        })
        .catch(() => resolve(true));
    });
  }

  /** The entry is done (sent, answered or dropped): other tabs may take a new one of that key. */
  release(key: string): void {
    const release = this.held.get(key);
    if (release) {
      this.held.delete(key);
      release();
    } else this.dropped.add(key);
  }

  /** Keeps the entries `claim` allows, in order. */
  async filter<T>(entries: readonly T[], keyOf: (entry: T) => string): Promise<T[]> {
    const mine = await Promise.all(entries.map((e) => this.claim(keyOf(e))));
    return entries.filter((_, i) => mine[i]);
  }
}
