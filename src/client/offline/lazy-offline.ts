// Owns the client's handle on the lazily loaded offline runtime: the cache,
// the outbox, change and attachment persistence and the transport exist from the client's creation
// and forward to the runtime once its chunk has loaded (fetched once the start
// snapshot has been read, so a reload draws first). Calls made before that
// wait for it, in order; a chunk that fails to load leaves the chat in memory
// with a warning, like a refused IndexedDB.
import type { AttachmentStore } from '../attachment-store';
import type { ChangePersistence } from '../change-persistence';
import type { ChangeObserver } from '../change-queue';
import type { ChangeShareHost } from './change-share';
import type { OutboxPersistence } from '../client-options';
import type { PendingMessage } from '../pending-message';
import type { ClientConnectionHandlers, Transport } from '../../protocol/link';
import type { ConversationId } from '../../protocol/ids';
import type { OfflineRuntime, OfflineRuntimeOptions } from './offline-runtime';
import { openOfflineDatabase } from './offline-schema';
import type { OfflineCache, OfflineSnapshot, OfflineSnapshotChange } from './offline-types';
import { readStartSnapshot } from './start-snapshot';

/** Conversations remembered as open lately. */
const WANTED = 4;
/** Longest wait for a frame (a hidden tab draws none). */
const PAINT_WAIT_MS = 100;

/**
 * Resolves in a task after the next frame's paint, or after PAINT_WAIT_MS when no frame comes (at
 * once where there are no frames). ui/use-painted.ts waits the same way; the layers keep them apart.
 */
function afterNextPaint(): Promise<void> {
  const frames = typeof requestAnimationFrame === 'function';
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, frames ? PAINT_WAIT_MS : 0);
    if (!frames) return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

export class LazyOffline implements OfflineCache {
  readonly name: string;
  readonly messagesPerConversation: number;
  readonly maxFileBytes: number;
  /** Resolves with the runtime, or null when its chunk could not be loaded. */
  readonly ready: Promise<OfflineRuntime | null>;
  #runtime: OfflineRuntime | null = null;
  #failed = false;
  readonly #start: Promise<OfflineSnapshot | null>;
  readonly #wanted: ConversationId[] = [];
  /**
   * Makes the write owed but not queued yet (the outbox's delayed one): settled() and every queued
   * write of the runtime's cache call it first.
   */
  #owed: (() => void) | null = null;

  constructor(options: Omit<OfflineRuntimeOptions, 'db' | 'beforeWrite'>) {
    this.name = options.name;
    this.messagesPerConversation = options.messagesPerConversation;
    this.maxFileBytes = options.maxFileBytes;
    // Opened and read at once, without the chunk: the first paint needs only a few small records.
    const db = openOfflineDatabase(options.name);
    this.#start = db.then(
      (d) => readStartSnapshot(d, this.#wanted).catch(() => null),
      () => null, // the cache reports it once loaded
    );
    // The runtime's chunk is fetched once that read has answered and the frame drawing it is
    // painted, not beside it: its evaluation and its own first reads (outbox, changes, the tab
    // election) would take the page's main thread while the snapshot's answer, or the frame that
    // shows it, waits for it. The connection waits for both anyway (connect()).
    this.ready = this.#start
      .then(afterNextPaint)
      .then(() => import('./offline-runtime'))
      .then(
        (m) => (this.#runtime = m.startOfflineRuntime({ ...options, db, beforeWrite: () => this.#owed?.() })),
        (e: unknown) => {
          this.#failed = true;
          options.warn({
            reason: 'unavailable',
            message: `the offline cache could not be loaded (${String(e)}); the chat keeps working in memory`,
          });
          return null;
        },
      );
  }

  get mode(): 'indexeddb' | 'memory' {
    if (this.#failed) return 'memory';
    return this.#runtime?.cache.mode ?? 'indexeddb';
  }

  startSnapshot(): Promise<OfflineSnapshot | null> {
    return this.#start;
  }

  snapshot(): Promise<OfflineSnapshot | null> {
    return this.ready.then((r) => r?.cache.snapshot() ?? null);
  }

  want(conversation: ConversationId): void {
    if (this.#wanted[0] === conversation) return;
    const at = this.#wanted.indexOf(conversation);
    if (at >= 0) this.#wanted.splice(at, 1);
    this.#wanted.unshift(conversation);
    this.#wanted.length = Math.min(this.#wanted.length, WANTED);
    const list = [...this.#wanted];
    this.#forward((r) => r.cache.saveWanted(list));
  }

  save(change: OfflineSnapshotChange): void {
    this.#forward((r) => r.cache.save(change));
  }

  settled(): Promise<void> {
    this.#owed?.();
    return this.ready.then((r) => r?.cache.settled());
  }

  /** `write` makes at once the write the outbox kept in this cache holds back (see `#owed`). */
  owes(write: () => void): void {
    this.#owed = write;
  }

  clear(): Promise<void> {
    return this.ready.then((r) => r?.cache.clear());
  }

  /** The outbox in the runtime's database. */
  outbox(): OutboxPersistence {
    return {
      load: (): Promise<PendingMessage[]> => this.ready.then((r) => r?.outbox.load() ?? []),
      save: (pending) => this.#forward((r) => r.outbox.save(pending)),
    };
  }

  /** The queued changes in the runtime's database. */
  changes(): ChangePersistence {
    return {
      load: () => this.ready.then((r) => r?.cache.changes().load() ?? []),
      put: (change) => this.#forward((r) => r.cache.changes().put(change)),
      delete: (id) => this.#forward((r) => r.cache.changes().delete(id)),
    };
  }

  /** The attachments not uploaded yet, in the runtime's database. */
  attachments(): AttachmentStore {
    return {
      maxBytes: this.maxFileBytes,
      load: () => this.ready.then((r) => r?.cache.attachments().load() ?? []),
      put: (a) => this.#forward((r) => r.cache.attachments().put(a)),
      delete: (localId) => this.#forward((r) => r.cache.attachments().delete(localId)),
    };
  }

  /** `inner`, or the connection shared with the user's other tabs once the runtime has it. */
  transport(inner: Transport): Transport {
    return {
      connect: (handlers: ClientConnectionHandlers) => (this.#runtime?.shared ?? inner).connect(handlers),
      ...(inner.upload ? { upload: inner.upload.bind(inner) } : {}),
    };
  }

  /** The client closed: leave the other tabs (and give up the socket when leading). */
  dispose(): void {
    this.#forward((r) => r.dispose());
  }

  /** This tab's queued changes told to the user's other tabs, and theirs shown here, once the runtime has loaded. */
  shareChanges(host: ChangeShareHost): ChangeObserver {
    const share = this.ready.then((r) => r?.shareChanges(host));
    return {
      queued: (c) => void share.then((s) => s?.queued(c)),
      settled: (c, result, error) => void share.then((s) => s?.settled(c, result, error)),
    };
  }

  /** At once when loaded; otherwise after the load, in call order. */
  #forward(run: (r: OfflineRuntime) => void): void {
    if (this.#runtime) run(this.#runtime);
    else void this.ready.then((r) => r && run(r));
  }
}
