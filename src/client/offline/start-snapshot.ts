// Owns the first read of a start: in one read-only transaction, the head of
// the conversation list, the event position, and the pages of the
// conversations the user has open or had open lately (and of the first few
// rows), so a reload paints from a few small records; the rest is read later.
// Plain IndexedDB, so it runs before the lazy offline chunk has loaded.
import type { ConversationSummary } from '../../protocol/entities';
import type { ConversationId } from '../../protocol/ids';
import type { StoredMeta, StoredPage } from './offline-schema';
import type { CachedPage, OfflineSnapshot } from './offline-types';

/** Rows of the list whose pages are read at start besides the wanted ones. */
const TOP_PAGES = 3;
/** Most pages read at start. */
const MAX_PAGES = 8;

/** The start snapshot (`complete: false`), or null when nothing was cached. */
export function readStartSnapshot(db: IDBDatabase, wanted: readonly ConversationId[]): Promise<OfflineSnapshot | null> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(['meta', 'pages'], 'readonly');
    const meta = tx.objectStore('meta');
    const pages: CachedPage[] = [];
    let list: ConversationSummary[] | null = null;
    let pos: number | null = null;
    let headRead = false;
    let waiting = 0;
    // Answered once the last record is in, not at the transaction's complete event, which comes a trip
    // to the database later (a read-only transaction has nothing to commit that this read needs).
    const request = <T>(req: IDBRequest, done: (value: T) => void): void => {
      waiting++;
      req.onsuccess = () => {
        waiting--;
        done(req.result as T);
        if (headRead && waiting === 0) resolve(list ? { conversations: list, pages, pos, complete: false } : null);
      };
    };
    const asked = new Set<ConversationId>();
    const readPages = (ids: readonly ConversationId[]) => {
      for (const conversation of ids) {
        if (asked.size >= MAX_PAGES) return;
        if (asked.has(conversation)) continue;
        asked.add(conversation);
        request<StoredPage | undefined>(tx.objectStore('pages').get(conversation), (p) => {
          if (p)
            pages.push({
              conversation,
              messages: p.messages,
              ...(p.threadUnread ? { threadUnread: p.threadUnread } : {}),
            });
        });
      }
    };
    // The records are asked together and each page as soon as its id is known: two trips to the
    // database, not one per record that names the next. A store answers in the order asked, so the
    // pages of conversations open lately come before those of the top rows.
    readPages(wanted);
    request<StoredMeta['pos'] | undefined>(meta.get('pos'), (p) => (pos = typeof p === 'number' ? p : null));
    request<StoredMeta['wanted'] | undefined>(meta.get('wanted'), (saved) => readPages(saved ?? []));
    // Every version 3 database that has a list has its head (offline-upgrade.ts copies it).
    request<StoredMeta['head'] | undefined>(meta.get('head'), (head) => {
      headRead = true;
      if (!Array.isArray(head)) return;
      list = head;
      readPages(head.slice(0, TOP_PAGES).map((c) => c.id));
    });
    tx.onerror = () => reject(tx.error ?? new Error('offline start snapshot failed'));
    tx.onabort = () => reject(tx.error ?? new Error('offline start snapshot aborted'));
  });
}
