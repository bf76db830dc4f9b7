// Owns the offline database's upgrades from older versions (and its creation):
// loaded only when opening finds the database missing or older than
// offline-schema.ts expects, so a start that finds it current does not carry
// this code. Version 2 added the queued changes and the bytes of attachments
// not uploaded yet; version 3 stores each page as a record and the head of
// the list apart.
import type { Message } from '../../protocol/message';

/** Runs in the open request's versionchange transaction, from `oldVersion` to the current one. */
export function upgradeOfflineDatabase(db: IDBDatabase, oldVersion: number, tx: IDBTransaction): void {
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
      if (Array.isArray(cursor.value)) cursor.update({ messages: cursor.value as Message[] }); // a StoredPage
      cursor.continue();
    };
    // The list had no head kept apart: the whole list serves as one until the next save trims it.
    const meta = tx.objectStore('meta');
    const list = meta.get('conversations');
    list.onsuccess = () => {
      if (Array.isArray(list.result)) meta.put(list.result, 'head');
    };
  }
}
