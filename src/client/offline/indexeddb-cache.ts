// Owns the offline cache in IndexedDB: reads what the last session saved,
// queues writes so they land in order (each one a transaction, so the pages
// and the event position they reflect never disagree), and keeps the outbox,
// whose writes start at once and ahead of any queued one, so that one made as
// the page leaves still lands.
// Any failure (private mode, quota, a broken database) turns the cache into
// a no-op with one warning: the chat then lives in memory, never breaks. It
// also keeps queued changes and the bytes of attachments not uploaded yet.
import type { ConversationId } from '../../protocol/ids';
import { restoreAttachment, type AttachmentStore } from '../attachment-store';
import { restoreChange, type ChangePersistence, type SavedChange } from '../change-persistence';
import type { OutboxPersistence } from '../client-options';
import type { PendingMessage } from '../pending-message';
import { restorePending, savedPending } from '../outbox-persistence';
import { EntryClaims } from './entry-claims';
import { allOrNothing, errorReason } from './idb-transaction';
import { deleteOfflineDb, wrapOfflineDb, type OfflineDb } from './offline-db';
import type { OfflineSnapshot, OfflineSnapshotChange, OfflineWarning } from './offline-types';
import { updateStartRecord } from './start-record';
import { readFullSnapshot } from './full-snapshot';
import { writeSnapshotChange } from './snapshot-write';
import { moveLegacyOutbox, type LegacyOutbox } from './legacy-outbox';

export interface IndexedDbCacheOptions {
  name: string;
  /** The database, opened at the client's start (see offline-schema.ts). */
  db: Promise<IDBDatabase>;
  messagesPerConversation: number;
  maxFileBytes: number;
  warn(w: OfflineWarning): void;
  legacy?: LegacyOutbox;
  /**
   * Makes the write the outbox holds back, before a queued write makes its transaction. At unload
   * Chromium drops a transaction, committed or not, that is still behind an unfinished one, so the
   * outbox's must never be queued behind a page write already under way.
   */
  beforeWrite?: () => void;
}

function describe(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/** The cache behind LazyOffline, once the offline chunk has loaded. */
export class IndexedDbCache {
  readonly name: string;
  readonly messagesPerConversation: number;
  private current: 'indexeddb' | 'memory' = 'indexeddb';
  private readonly db: Promise<OfflineDb | null>;
  /** The database once open, for writes that cannot wait a turn (writeNow). */
  private open: OfflineDb | null = null;
  private chain: Promise<void> = Promise.resolve();
  private snap: Promise<OfflineSnapshot | null> | null = null;
  /** Entries this tab replays; other tabs of the user leave them alone. */
  private readonly claims: EntryClaims;

  constructor(private readonly options: IndexedDbCacheOptions) {
    this.name = options.name;
    this.messagesPerConversation = options.messagesPerConversation;
    this.claims = new EntryClaims(options.name);
    this.db = options.db.then(
      (d) => (this.open = wrapOfflineDb(d)),
      (e: unknown) => {
        this.degrade('unavailable', e);
        return null;
      },
    );
  }

  get mode(): 'indexeddb' | 'memory' {
    return this.current;
  }

  /** Read when first asked: a start paints from the start snapshot and reads this after. */
  snapshot(): Promise<OfflineSnapshot | null> {
    return (this.snap ??= this.readSnapshot());
  }

  /** Keeps the conversations open lately, read at the next start. */
  saveWanted(wanted: readonly ConversationId[]): void {
    this.write(async (db) => {
      const tx = db.transaction(['meta', 'pages'], 'readwrite');
      await allOrNothing(tx, async () => {
        // Each start asks again for what it opens: an unchanged list rewrites nothing (nor the start record).
        const saved = await tx.objectStore('meta').get('wanted');
        if (Array.isArray(saved) && saved.length === wanted.length && saved.every((id, i) => id === wanted[i])) return;
        await tx.objectStore('meta').put([...wanted], 'wanted');
        await updateStartRecord(tx, { wanted });
      });
    });
  }

  save(change: OfflineSnapshotChange): void {
    this.write(async (db) => {
      const tx = db.transaction(['meta', 'pages'], 'readwrite');
      await allOrNothing(tx, () => writeSnapshotChange(tx, change));
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
      load: () => this.readAll('changes', restoreChange, (c) => changeKey(c.id)),
      put: (change) => {
        void this.claims.claim(changeKey(change.id));
        this.write((db) => db.put('changes', change, change.id).then(() => undefined));
      },
      delete: (id) => {
        this.write((db) => db.delete('changes', id));
        // Only once it is gone from the database: a tab waiting for it (whenFree) then finds it done.
        void this.chain.then(() => this.claims.release(changeKey(id)));
      },
    };
  }

  /**
   * Takes over a change another tab holds, once that tab lets it go: the change as saved when the
   * tab went away without answering it (this tab now holds it), or null when it was answered, `signal`
   * aborted, or locks are missing.
   */
  async takeOverChange(id: string, signal: AbortSignal): Promise<SavedChange | null> {
    if (!(await this.claims.whenFree(changeKey(id), signal))) return null;
    await this.chain;
    const db = await this.db;
    const saved = db ? restoreChange(await db.get('changes', id).catch(() => null)) : null;
    if (!saved) this.claims.release(changeKey(id));
    return saved;
  }

  /** Resolves once this tab holds the change it saved (so another tab that hears of it cannot take it). */
  heldChange(id: string): Promise<boolean> {
    return this.claims.claim(changeKey(id));
  }

  /** Attachments not uploaded yet, with their bytes up to `maxFileBytes`. */
  attachments(): AttachmentStore {
    return {
      maxBytes: this.options.maxFileBytes,
      // Claimed with its message: the tab that sends the message uploads the bytes.
      load: () => this.readAll('files', restoreAttachment, (a) => messageKey(a.base.localId)),
      put: (a) => {
        void this.claims.claim(messageKey(a.base.localId));
        this.write((db) => db.put('files', a, a.base.localId).then(() => undefined));
      },
      delete: (localId) => this.write((db) => db.delete('files', localId)),
    };
  }

  /** The outbox kept in this database (with the one-time move from a legacy outbox). */
  outbox(): OutboxPersistence {
    // Other tabs of the same user share this store: a save changes only this client's entries
    // (those it loaded or added), never replacing the whole outbox. The outbox replaces an entry's
    // object when it changes, so an entry still the object last written is not written again (a
    // drain of hundreds of sends, or a failed send kept while others come and go).
    const mine = new Map<string, PendingMessage>();
    return {
      load: async () => {
        const list = await this.loadOutbox();
        for (const p of list) mine.set(p.localId, p);
        return list;
      },
      save: (pending) => {
        const keep = new Set(pending.map((p) => p.localId));
        const gone = [...mine.keys()].filter((id) => !keep.has(id));
        for (const id of gone) {
          mine.delete(id);
          this.claims.release(messageKey(id));
        }
        const changed = pending.filter((p) => mine.get(p.localId) !== p);
        for (const p of changed) {
          if (!mine.has(p.localId)) void this.claims.claim(messageKey(p.localId));
          mine.set(p.localId, p);
        }
        if (gone.length === 0 && changed.length === 0) return;
        const list = changed.map(savedPending);
        this.writeNow((db) => {
          const tx = db.transaction('outbox', 'readwrite');
          const requests = [...gone.map((id) => tx.store.delete(id)), ...list.map((p) => tx.store.put(p, p.localId))];
          // Ends it now rather than after a turn the page may not get (unload); absent before Safari 15.
          tx.commit?.();
          return allOrNothing(tx, () => Promise.all(requests).then(() => undefined));
        });
      },
    };
  }

  private async loadOutbox(): Promise<PendingMessage[]> {
    const db = await this.db;
    if (!db) return this.options.legacy?.load() ?? [];
    let stored: PendingMessage[] = [];
    try {
      const all = (await db.getAll('outbox')).map(restorePending).filter((p): p is PendingMessage => p !== null);
      stored = await this.claims.filter(all, (p) => messageKey(p.localId));
    } catch (e) {
      this.degrade('failed', e);
      return this.options.legacy?.load() ?? [];
    }
    const legacy = this.options.legacy;
    return legacy ? moveLegacyOutbox(db, stored, legacy, (e) => this.degrade(errorReason(e), e)) : stored;
  }

  /** Every valid entry of a store (after the writes queued so far), or none when it cannot be read. */
  private async readAll<T>(
    store: 'changes' | 'files',
    restore: (v: unknown) => T | null,
    keyOf: (entry: T) => string,
  ): Promise<T[]> {
    await this.chain;
    const db = await this.db;
    if (!db) return [];
    try {
      const all = (await db.getAll(store)).map(restore).filter((v): v is T => v !== null);
      return await this.claims.filter(all, keyOf);
    } catch (e) {
      this.degrade('failed', e);
      return [];
    }
  }

  private async readSnapshot(): Promise<OfflineSnapshot | null> {
    const db = await this.db;
    if (!db) return null;
    try {
      return await readFullSnapshot(db);
    } catch (e) {
      this.degrade('failed', e);
      return null;
    }
  }

  /**
   * Starts a write at once when the database is open, not after the writes queued before it: its
   * requests are made and committed in the calling task, so a page unloading right after (the
   * outbox's write on pagehide) still lands. The database orders it after earlier transactions on
   * the same store; settled() and later queued writes wait for it.
   */
  private writeNow(run: (db: OfflineDb) => Promise<void>): void {
    if (this.current === 'memory') return;
    const done = this.open ? this.attempt(this.open, run) : this.db.then((db) => this.attempt(db, run));
    this.chain = Promise.all([this.chain, done]).then(() => undefined);
  }

  private write(run: (db: OfflineDb) => Promise<void>): void {
    if (this.current === 'memory') return;
    this.chain = this.chain.then(async () => {
      const db = await this.db;
      this.options.beforeWrite?.();
      return this.attempt(db, run);
    });
  }

  /** Runs one write unless the cache has turned to memory; a failure turns it to memory. */
  private async attempt(db: OfflineDb | null, run: (db: OfflineDb) => Promise<void>): Promise<void> {
    if (!db || this.current === 'memory') return;
    // Awaited here: a transaction refused as it is made (a closing database) throws before any await.
    try {
      await run(db);
    } catch (e) {
      this.degrade(errorReason(e), e);
    }
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

const messageKey = (localId: string) => `message:${localId}`;
const changeKey = (id: string) => `change:${id}`;
