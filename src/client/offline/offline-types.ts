// Owns the public shape of the browser's offline cache: what a client keeps in
// IndexedDB between page loads (conversation list, recent messages, the event
// position they reflect, the outbox, queued changes and attachments), and the
// warning it gives when it cannot keep them.
import type { ConversationSummary } from '../../protocol/entities';
import type { ConversationId } from '../../protocol/ids';
import type { Message } from '../../protocol/message';

/** `ChatClientOptions.offline`: on by default in browsers for `url` clients; `false` turns it off. */
export interface OfflineOptions {
  /** The user the cache belongs to, for clients that log in with a token only (default: `options.user`). */
  user?: string;
  /** Newest messages kept per conversation (default 50). */
  messagesPerConversation?: number;
  /**
   * Largest attachment (bytes) whose bytes are kept until uploaded, so that a reload sends it
   * (default 25 MiB). A larger one still uploads in this session, but after a reload its message
   * is failed with code 4153 (ATTACHMENT_NOT_KEPT).
   */
  maxFileBytes?: number;
  /**
   * localStorage key of an outbox saved by `webStorageOutbox`, moved into IndexedDB on first start
   * and then removed (default `natter:outbox:<user>`).
   */
  migrateFrom?: string;
  /**
   * Tabs of this user share one connection, held by a leader tab (Web Locks + BroadcastChannel);
   * default true. `false`: each tab has its own socket.
   */
  shareConnection?: boolean;
}

/** Recent messages of one conversation, oldest first. */
export interface CachedPage {
  conversation: ConversationId;
  messages: readonly Message[];
  /** The server's unread reply counts of the thread roots among `messages`, by root serverId. */
  threadUnread?: Readonly<Record<string, number>>;
}

/** What the last session left: enough to draw the chat before the socket connects. */
export interface OfflineSnapshot {
  /** Most recently updated first. */
  conversations: readonly ConversationSummary[];
  pages: readonly CachedPage[];
  /** The event position the conversations and pages reflect (resume from here), or null. */
  pos: number | null;
  /** False for the start snapshot: the head of the list and a few pages, the rest read later. */
  complete: boolean;
}

/** One write of the snapshot: only what changed, and the position it reflects. */
export interface OfflineSnapshotChange {
  conversations?: readonly ConversationSummary[];
  pages?: readonly CachedPage[];
  /** Conversations whose pages are dropped (deleted conversations). */
  removed?: readonly ConversationId[];
  pos: number | null;
}

/** Why the cache stopped writing: the chat goes on in memory. */
export interface OfflineWarning {
  /** `unavailable`: IndexedDB missing or refused (private mode); `quota`: storage full; `failed`: any other write error. */
  reason: 'unavailable' | 'quota' | 'failed';
  message: string;
}

/** A client's offline cache (`client.offline`). */
export interface OfflineCache {
  /** The database name: one per server and user. */
  readonly name: string;
  /** `indexeddb` while writes land; `memory` after a failure, a wipe, or without IndexedDB. */
  readonly mode: 'indexeddb' | 'memory';
  readonly messagesPerConversation: number;
  /**
   * What the last session saved, small enough to paint at once: the head of the conversation list
   * and the pages of the conversations open lately (read once, then the same answer).
   */
  startSnapshot(): Promise<OfflineSnapshot | null>;
  /** Everything the last session saved (read once when first asked, then the same answer). */
  snapshot(): Promise<OfflineSnapshot | null>;
  /** A conversation is open: its page is part of the start snapshot, now (if not read yet) and next time. */
  want(conversation: ConversationId): void;
  /** Queues a write; writes land in order. */
  save(change: OfflineSnapshotChange): void;
  /**
   * Resolves once every write queued so far has landed (or failed). On the client's cache
   * (`client.offline`), writes still held back are queued first: the outbox's removal of messages
   * the server has stored since (otherwise made within 250 ms).
   */
  settled(): Promise<void>;
  /** Deletes everything this cache holds (call on logout) and stops writing. */
  clear(): Promise<void>;
}
