// Owns the public shape of ChatClient: its options, its Promise API and its
// typed events. Implementation lives in chat-client.ts.
import type { ConversationId } from '../protocol/ids';
import type { ConversationSummary, GroupInfo, RoomInfo, ServerLimits } from '../protocol/entities';
import type { ChatEvent, ConversationPage, HistoryPage, Ops } from '../protocol/frames';
import type { Invitation, OfflinePushInfo } from '../protocol/invitation';
import type { ChatType, Ext, Message, MessageConfig, OutgoingBody, UserId } from '../protocol/message';
import type { NatterError } from '../protocol/errors';
import type { Presence, Profile } from '../protocol/people';
import type { MessageMentions } from '../protocol/features';
import type { Transport, UploadedFile } from '../protocol/link';
import type { MessageFeatureApi } from './message-features';
import type { OfflineCache, OfflineOptions, OfflineWarning } from './offline/offline-types';

export type ConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

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
  /** Replaces what is saved with `pending` (called on every outbox change). */
  save(pending: readonly PendingMessage[]): void;
}

/** Status of a message this client sent (its own view). */
export type OutgoingStatus = 'pending' | 'sent' | 'failed';

/** A message this client is sending, before the server answers. */
export interface PendingMessage {
  localId: string;
  to: string;
  chatType: ChatType;
  body: OutgoingBody;
  ext?: Ext;
  config?: MessageConfig;
  replyTo?: string;
  mentions?: MessageMentions;
  threadOf?: string;
  from: UserId;
  conversation: ConversationId;
  createdAt: number;
  status: OutgoingStatus;
  error?: { code: number; message: string };
  /** Upload progress 0..1 for file-bearing messages still uploading. */
  progress?: number;
  /** The stored message, once `status` is 'sent' (so a store can swap the pending entry for it). */
  message?: Message;
}

// ---- the input stream ----
// What a client learns, as one ordered stream: every server event, the answers to its own requests
// that change what a user sees (history pages, recalls, read markers, invitation records), its
// outbox and its connection. A store fed by this stream alone (`bindClient`) needs no other writer:
// hooks call client methods, and the answers arrive here. A new feature adds one member to the
// union (and a case to the store's reducer); the client emits it where it learns the fact.

/** An error as the store keeps it (plain data). */
export interface ErrorInfo {
  code: number;
  message: string;
}

export type ClientInput =
  /** A server event, in the order the server sent it (replays included, duplicates dropped); `pos`: its event position (durable events). */
  | { kind: 'event'; event: ChatEvent; pos?: number }
  /** An outbox entry became pending, changed (upload progress) or failed. */
  | { kind: 'outbox'; pending: PendingMessage }
  /**
   * The server stored a send before this client saw the stored copy in a `message` event (which
   * normally comes first): the stored copy replaces the pending entry. Emitted at most once per send,
   * and only then, so the sender's message enters the stream once in the usual order.
   */
  | { kind: 'sent'; conversation: ConversationId; message: Message }
  /** A pending or failed send was given up (`discard`). */
  | { kind: 'discarded'; conversation: ConversationId; localId: string }
  | { kind: 'connection'; state: ConnectionState; error?: ErrorInfo }
  /** Welcomed; `reset`: the session could not resume, so state must be fetched again. */
  | { kind: 'ready'; user: string; resumed: boolean; reset: boolean }
  /** A page of history this client asked for (`history`). */
  | { kind: 'history'; conversation: ConversationId; page: HistoryPage }
  /** This client's recall was accepted: `message` is the tombstone. */
  | { kind: 'recalled'; conversation: ConversationId; message: Message }
  /** This client moved the read marker (`markRead`): the server's marker and unread count. */
  | { kind: 'readMarker'; conversation: ConversationId; readSeq: number; unread: number }
  /**
   * Unread replies of followed threads, by root serverId, from an answer (a thread page, this
   * client's `markThreadRead`); history pages carry theirs in `page.threadUnread`.
   */
  | { kind: 'threadUnread'; unread: Readonly<Record<string, number>> }
  /** An invitation record from an answer to this client's request (invite, answer, cancel, modify, get). */
  | { kind: 'invitation'; invitation: Invitation }
  /** Profiles from an answer (profile.get, users.search, profile.set); pushed changes come as `profile` events. */
  | { kind: 'profiles'; profiles: Profile[] }
  /** Presence from an answer (presence.get); pushed changes come as `presence` events. */
  | { kind: 'presence'; presence: Presence[] };

export type ClientInputKind = ClientInput['kind'];

/** Client-side events. Server events (ChatEvent) are re-emitted under their `type`. */
export interface ChatClientEvents {
  state: { state: ConnectionState; error?: NatterError };
  /** Connected and welcomed; `reset` means stored state must be resynced (a full sync follows). */
  ready: { user: UserId; resumed: boolean; reset: boolean };
  /** The outbox changed: a message became pending, was sent, or failed. */
  outbox: PendingMessage;
  /** An error with no request to reject (malformed frame answers, bye). */
  error: NatterError;
  /** The offline cache stopped writing (private mode, storage full): the chat goes on in memory. */
  offlineWarning: OfflineWarning;
  /** The server will end this session when the token expires at `expiresAt` (ms): call `renewToken` (Easemob's onTokenWillExpire). */
  tokenWillExpire: { expiresAt: number };
  /** The session ended because the token expired (4011); `renewToken` logs in again, unsent messages kept (onTokenExpired). */
  tokenExpired: { error: NatterError };
  message: Extract<ChatEvent, { type: 'message' }>;
  recall: Extract<ChatEvent, { type: 'recall' }>;
  delivered: Extract<ChatEvent, { type: 'delivered' }>;
  read: Extract<ChatEvent, { type: 'read' }>;
  groupRead: Extract<ChatEvent, { type: 'groupRead' }>;
  channelAck: Extract<ChatEvent, { type: 'channelAck' }>;
  readState: Extract<ChatEvent, { type: 'readState' }>;
  conversationDeleted: Extract<ChatEvent, { type: 'conversationDeleted' }>;
  invitation: Extract<ChatEvent, { type: 'invitation' }>;
  group: Extract<ChatEvent, { type: 'group' }>;
  room: Extract<ChatEvent, { type: 'room' }>;
  blocklist: Extract<ChatEvent, { type: 'blocklist' }>;
  messageUpdate: Extract<ChatEvent, { type: 'messageUpdate' }>;
  messageHidden: Extract<ChatEvent, { type: 'messageHidden' }>;
  pins: Extract<ChatEvent, { type: 'pins' }>;
  threadReply: Extract<ChatEvent, { type: 'threadReply' }>;
  threadReadState: Extract<ChatEvent, { type: 'threadReadState' }>;
  mentionCount: Extract<ChatEvent, { type: 'mentionCount' }>;
  presence: Extract<ChatEvent, { type: 'presence' }>;
  profile: Extract<ChatEvent, { type: 'profile' }>;
  /** Media signaling for a call this device joined (see `createCallClient`). */
  rtc: Extract<ChatEvent, { type: 'rtc' }>;
  /**
   * Everything above that changes what a user sees, plus the answers to this client's own requests
   * that do (history pages, recalls, read markers, invitation records), as one ordered stream of
   * typed inputs: what `bindClient` feeds a store with.
   */
  input: ClientInput;
}

export type Unsubscribe = () => void;

export interface SendOptions {
  ext?: Ext;
  config?: MessageConfig;
  /** The message's localId (e.g. from {@link ChatClient.newLocalId}, to know it before the send); otherwise a new one. */
  localId?: string;
  /** serverId of a message of the same conversation to quote (a reply). */
  replyTo?: string;
  /** Users to mention, or everyone (`all`, group chats). */
  mentions?: MessageMentions;
  /** serverId of a thread root of the same conversation: send as a reply in its thread. */
  threadOf?: string;
}

export interface SendFileOptions extends SendOptions {
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
  /** Image/video dimensions and audio/video duration (seconds), when known. */
  width?: number;
  height?: number;
  duration?: number;
  name?: string;
}

export interface InviteOptions {
  data?: string;
  timeout?: number;
  onlineUserOnly?: boolean;
  offlinePushInfo?: OfflinePushInfo;
}

export interface ChatClient extends MessageFeatureApi {
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

  /** Send any outgoing body; resolves once the server stored it. Queued in the outbox while offline. */
  send(to: string, chatType: ChatType, body: OutgoingBody, options?: SendOptions): Promise<Message>;
  sendText(conversation: ConversationId, text: string, options?: SendOptions): Promise<Message>;
  /** Upload then send an img/file/audio/video message. */
  sendFile(
    conversation: ConversationId,
    kind: 'img' | 'file' | 'audio' | 'video',
    file: Blob,
    options?: SendFileOptions,
  ): Promise<Message>;
  upload(
    file: Blob,
    options?: {
      name?: string;
      mime?: string;
      onProgress?: (loaded: number, total: number) => void;
      signal?: AbortSignal;
    },
  ): Promise<UploadedFile>;
  /** Messages waiting in the outbox (pending or failed). */
  pending(): PendingMessage[];
  /** Retry a failed send with its original localId. */
  retry(localId: string): Promise<Message>;
  /** Give up on a failed or pending send. */
  discard(localId: string): void;

  recall(serverId: string): Promise<Message>;
  history(conversation: ConversationId, options?: { before?: number; limit?: number }): Promise<HistoryPage>;
  /** Every conversation, most recently updated first (loads every page; see conversationPage). */
  conversations(): Promise<ConversationSummary[]>;
  /** One page of the conversation list with the server's unread total; pass `cursor` from the previous page. */
  conversationPage(options?: { cursor?: string; limit?: number }): Promise<ConversationPage>;
  deleteConversation(conversation: ConversationId, options?: { deleteHistory?: boolean }): Promise<void>;
  markRead(conversation: ConversationId, upToSeq?: number): Promise<number>;
  sendReadReceipt(serverId: string): Promise<void>;
  sendDeliveryReceipt(serverIds: string[]): Promise<void>;
  groupReaders(serverId: string): Promise<UserId[]>;

  createGroup(params: Ops['group.create']['p']): Promise<GroupInfo>;
  group(groupId: string): Promise<GroupInfo>;
  groups(): Promise<GroupInfo[]>;
  addGroupMembers(groupId: string, users: UserId[]): Promise<GroupInfo>;
  removeGroupMembers(groupId: string, users: UserId[]): Promise<GroupInfo>;
  leaveGroup(groupId: string): Promise<void>;
  destroyGroup(groupId: string): Promise<void>;
  muteGroupMember(groupId: string, user: UserId, mute: boolean, durationMs?: number): Promise<GroupInfo>;
  setGroupWhitelist(
    groupId: string,
    change: { enabled?: boolean; add?: UserId[]; remove?: UserId[] },
  ): Promise<GroupInfo>;
  /** Owner only: make a member an admin or take it back (510 not allowed, 602 not a member, 605 no group). */
  setGroupAdmin(groupId: string, user: UserId, admin: boolean): Promise<GroupInfo>;

  createRoom(params: Ops['room.create']['p']): Promise<RoomInfo>;
  joinRoom(roomId: string): Promise<RoomInfo>;
  leaveRoom(roomId: string): Promise<void>;
  rooms(): Promise<RoomInfo[]>;

  block(user: UserId): Promise<UserId[]>;
  unblock(user: UserId): Promise<UserId[]>;
  blocklist(): Promise<UserId[]>;

  invite(invitee: UserId, options?: InviteOptions): Promise<{ invitation: Invitation; message: Message | null }>;
  inviteInGroup(
    groupId: string,
    invitees: UserId[],
    options?: InviteOptions,
  ): Promise<{ invitation: Invitation; message: Message | null }>;
  cancelInvitation(inviteId: string, data?: string): Promise<{ invitation: Invitation; message: Message | null }>;
  acceptInvitation(inviteId: string, data?: string): Promise<{ invitation: Invitation; message: Message | null }>;
  rejectInvitation(inviteId: string, data?: string): Promise<{ invitation: Invitation; message: Message | null }>;
  modifyInvitation(inviteId: string, data: string): Promise<{ invitation: Invitation; message: Message | null }>;
  invitation(inviteId: string): Promise<Invitation>;
  pendingInvitations(): Promise<Invitation[]>;
}
