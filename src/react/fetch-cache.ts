// Owns the session's fetch cache: what natter's hooks fetch once or page by
// page (a group record, an invitation the store has not seen, who read a group
// message, history cursors) keyed by string, with one request in flight per
// key, results kept for as long as the caller says, and subscribers told of
// every change. Replaces a general query library: natter needs these four
// patterns and nothing else, and the headless bundle pays for every byte.
import { NatterError } from '../protocol/errors';

export interface FetchState<T> {
  data: T | undefined;
  error: NatterError | null;
  loading: boolean;
  /** When `data` arrived (clock ms), 0 before. */
  fetchedAt: number;
}

interface Entry<T> {
  state: FetchState<T>;
  inFlight: Promise<T> | null;
  listeners: Set<() => void>;
}

const IDLE: FetchState<never> = Object.freeze({ data: undefined, error: null, loading: false, fetchedAt: 0 });

function asNatterError(e: unknown): NatterError {
  if (e instanceof NatterError) return e;
  const err = e as { code?: unknown; message?: unknown } | null;
  return new NatterError(
    typeof err?.code === 'number' ? err.code : 5000,
    typeof err?.message === 'string' ? err.message : String(e),
  );
}

export class FetchCache {
  private readonly entries = new Map<string, Entry<unknown>>();

  constructor(private readonly now: () => number = Date.now) {}

  private entry<T>(key: string): Entry<T> {
    let e = this.entries.get(key) as Entry<T> | undefined;
    if (!e) {
      e = { state: IDLE, inFlight: null, listeners: new Set() };
      this.entries.set(key, e);
    }
    return e;
  }

  /** The current state of `key` (a stable object until it changes). */
  read<T>(key: string): FetchState<T> {
    return (this.entries.get(key)?.state as FetchState<T> | undefined) ?? IDLE;
  }

  subscribe(key: string, listener: () => void): () => void {
    const e = this.entry(key);
    e.listeners.add(listener);
    return () => {
      e.listeners.delete(listener);
      // Entries nobody watches and nothing fetches are dropped; their data can be fetched again.
      if (e.listeners.size === 0 && !e.inFlight && e.state.error) this.entries.delete(key);
    };
  }

  private set<T>(e: Entry<T>, state: FetchState<T>): void {
    e.state = state;
    for (const l of [...e.listeners]) l();
  }

  /** Data of `key` newer than `staleMs`, the request already in flight, or a new one. */
  fetch<T>(key: string, fetcher: () => Promise<T>, staleMs = Infinity): Promise<T> {
    const e = this.entry<T>(key);
    if (e.inFlight) return e.inFlight;
    if (e.state.fetchedAt > 0 && !e.state.error && this.now() - e.state.fetchedAt < staleMs)
      return Promise.resolve(e.state.data as T);
    this.set(e, { ...e.state, loading: true, error: null });
    const p = fetcher().then(
      (data) => {
        e.inFlight = null;
        this.set(e, { data, error: null, loading: false, fetchedAt: this.now() });
        return data;
      },
      (err: unknown) => {
        e.inFlight = null;
        const error = asNatterError(err);
        this.set(e, { ...e.state, error, loading: false });
        throw error;
      },
    );
    e.inFlight = p;
    return p;
  }

  /** Replaces the data of `key` (history paging appends cursors this way). */
  update<T>(key: string, fn: (data: T | undefined) => T): void {
    const e = this.entry<T>(key);
    this.set(e, { ...e.state, data: fn(e.state.data), fetchedAt: this.now() });
  }

  clear(): void {
    this.entries.clear();
  }
}
