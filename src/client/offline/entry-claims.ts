// Owns which tab replays a kept entry of the shared offline database (an
// unsent message with its file's bytes, a queued change): the tab holding the
// entry's Web Lock. A tab holds the lock of every entry it made or took at
// start, until the entry is done; a tab that starts later takes only entries
// no live tab holds, so a message is sent and its file uploaded by one tab,
// while entries of a tab that went away are taken by the next one to start,
// or by a live tab that waits for them (whenFree).
// Without Web Locks every tab takes every entry (the server still stores a
// message once by its localId).

export class EntryClaims {
  private readonly held = new Map<string, () => void>();
  /** Released before the lock was granted: let go as soon as it is. */
  private readonly dropped = new Set<string>();

  constructor(private readonly prefix: string) {}

  /** Claims asked for and not answered yet: asking again gets the same answer. */
  private readonly asking = new Map<string, Promise<boolean>>();

  /** Takes `key` for this tab: true when this tab holds it now (or locks are missing), false when another does. */
  claim(key: string): Promise<boolean> {
    return this.take(key, { ifAvailable: true });
  }

  /**
   * Waits until no other tab holds `key`, then takes it (true); false when `signal` aborts first or
   * locks are missing. A tab that made an entry holds it until the entry is done or the tab is gone.
   */
  whenFree(key: string, signal: AbortSignal): Promise<boolean> {
    if (!globalThis.navigator?.locks) return Promise.resolve(false);
    return this.take(key, { signal });
  }

  private take(key: string, options: LockOptions): Promise<boolean> {
    const locks = globalThis.navigator?.locks;
    if (!locks || this.held.has(key)) return Promise.resolve(true);
    // Only quick claims are shared: one that waits must not hold up a quick one.
    const quick = options.signal === undefined;
    const asked = quick ? this.asking.get(key) : undefined;
    if (asked) return asked;
    this.dropped.delete(key);
    const answer = new Promise<boolean>((resolve) => {
      locks
        .request(`${this.prefix}:${key}`, options, (lock) => {
          if (quick) this.asking.delete(key);
          if (!lock) return resolve(false);
          resolve(true);
          if (this.dropped.delete(key)) return;
          return new Promise<void>((release) => this.held.set(key, release));
        })
        .catch(() => {
          if (quick) this.asking.delete(key);
          resolve(quick);
        });
    });
    if (quick) this.asking.set(key, answer);
    return answer;
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
