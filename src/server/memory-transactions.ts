// Owns the atomic transactions of MemoryStorage: an undo log. Every write
// inside a transaction records how to revert itself, and a throw (or
// rollback) replays the log backwards; outside a transaction nothing is
// recorded. The storage's parts write through it.
import type { SyncStorage } from './storage';

/** The transaction operations MemoryStorage takes from its undo log. */
export const TRANSACTION_OPS = ['transaction', 'begin', 'commit', 'rollback'] as const;
export type TransactionOps = Pick<SyncStorage, (typeof TRANSACTION_OPS)[number]>;

/** The undo log and the write helper the in-memory storage's parts share. */
export class MemoryTransactions implements TransactionOps {
  private undo: (() => void)[] | null = null;

  transaction<T>(fn: () => T): T {
    if (this.undo) return fn();
    const log: (() => void)[] = [];
    this.undo = log;
    try {
      const result = fn();
      this.undo = null;
      return result;
    } catch (e) {
      this.undo = null;
      for (let i = log.length - 1; i >= 0; i--) log[i]!();
      throw e;
    }
  }

  begin(): void {
    if (this.undo) throw new Error('a transaction is already open');
    this.undo = [];
  }

  commit(): void {
    this.undo = null;
  }

  rollback(): void {
    const log = this.undo ?? [];
    this.undo = null;
    for (let i = log.length - 1; i >= 0; i--) log[i]!();
  }

  /** Remembers how to undo one write (nothing outside a transaction). */
  record(step: () => void): void {
    this.undo?.push(step);
  }

  /** Sets `map[key] = value`, remembering the previous value for rollback. */
  setIn<K, V>(map: Map<K, V>, key: K, value: V | undefined): void {
    const had = map.has(key);
    const prev = map.get(key);
    if (value === undefined) map.delete(key);
    else map.set(key, value);
    this.record(() => {
      if (had) map.set(key, prev as V);
      else map.delete(key);
    });
  }
}
