// Owns the offline database's version, the records it holds and opening it,
// in the plain IndexedDB API: the page's own bundle opens the database and
// reads the first snapshot with it while the lazy offline chunk (idb, the
// cache) is still loading. Version 3 stores each page as a record with the
// thread unread counts of its roots, and the head of the conversation list
// apart from the whole list, so that a start reads a few small records; the
// `start` meta record (written beside them since, no new version) copies what
// a start draws, so that it is one read. The upgrades (offline-upgrade.ts)
// load only when the database needs one.
import type { ConversationSummary } from '../../protocol/entities';
import type { ConversationId } from '../../protocol/ids';
import type { Message } from '../../protocol/message';

const OFFLINE_DB_VERSION = 3;

/** Conversations of the list kept in the `head` record: a first screen of rows and then some. */
export const HEAD_CONVERSATIONS = 30;

/** One conversation's record in the `pages` store. */
export interface StoredPage {
  /** Oldest first. */
  messages: Message[];
  /** The server's unread reply counts of the thread roots among `messages`, by root serverId. */
  threadUnread?: Record<string, number>;
}

/** What a start draws, copied into one record whenever one of its parts is written. */
export interface StoredStart {
  /** The list's head, as in `head`. */
  head: ConversationSummary[];
  /** The pages of the conversations open lately and of the first rows (start-snapshot.ts picks them). */
  pages: ({ conversation: ConversationId } & StoredPage)[];
}

/** Values of the `meta` store, by key. */
export interface StoredMeta {
  /** The whole conversation list, most recently updated first. */
  conversations: ConversationSummary[];
  /** Its first HEAD_CONVERSATIONS entries. */
  head: ConversationSummary[];
  /** The event position the list and pages reflect. */
  pos: number | null;
  /** Conversations opened lately, newest first: their pages are read at start. */
  wanted: ConversationId[];
  /** The head and the start's pages in one record (absent in a database not written since it was added). */
  start: StoredStart;
}

type Upgrade = (db: IDBDatabase, oldVersion: number, tx: IDBTransaction) => void;

/** Rejects an open that found the database missing or older, when it had no upgrade at hand. */
const UPGRADE_NEEDED = new Error('the offline database needs an upgrade');

function open(name: string, upgrade: Upgrade | null): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let needed = false;
    const req = indexedDB.open(name, OFFLINE_DB_VERSION);
    req.onupgradeneeded = (e) => {
      const tx = req.transaction!;
      if (upgrade) return upgrade(req.result, e.oldVersion, tx);
      // Aborted, the database stays as it was (or absent) until the upgrade's code is here.
      needed = true;
      tx.abort();
    };
    req.onsuccess = () => {
      const db = req.result;
      // A newer version opened in another tab must not wait for this page to close.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    req.onerror = () => reject(needed ? UPGRADE_NEEDED : (req.error ?? new Error(`cannot open ${name}`)));
  });
}

/**
 * Opens the offline database `name`; one that is missing or older is created or upgraded by
 * offline-upgrade.ts, loaded then.
 */
export function openOfflineDatabase(name: string): Promise<IDBDatabase> {
  return open(name, null).catch((e: unknown) => {
    if (e !== UPGRADE_NEEDED) throw e;
    return import('./offline-upgrade').then((m) => open(name, m.upgradeOfflineDatabase));
  });
}
