// Owns the part of the offline machinery that is loaded lazily (IndexedDB via
// `idb`, the cache, the tab leader and relay, the queued changes told between
// tabs): made once the page has a client
// with the cache on, so apps that turn it off, and the first paint of the
// bundle, do not pay for it.
import type { OutboxPersistence } from '../client-options';
import type { Transport } from '../../protocol/link';
import type { ChangeObserver } from '../change-queue';
import { webStorageOutbox } from '../outbox-persistence';
import { shareChanges, type ChangeShare, type ChangeShareHost } from './change-share';
import { IndexedDbCache } from './indexeddb-cache';
import type { LegacyOutbox } from './legacy-outbox';
import type { OfflineWarning } from './offline-types';
import { canShareTabs, createSharedTabTransport, type SharedTabTransport } from './shared-tab-transport';

export interface OfflineRuntime {
  cache: IndexedDbCache;
  outbox: OutboxPersistence;
  /** The transport shared with the user's other tabs, or null (opted out, no Web Locks). */
  shared: SharedTabTransport | null;
  /** Tells the user's other tabs of this tab's queued changes and shows theirs here (no-op without BroadcastChannel). */
  shareChanges(host: ChangeShareHost): ChangeObserver;
  /** The client closed: leave the other tabs. */
  dispose(): void;
}

export interface OfflineRuntimeOptions {
  name: string;
  /** The database, opened when the client was made. */
  db: Promise<IDBDatabase>;
  messagesPerConversation: number;
  maxFileBytes: number;
  warn(w: OfflineWarning): void;
  /** The localStorage key of a `webStorageOutbox` whose sends move into the cache on first start. */
  legacyKey?: string;
  /** The client's own transport, to share between tabs (omit to keep one socket per tab). */
  share?: Transport;
  /** See IndexedDbCacheOptions.beforeWrite. */
  beforeWrite?: () => void;
}

// Here rather than where the options are made: the Web Storage outbox code then loads with this chunk.
// localStorage is touched when the outbox is read, not here: a page's first use of it waits, synchronously,
// for the browser to hand over its storage, which here would hold up the start snapshot's drawing.
function legacyOutbox(key: string | undefined): LegacyOutbox | undefined {
  if (key === undefined) return undefined;
  let storage: ReturnType<typeof webStorageOutbox> | null | undefined;
  const get = () =>
    (storage ??= typeof globalThis.localStorage === 'undefined' ? null : webStorageOutbox(key)) ?? undefined;
  return { load: () => get()?.load() ?? [], clear: () => get()?.save([]) };
}

export function startOfflineRuntime(options: OfflineRuntimeOptions): OfflineRuntime {
  const legacy = legacyOutbox(options.legacyKey);
  const cache = new IndexedDbCache({
    name: options.name,
    db: options.db,
    messagesPerConversation: options.messagesPerConversation,
    maxFileBytes: options.maxFileBytes,
    warn: (w) => options.warn(w),
    ...(legacy ? { legacy } : {}),
    ...(options.beforeWrite ? { beforeWrite: options.beforeWrite } : {}),
  });
  const shared = options.share && canShareTabs() ? createSharedTabTransport(options.share, options.name) : null;
  let changes: ChangeShare | null = null;
  return {
    cache,
    outbox: cache.outbox(),
    shared,
    shareChanges(host) {
      if (!canShareTabs()) return { queued: () => undefined, settled: () => undefined };
      changes?.dispose();
      return (changes = shareChanges(options.name, host, cache));
    },
    dispose() {
      shared?.dispose();
      changes?.dispose();
    },
  };
}
