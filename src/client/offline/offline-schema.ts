// Owns the offline database's schema, its upgrades and the records it holds,
// in the plain IndexedDB API: the page's own bundle opens the database and
// reads the first snapshot with it while the lazy offline chunk (idb, the
// cache) is still loading. Version 2 added the queued changes and the bytes of
// attachments not uploaded yet; version 3 stores each page as a record with
// the thread unread counts of its roots, and the head of the conversation list
// apart from the whole list, so that a start reads a few small records.
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
}

function upgrade(db: IDBDatabase, oldVersion: number, tx: IDBTransaction): void {
  if (oldVersion < 1) {
    db.createObjectStore('outbox');
    db.createObjectStore('pages');
    db.createObjectStore('meta');
  }
  if (oldVersion < 2) {
    db.createObjectStore('changes');
    db.createObjectStore('files');
  }
  if (oldVersion >= 1 && oldVersion < 3) {
    // Pages were bare arrays of messages: each becomes a record, in place.
    const req = tx.objectStore('pages').openCursor();
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor) return;
      if (Array.isArray(cursor.value)) cursor.update({ messages: cursor.value as Message[] } satisfies StoredPage);
      cursor.continue();
    };
  }
}

/** Opens (creating or upgrading) the offline database `name`. */
export function openOfflineDatabase(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, OFFLINE_DB_VERSION);
    req.onupgradeneeded = (e) => upgrade(req.result, e.oldVersion, req.transaction!);
    req.onsuccess = () => {
      const db = req.result;
      // A newer version opened in another tab must not wait for this page to close.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    req.onerror = () => reject(req.error ?? new Error(`cannot open ${name}`));
  });
}
