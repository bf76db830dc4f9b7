// Owns when the overlay of this user's waiting edits and reactions
// (pending-change-view.ts) loads: with the first change that waits, in the
// chunk of the offline cache's store side (lazy-offline-sync.ts), which a
// client with a cache has fetched at start; most sessions never queue a
// change. Until it has loaded a message shows as the server has it; the
// binding then tells the store (`changesShown`), which draws the views of the
// waiting changes' messages again.
import { loadOfflineSync } from './lazy-offline-sync';

type PendingChangeView = typeof import('./pending-change-view');

let loaded: PendingChangeView | null = null;

/** The overlay, or null until it has loaded. */
export function pendingChangeView(): PendingChangeView | null {
  return loaded;
}

/** The overlay, fetched on first call (a failed fetch is forgotten, so the next call tries again). */
export function loadPendingChangeView(): Promise<PendingChangeView> {
  return loadOfflineSync().then((m) => (loaded = m.pendingChangeView));
}
