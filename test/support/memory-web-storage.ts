// Owns the in-memory Web Storage the outbox tests and the latency bench hand to
// webStorageOutbox: what localStorage is to a page, without a page.
import type { KeyValueStorage } from '../../src/client/outbox-persistence';

/** An empty Web Storage kept in a Map. */
export function memoryWebStorage(): KeyValueStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}
