// Owns the IndexedDB schema of the offline cache and how it is opened and
// deleted (with `idb`); the database's name comes from offline-name.ts.
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
}

export type OfflineDb = IDBPDatabase<OfflineSchema>;

const VERSION = 1;

export function openOfflineDb(name: string): Promise<OfflineDb> {
  return openDB<OfflineSchema>(name, VERSION, {
    upgrade(db) {
      db.createObjectStore('outbox');
      db.createObjectStore('pages');
      db.createObjectStore('meta');
    },
  });
}

export function deleteOfflineDb(name: string): Promise<void> {
  return deleteDB(name);
}
