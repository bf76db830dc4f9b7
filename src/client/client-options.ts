// Owns the options of createChatClient (how to reach the server, who to log
// in as, reconnects, timeouts, persistence of the outbox and the offline
// cache) and the contract of outbox persistence.
import type { Transport } from '../protocol/link';
import type { UserId } from '../protocol/message';
import type { OfflineOptions } from './offline/offline-types';
import type { PendingMessage } from './pending-message';

export interface ChatClientOptions {
  /** How to reach the server: a Transport (e.g. `embeddedServer.transport()`), or a ws:// URL. */
  transport?: Transport;
  url?: string;
  /** Who to log in as (dev mode servers), or `token` for servers that check signed tokens. */
  user?: UserId;
  token?: string;
  /**
   * Called for a fresh token when the server says the current one expires soon (and after a
   * session ended at expiry); the client renews without dropping anything. Without it, listen for
   * `tokenWillExpire` and call `renewToken`.
   */
  getToken?: () => string | Promise<string>;
  /** Stable device id; defaults to a random one per client. */
  device?: string;
  /** Send delivery receipts automatically for incoming messages (Easemob's `delivery: true`). */
  delivery?: boolean;
  /** Reconnect backoff: first delay and cap, in ms. */
  reconnect?: { initialDelayMs?: number; maxDelayMs?: number; maxAttempts?: number } | false;
  /** Ping interval in ms (default 25000, 0 = off): a connection silent for a whole interval is dropped and reconnected. */
  heartbeatMs?: number;
  /** Request timeout in ms before a request is treated as lost (it is retried, not failed, for sends). */
  requestTimeoutMs?: number;
  /** Injected for tests; defaults to Date.now / setTimeout. */
  clock?: { now(): number };
  /** Id generator for localIds; defaults to ULID. */
  newId?: () => string;
  /** WebSocket constructor for Node or tests; defaults to globalThis.WebSocket. */
  WebSocket?: unknown;
  /**
   * Keep unsent messages across reloads, e.g. `webStorageOutbox('natter:outbox:alice')`: a new
   * client made with the same persistence lists them in `pending()` and sends them once connected.
   * Default: in IndexedDB when the offline cache is on (see `offline`), else in memory only.
   */
  outbox?: OutboxPersistence;
  /**
   * The browser's offline cache (IndexedDB: conversation list, recent messages, unsent messages,
   * one database per server and user). On by default in browsers for `url` clients that know their
   * user; `false` keeps everything in memory. Clients on a `transport` have none.
   */
  offline?: OfflineOptions | false;
}

/** Where a client keeps its unsent messages between sessions (see `webStorageOutbox`). */
export interface OutboxPersistence {
  /** The entries saved last time (pending or failed), oldest first; a Promise for asynchronous storage. */
  load(): PendingMessage[] | Promise<PendingMessage[]>;
  /**
   * Replaces what is saved with `pending`: once at the end of a task that changed the outbox (for
   * all its changes), and within 250 ms after messages leave it once stored, or at once when the
   * page is hidden or unloads first (a reload that still comes before sends them again, answered
   * with the stored copies); `close()` writes what is still due, and so does
   * `client.offline.settled()` for the outbox the offline cache keeps.
   */
  save(pending: readonly PendingMessage[]): void;
}
