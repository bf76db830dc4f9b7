// Owns when the store's side of the offline cache (offline-sync.ts) loads: only
// for a client that has an offline cache, as a chunk of its own, so an app
// without one does not carry it. Until the chunk arrives it notes what the
// inputs have said (a welcome, the last event position) and hands that over,
// so nothing seen meanwhile is lost. The chunk is fetched once per page; a
// caller that binds later (ChatProvider binds in an effect, after the first
// paint) fetches it first, so the fetch runs beside the snapshot's read.
import type { ChatClient } from '../client/chat-client-types';
import type { ChatStore } from './create-chat-store';
import type { IngestQueue } from './ingest-queue';
import { NO_OFFLINE_SYNC, noteInput, type InputsSeen, type OfflineSync } from './offline-seen';

type OfflineSyncModule = typeof import('./offline-sync');
let chunk: Promise<OfflineSyncModule> | null = null;

/** The chunk, fetched on first call (a failed fetch is forgotten, so the next call tries again). */
export function loadOfflineSync(): Promise<OfflineSyncModule> {
  chunk ??= import('./offline-sync').catch((e: unknown) => {
    chunk = null;
    throw e;
  });
  return chunk;
}

export function lazyOfflineSync(client: ChatClient, store: ChatStore, queue: IngestQueue): OfflineSync {
  if (!client.offline) return NO_OFFLINE_SYNC;
  // Limits arrive with the first welcome: a client welcomed before binding has newer state than any cache.
  const seen: InputsSeen = { welcomed: client.limits !== null, pos: null };
  let loaded: OfflineSync | null = null;
  let disposed = false;
  loadOfflineSync().then(
    (m) => {
      if (!disposed) loaded = m.syncOfflineCache(client, store, queue, seen);
    },
    (e: unknown) => console.error('natter: the offline cache could not be loaded; the chat keeps working in memory', e),
  );
  return {
    seen(input) {
      if (loaded) loaded.seen(input);
      else noteInput(seen, input);
    },
    dispose() {
      disposed = true;
      loaded?.dispose();
    },
  };
}
