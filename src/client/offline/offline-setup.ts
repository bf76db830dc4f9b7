// Owns when a client gets an offline cache: on by default in a browser that
// has IndexedDB, for a client that talks to a server by `url` and knows its
// user. Clients on a transport (the embedded in-page server, whose data is
// gone on reload anyway) and Node processes get none; `offline: false` opts
// out. A localStorage outbox from `webStorageOutbox` moves in on first start.
import type { Transport } from '../../protocol/link';
import type { ChatClientOptions } from '../client-options';
import { LazyOffline } from './lazy-offline';
import { offlineDbName } from './offline-name';
import type { OfflineWarning } from './offline-types';

const DEFAULT_MESSAGES_PER_CONVERSATION = 50;
const DEFAULT_MAX_FILE_BYTES = 25 * 1024 * 1024;

/**
 * The offline handle for these client options, or null when the client keeps everything in memory.
 * `transport` is the client's own: shared with the user's other tabs unless opted out.
 */
export function setupOffline(
  options: ChatClientOptions,
  transport: Transport,
  warn: (w: OfflineWarning) => void,
): LazyOffline | null {
  if (options.offline === false || options.transport || options.url === undefined) return null;
  if (typeof globalThis.indexedDB === 'undefined' || typeof globalThis.window === 'undefined') return null;
  const settings = options.offline ?? {};
  const user = settings.user ?? options.user;
  if (!user) return null;
  return new LazyOffline({
    name: offlineDbName(options.url, user),
    messagesPerConversation: settings.messagesPerConversation ?? DEFAULT_MESSAGES_PER_CONVERSATION,
    maxFileBytes: settings.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    warn,
    legacyKey: settings.migrateFrom ?? `natter:outbox:${user}`,
    ...(settings.shareConnection !== false ? { share: transport } : {}),
  });
}
