// Owns the read of everything the last session saved (the whole conversation
// list, every cached page and the event position), in one read-only
// transaction, after the start snapshot has painted (start-snapshot.ts).
import type { ConversationId } from '../../protocol/ids';
import type { OfflineDb } from './offline-db';
import type { StoredMeta } from './offline-schema';
import type { OfflineSnapshot } from './offline-types';
import { cachedPage } from './stored-page';

/** The saved snapshot, or null when no list was ever saved; throws when the database cannot be read. */
export async function readFullSnapshot(db: OfflineDb): Promise<OfflineSnapshot | null> {
  const tx = db.transaction(['meta', 'pages'], 'readonly');
  const meta = tx.objectStore('meta');
  const pagesStore = tx.objectStore('pages');
  const [list, pos, keys, values] = await Promise.all([
    meta.get('conversations'),
    meta.get('pos'),
    pagesStore.getAllKeys(),
    pagesStore.getAll(),
  ]);
  await tx.done;
  if (!Array.isArray(list)) return null;
  const conversations = list as StoredMeta['conversations'];
  const pages = keys.map((conversation: ConversationId, i) => cachedPage(conversation, values[i]!));
  return { conversations, pages, pos: typeof pos === 'number' ? pos : null, complete: true };
}
