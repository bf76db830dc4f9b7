// Owns the IndexedDB schema of the offline cache and how it is opened and
// deleted (with `idb`); the database's name comes from offline-name.ts.
// Version 2 adds the queued changes and the bytes of attachments not yet
// uploaded; a version 1 database keeps its stores and gains the new ones.
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ConversationSummary } from '../../protocol/entities';
import type { ConversationId } from '../../protocol/ids';
import type { Message } from '../../protocol/message';

interface OfflineSchema extends DBSchema {
  /** Unsent messages, by localId (validated again on load: the format may be older than the code). */
  outbox: { key: string; value: unknown };
  /** Recent messages per conversation, oldest first. */
  pages: { key: ConversationId; value: Message[] };
  /** `conversations` (the list) and `pos` (the event position both stores reflect). */
  meta: { key: string; value: ConversationSummary[] | number | null };
  /** Edits, reactions, deletes, pins and forwards not answered yet, by change id (validated on load). */
  changes: { key: string; value: unknown };
  /** Attachments not uploaded yet, with their bytes when small enough, by their message's localId. */
  files: { key: string; value: unknown };
}

export type OfflineDb = IDBPDatabase<OfflineSchema>;

const VERSION = 2;

export function openOfflineDb(name: string): Promise<OfflineDb> {
  return openDB<OfflineSchema>(name, VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('outbox');
        db.createObjectStore('pages');
        db.createObjectStore('meta');
      }
      if (oldVersion < 2) {
        db.createObjectStore('changes');
        db.createObjectStore('files');
      }
    },
  });
}

export function deleteOfflineDb(name: string): Promise<void> {
  return deleteDB(name);
}
