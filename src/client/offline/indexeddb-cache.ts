// Owns the offline cache in IndexedDB: reads what the last session saved,
// queues writes so they land in order (each one a transaction, so the pages
// and the event position they reflect never disagree), and keeps the outbox.
// Any failure (private mode, quota, a broken database) turns the cache into
// a no-op with one warning: the chat then lives in memory, never breaks. It
// also keeps queued changes and the bytes of attachments not uploaded yet.
import type { ConversationId } from '../../protocol/ids';
import type { Message } from '../../protocol/message';
import { restoreAttachment, type AttachmentStore } from '../attachment-store';
import { restoreChange, type ChangePersistence } from '../change-persistence';
import type { OutboxPersistence } from '../client-options';
import type { PendingMessage } from '../pending-message';
import { restorePending, savedPending } from '../outbox-persistence';
import { deleteOfflineDb, openOfflineDb, type OfflineDb } from './offline-db';
import type { OfflineCache, OfflineSnapshot, OfflineSnapshotChange, OfflineWarning } from './offline-types';

/** Where an outbox kept before this cache existed is read from, once, and emptied after the move. */
export interface LegacyOutbox {
  load(): PendingMessage[];
  clear(): void;
}

export interface IndexedDbCacheOptions {
  name: string;
  messagesPerConversation: number;
  maxFileBytes: number;
  warn(w: OfflineWarning): void;
  legacy?: LegacyOutbox;
}

function describe(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

export class IndexedDbCache implements OfflineCache {
  readonly name: string;
  readonly messagesPerConversation: number;
  private current: 'indexeddb' | 'memory' = 'indexeddb';
  private readonly db: Promise<OfflineDb | null>;
  private chain: Promise<void> = Promise.resolve();
  private readonly snap: Promise<OfflineSnapshot | null>;

  constructor(private readonly options: IndexedDbCacheOptions) {
    this.name = options.name;
    this.messagesPerConversation = options.messagesPerConversation;
    this.db = openOfflineDb(options.name).catch((e: unknown) => {
      this.degrade('unavailable', e);
      return null;
    });
    // Read at once: the first render asks for it, and the page should not wait for a second round trip.
    this.snap = this.readSnapshot();
  }

  get mode(): 'indexeddb' | 'memory' {
    return this.current;
  }

  snapshot(): Promise<OfflineSnapshot | null> {
    return this.snap;
  }

  save(change: OfflineSnapshotChange): void {
    this.write(async (db) => {
      const tx = db.transaction(['meta', 'pages'], 'readwrite');
      await allOrNothing(tx, async () => {
        const meta = tx.objectStore('meta');
        const pages = tx.objectStore('pages');
        if (change.conversations) await meta.put([...change.conversations], 'conversations');
        for (const p of change.pages ?? []) await pages.put([...p.messages], p.conversation);
        for (const id of change.removed ?? []) await pages.delete(id);
        await meta.put(change.pos, 'pos');
      });
    });
  }

  settled(): Promise<void> {
    return this.chain;
  }

  async clear(): Promise<void> {
    this.current = 'memory';
    await this.chain;
    const db = await this.db;
    db?.close();
    await deleteOfflineDb(this.name);
  }

  /** Queued changes: written as they are made, deleted once answered. */
  changes(): ChangePersistence {
    return {
      load: () => this.readAll('changes', restoreChange),
      put: (change) => this.write((db) => db.put('changes', change, change.id).then(() => undefined)),
      delete: (id) => this.write((db) => db.delete('changes', id)),
    };
  }

  /** Attachments not uploaded yet, with their bytes up to `maxFileBytes`. */
  attachments(): AttachmentStore {
    return {
      maxBytes: this.options.maxFileBytes,
      load: () => this.readAll('files', restoreAttachment),
      put: (a) => this.write((db) => db.put('files', a, a.base.localId).then(() => undefined)),
      delete: (localId) => this.write((db) => db.delete('files', localId)),
    };
  }

  /** The outbox kept in this database (with the one-time move from a legacy outbox). */
  outbox(): OutboxPersistence {
    // Other tabs of the same user share this store: a save changes only this client's entries
    // (those it loaded or added), never replacing the whole outbox.
    const mine = new Set<string>();
    return {
      load: async () => {
        const list = await this.loadOutbox();
        for (const p of list) mine.add(p.localId);
        return list;
      },
      save: (pending) => {
        const list = pending.map(savedPending);
        const keep = new Set(list.map((p) => p.localId));
        const gone = [...mine].filter((id) => !keep.has(id));
        for (const id of gone) mine.delete(id);
        for (const id of keep) mine.add(id);
        this.write(async (db) => {
          const tx = db.transaction('outbox', 'readwrite');
          await allOrNothing(tx, async () => {
            for (const id of gone) await tx.store.delete(id);
            for (const p of list) await tx.store.put(p, p.localId);
          });
        });
      },
    };
  }

  private async loadOutbox(): Promise<PendingMessage[]> {
    const db = await this.db;
    const legacy = this.options.legacy?.load() ?? [];
    if (!db) return legacy;
    let stored: PendingMessage[] = [];
    try {
      stored = (await db.getAll('outbox')).map(restorePending).filter((p): p is PendingMessage => p !== null);
    } catch (e) {
      this.degrade('failed', e);
      return legacy;
    }
    if (legacy.length === 0) return stored;
    const have = new Set(stored.map((p) => p.localId));
    const merged = [...stored, ...legacy.filter((p) => !have.has(p.localId))];
    // The legacy copy goes only once the move has landed: a failed move leaves it for next time.
    try {
      const tx = db.transaction('outbox', 'readwrite');
      await allOrNothing(tx, async () => {
        for (const p of merged) await tx.store.put(savedPending(p), p.localId);
      });
      this.options.legacy?.clear();
    } catch (e) {
      this.degrade(errorReason(e), e);
    }
    return merged;
  }

  /** Every valid entry of a store (after the writes queued so far), or none when it cannot be read. */
  private async readAll<T>(store: 'changes' | 'files', restore: (v: unknown) => T | null): Promise<T[]> {
    await this.chain;
    const db = await this.db;
    if (!db) return [];
    try {
      return (await db.getAll(store)).map(restore).filter((v): v is T => v !== null);
    } catch (e) {
      this.degrade('failed', e);
      return [];
    }
  }

  private async readSnapshot(): Promise<OfflineSnapshot | null> {
    const db = await this.db;
    if (!db) return null;
    try {
      const tx = db.transaction(['meta', 'pages'], 'readonly');
      const meta = tx.objectStore('meta');
      const pagesStore = tx.objectStore('pages');
      const [conversations, pos, keys, values] = await Promise.all([
        meta.get('conversations'),
        meta.get('pos'),
        pagesStore.getAllKeys(),
        pagesStore.getAll(),
      ]);
      await tx.done;
      if (!Array.isArray(conversations)) return null;
      const pages = keys.map((conversation: ConversationId, i) => ({ conversation, messages: values[i] as Message[] }));
      return {
        conversations: conversations,
        pages,
        pos: typeof pos === 'number' ? pos : null,
      };
    } catch (e) {
      this.degrade('failed', e);
      return null;
    }
  }

  private write(run: (db: OfflineDb) => Promise<void>): void {
    if (this.current === 'memory') return;
    this.chain = this.chain.then(async () => {
      const db = await this.db;
      if (!db || this.current === 'memory') return;
      try {
        await run(db);
      } catch (e) {
        this.degrade(errorReason(e), e);
      }
    });
  }

  private degrade(reason: OfflineWarning['reason'], e: unknown): void {
    if (this.current === 'memory') return;
    this.current = 'memory';
    this.options.warn({
      reason,
      message: `offline cache ${this.name} stopped (${describe(e)}); the chat keeps working in memory`,
    });
  }
}

/** Runs a transaction's writes; a write that throws aborts the whole transaction (no half-cleared outbox). */
async function allOrNothing(tx: { done: Promise<void>; abort(): void }, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // Already finished: nothing to undo.
    }
    tx.done.catch(() => undefined);
    throw e;
  }
  await tx.done;
}

function errorReason(e: unknown): OfflineWarning['reason'] {
  return (e as { name?: unknown } | null)?.name === 'QuotaExceededError' ? 'quota' : 'failed';
}
