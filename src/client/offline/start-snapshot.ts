// Owns the first read of a start: in one read-only transaction, the start
// record (the head of the conversation list and the pages of the
// conversations the user had open lately and of the first few rows, kept
// together by start-record.ts), the event position, and the pages of the
// conversations open in this session, all asked at once: one trip to the
// database. A database not written since the start record was added is read
// as before: the head and the conversations open lately, then their pages.
// Plain IndexedDB, so it runs before the lazy offline chunk has loaded.
import type { ConversationSummary } from '../../protocol/entities';
import type { ConversationId } from '../../protocol/ids';
import type { StoredMeta, StoredPage } from './offline-schema';
import type { CachedPage, OfflineSnapshot } from './offline-types';

/** Rows of the list whose pages are read at start besides the wanted ones. */
const TOP_PAGES = 3;
/** Most pages read at start. */
const MAX_PAGES = 8;

/** The conversations whose pages a start reads: those open lately, then the first rows, up to MAX_PAGES. */
export function startPageIds(
  wanted: readonly ConversationId[],
  head: readonly ConversationSummary[],
): ConversationId[] {
  const ids: ConversationId[] = [];
  for (const id of [...wanted, ...head.slice(0, TOP_PAGES).map((c) => c.id)]) {
    if (ids.length >= MAX_PAGES) break;
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

function cachedPage(conversation: ConversationId, p: StoredPage): CachedPage {
  return { conversation, messages: p.messages, ...(p.threadUnread ? { threadUnread: p.threadUnread } : {}) };
}

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
          if (p) pages.push(cachedPage(conversation, p));
        });
      }
    };
    // A store answers in the order asked: the pages of conversations open now come first.
    readPages(wanted);
    request<StoredMeta['pos'] | undefined>(meta.get('pos'), (p) => (pos = typeof p === 'number' ? p : null));
    request<StoredMeta['start'] | undefined>(meta.get('start'), (start) => {
      if (start && Array.isArray(start.head)) {
        list = start.head;
        for (const p of start.pages) {
          if (asked.size >= MAX_PAGES) break;
          if (asked.has(p.conversation)) continue;
          asked.add(p.conversation);
          pages.push(cachedPage(p.conversation, p));
        }
        headRead = true;
        return;
      }
      // Not written since the start record was added: the head and the wanted list name the pages.
      request<StoredMeta['wanted'] | undefined>(meta.get('wanted'), (saved) => readPages(saved ?? []));
      // Every version 3 database that has a list has its head (offline-upgrade.ts copies it).
      request<StoredMeta['head'] | undefined>(meta.get('head'), (head) => {
        headRead = true;
        if (!Array.isArray(head)) return;
        list = head;
        readPages(head.slice(0, TOP_PAGES).map((c) => c.id));
      });
    });
    tx.onerror = () => reject(tx.error ?? new Error('offline start snapshot failed'));
    tx.onabort = () => reject(tx.error ?? new Error('offline start snapshot aborted'));
  });
}
