// Owns the public shape of ChatClient: its core API (connection, tokens,
// events, sending and the outbox), made whole by the method groups it extends
// (sending, conversations, groups, signaling, message features, push), and the one
// place the client's public types are named from. Implementation lives in
// chat-client.ts.
import type { ServerLimits } from '../protocol/entities';
import type { Ops } from '../protocol/frames';
import type { UserId } from '../protocol/message';
import type { MessageFeatureApi } from './message-features';
import type { OfflineCache } from './offline/offline-types';
import type { ConversationApi } from './client-conversations';
import type { GroupApi } from './client-groups';
import type { SignalingApi } from './client-signaling';
import type { PushApi } from './client-push';
import type { SendingApi } from './client-sending';
import type { ChatClientEvents, Unsubscribe } from './client-events';
import type { ConnectionState } from './connection-state';

export type { ConnectionState } from './connection-state';
export type { ChatClientOptions, OutboxPersistence } from './client-options';
export type { OutgoingStatus, PendingMessage, SendOptions, SendFileOptions } from './pending-message';
export type { PendingChange } from './pending-change';
export type { ErrorInfo, ClientInput, ClientInputKind } from './client-input';
export type { ChatClientEvents, Unsubscribe } from './client-events';
export type { InviteOptions, SignalingApi } from './client-signaling';
export type { ConversationApi } from './client-conversations';
export type { GroupApi } from './client-groups';
export type { PushApi } from './client-push';
export type { SendingApi } from './client-sending';

export interface ChatClient extends SendingApi, MessageFeatureApi, ConversationApi, GroupApi, SignalingApi, PushApi {
  readonly user: UserId;
  readonly device: string;
  readonly state: ConnectionState;
  /** Limits the server announced at welcome (null before the first welcome). */
  readonly limits: ServerLimits | null;
  /** The offline cache (IndexedDB) of this client, or null when it keeps everything in memory. */
  readonly offline: OfflineCache | null;
  /**
   * Logout: closes the client and deletes its offline cache (conversation list, recent messages and
   * unsent messages) from this browser. Resolves once deleted.
   */
  clearOfflineData(): Promise<void>;
  /** Server time estimate (local clock corrected by the welcome's serverTime). */
  serverNow(): number;
  /** A new message localId from the `newId` option (default ULID): the one id generator of sends. */
  newLocalId(): string;
  /**
   * Use a fresh token (same user): swapped on the live connection, or used to log in again when
   * the session already ended at expiry. Messages in the outbox are kept and sent. Rejects with
   * 4011/4012/4014 when the server refuses it.
   */
  renewToken(token: string): Promise<void>;

  connect(): Promise<void>;
  /** Close the connection for good (no reconnect). Pending sends stay in the outbox. */
  close(): void;
  /** Drop the connection as a network failure would; reconnect follows unless disabled. Useful for demos and tests. */
  dropConnection(): void;

  on<K extends keyof ChatClientEvents>(event: K, handler: (e: ChatClientEvents[K]) => void): Unsubscribe;
  off<K extends keyof ChatClientEvents>(event: K, handler: (e: ChatClientEvents[K]) => void): void;

  /** Low-level: any request operation. Rejects with NatterError. */
  request<K extends keyof Ops>(op: K, params: Ops[K]['p']): Promise<Ops[K]['r']>;
}
