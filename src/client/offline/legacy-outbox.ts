// Owns the one-time move of an outbox kept before the offline cache existed
// (webStorageOutbox in localStorage) into the cache's outbox store.
import type { PendingMessage } from '../pending-message';
import { savedPending } from '../outbox-persistence';
import { allOrNothing } from './idb-transaction';
import type { OfflineDb } from './offline-db';

/** Where an outbox kept before this cache existed is read from, once, and emptied after the move. */
export interface LegacyOutbox {
  load(): PendingMessage[];
  clear(): void;
}

/**
 * `stored` with the legacy outbox's sends it lacks, written to the database. The legacy copy goes
 * only once the move has landed: a failed move (reported to `failed`) leaves it for next time.
 */
export async function moveLegacyOutbox(
  db: OfflineDb,
  stored: PendingMessage[],
  legacy: LegacyOutbox,
  failed: (e: unknown) => void,
): Promise<PendingMessage[]> {
  // Read after the database's own outbox: its first use of localStorage blocks the page (legacyOutbox).
  const old = legacy.load();
  if (old.length === 0) return stored;
  const have = new Set(stored.map((p) => p.localId));
  const merged = [...stored, ...old.filter((p) => !have.has(p.localId))];
  try {
    const tx = db.transaction('outbox', 'readwrite');
    await allOrNothing(tx, async () => {
      for (const p of merged) await tx.store.put(savedPending(p), p.localId);
    });
    legacy.clear();
  } catch (e) {
    failed(e);
  }
  return merged;
}
