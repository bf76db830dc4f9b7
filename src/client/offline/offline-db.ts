// Owns the typed (idb) view of the offline database opened by
// offline-schema.ts, and its deletion; the name comes from offline-name.ts.
import { deleteDB, wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { ConversationId } from '../../protocol/ids';
import type { StoredMeta, StoredPage } from './offline-schema';

interface OfflineSchema extends DBSchema {
  /** Unsent messages, by localId (validated again on load: the format may be older than the code). */
  outbox: { key: string; value: unknown };
  /** Recent messages per conversation. */
  pages: { key: ConversationId; value: StoredPage };
  /** The list, its head, the event position both stores reflect and the conversations open lately. */
  meta: { key: keyof StoredMeta; value: StoredMeta[keyof StoredMeta] };
  /** Edits, reactions, deletes, pins and forwards not answered yet, by change id (validated on load). */
  changes: { key: string; value: unknown };
  /** Attachments not uploaded yet, with their bytes when small enough, by their message's localId. */
  files: { key: string; value: unknown };
}

export type OfflineDb = IDBPDatabase<OfflineSchema>;
/** A transaction that writes the list, the pages and the start record together. */
export type OfflineListTx = IDBPTransaction<OfflineSchema, ['meta', 'pages'], 'readwrite'>;

export function wrapOfflineDb(db: IDBDatabase): OfflineDb {
  return wrap(db) as unknown as OfflineDb;
}

export function deleteOfflineDb(name: string): Promise<void> {
  return deleteDB(name);
}
