// Owns when the overlay of this user's waiting edits and reactions
// (pending-change-view.ts) loads: with the first change that waits, as a
// chunk of its own, since most sessions never have one. Until it has loaded
// a message shows as the server has it; the binding then tells the store
// (`changesShown`), which redraws the views of the waiting changes' messages.
type PendingChangeView = typeof import('./pending-change-view');

let loaded: PendingChangeView | null = null;
let chunk: Promise<PendingChangeView> | null = null;

/** The overlay, or null until it has loaded. */
export function pendingChangeView(): PendingChangeView | null {
  return loaded;
}

/** The overlay, fetched on first call (a failed fetch is forgotten, so the next call tries again). */
export function loadPendingChangeView(): Promise<PendingChangeView> {
  chunk ??= import('./pending-change-view').then(
    (m) => (loaded = m),
    (e: unknown) => {
      chunk = null;
      throw e;
    },
  );
  return chunk;
}
