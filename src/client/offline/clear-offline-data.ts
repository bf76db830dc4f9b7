// Owns wiping a user's offline cache without a client (after logout, when the
// client is already closed): the same database name the client would use.
import { offlineDbName } from './offline-name';

/**
 * Deletes what natter kept in this browser for `user` on the server at `url` (the conversation list,
 * recent messages and unsent messages). Close the user's clients first: an open client keeps its
 * database open and the delete waits for it (`client.clearOfflineData()` closes and deletes in one step).
 */
export async function clearOfflineData(target: { url: string; user: string }): Promise<void> {
  if (typeof globalThis.indexedDB === 'undefined') return;
  const request = globalThis.indexedDB.deleteDatabase(offlineDbName(target.url, target.user));
  await new Promise<void>((resolve, reject) => {
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('the offline database could not be deleted'));
  });
}
