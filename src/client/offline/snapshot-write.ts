// Owns writing one change of the cached list and messages into the `meta` and
// `pages` stores, with the start record that copies parts of them, inside the
// caller's transaction. Every request is made at once rather than each after
// the last one's answer: a busy page answers late, and a write still open as
// the page unloads holds back the outbox's (IndexedDbCacheOptions.beforeWrite).
import type { OfflineListTx } from './offline-db';
import { HEAD_CONVERSATIONS } from './offline-schema';
import type { OfflineSnapshotChange } from './offline-types';
import { updateStartRecord } from './start-record';
import { storedPage } from './stored-page';

export async function writeSnapshotChange(tx: OfflineListTx, change: OfflineSnapshotChange): Promise<void> {
  const meta = tx.objectStore('meta');
  const pages = tx.objectStore('pages');
  const list = change.conversations;
  const head = list?.slice(0, HEAD_CONVERSATIONS);
  await Promise.all([
    ...(list && head ? [meta.put([...list], 'conversations'), meta.put(head, 'head')] : []),
    ...(change.pages ?? []).map((p) => pages.put(storedPage(p), p.conversation)),
    ...(change.removed ?? []).map((id) => pages.delete(id)),
    meta.put(change.pos, 'pos'),
    updateStartRecord(tx, {
      ...(head ? { head } : {}),
      ...(change.pages ? { pages: change.pages } : {}),
      ...(change.removed ? { removed: change.removed } : {}),
    }),
  ]);
}
