// Owns how the offline cache's IndexedDB writes fail: several writes made as
// one transaction land together or not at all, and a failed write is named
// (quota exceeded, or anything else) for the one warning the cache gives.
import type { OfflineWarning } from './offline-types';

/** Runs a transaction's writes; a write that throws aborts the whole transaction (no half-cleared outbox). */
export async function allOrNothing(
  tx: { done: Promise<void>; abort(): void },
  run: () => Promise<void>,
): Promise<void> {
  try {
    await run();
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // Already finished: nothing to undo.
    }
    tx.done.catch(() => undefined);
    throw e;
  }
  await tx.done;
}

/** Why a write failed, as the cache's warning says it. */
export function errorReason(e: unknown): OfflineWarning['reason'] {
  return (e as { name?: unknown } | null)?.name === 'QuotaExceededError' ? 'quota' : 'failed';
}
