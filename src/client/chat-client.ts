// Owns createChatClient: it wires the connection manager, request tracker,
// outbox, event position and delivery receipts together, turns server frames
// into typed events, and exposes the Promise API of ChatClient.
import { ulid } from '../protocol/ulid';
import type { ConversationSummary, GroupInfo, RoomInfo, ServerLimits } from '../protocol/entities';
import { ErrorCode, NatterError } from '../protocol/errors';
import type {
  ChatEvent,
  ConversationPage,
  HistoryPage,
  OpName,
  OpParams,
  OpResult,
  ServerFrame,
  WelcomeFrame,
} from '../protocol/frames';
import { conversationId, conversationOf, parseConversationId, type ConversationId } from '../protocol/ids';
import type { Invitation } from '../protocol/invitation';
import type { Transport, UploadedFile } from '../protocol/link';
import type { ChatType, Message, OutgoingBody, UserId } from '../protocol/message';
import type {
  ChatClient,
  ChatClientEvents,
  ChatClientOptions,
  ConnectionState,
  InviteOptions,
  PendingMessage,
  SendFileOptions,
  SendOptions,
  Unsubscribe,
} from './chat-client-types';
import { ChangeQueue } from './change-queue';
import { ConnectionManager } from './connection-manager';
import { DeliveryReceipts } from './delivery-receipts';
import { Emitter } from './emitter';
import { EventPosition } from './event-position';
import type { FileKind } from './file-message';
import { FileSender, toNatterError } from './file-sender';
import { createMessageFeatures, type MessageFeatureApi } from './message-features';
import { InputStream } from './input-stream';
import { peopleAnswerInput } from './people-answers';
import { uploadFile, type UploadInput } from './file-upload';
import { RequestTracker } from './request-tracker';
import { Outbox } from './outbox';
import type { LazyOffline } from './offline/lazy-offline';
import { setupOffline } from './offline/offline-setup';
import { ServerClock } from './server-clock';
import { TokenRenewal } from './token-renewal';
import { createWebSocketTransport } from './websocket-transport';

type InvitationResult = { invitation: Invitation; message: Message | null };

function resolveTransport(options: ChatClientOptions): Transport {
  if (options.transport) return options.transport;
  if (options.url) {
    return createWebSocketTransport({
      url: options.url,
      ...(options.WebSocket !== undefined ? { WebSocket: options.WebSocket } : {}),
      ...(options.token !== undefined ? { token: options.token } : {}),
      ...(options.user !== undefined ? { user: options.user } : {}),
    });
  }
  throw new NatterError(ErrorCode.INVALID_PARAMS, 'createChatClient needs a transport or a url');
}

function target(conversation: ConversationId): { type: ChatType; target: string } | null {
  return parseConversationId(conversation);
}

/** The API never throws synchronously: a bad conversation id is a rejected Promise like any other refusal. */
function badConversation(conversation: string): Promise<never> {
  return Promise.reject(new NatterError(ErrorCode.INVALID_PARAMS, `not a conversation id: ${conversation}`));
}

// The conversation-feature methods are assigned in the constructor.
interface NatterChatClient extends MessageFeatureApi {}

class NatterChatClient implements ChatClient {
  // A throwing handler is an app bug: report it without breaking delivery or crashing a Node process.
  private readonly emitter = new Emitter<ChatClientEvents>((err) =>
    console.error('natter: an event handler threw', err),
  );
  private readonly transport: Transport;
  private readonly conn: ConnectionManager;
  private readonly tracker: RequestTracker;
  private readonly outbox: Outbox;
  private readonly position = new EventPosition();
  private readonly clock: ServerClock;
  private readonly receipts: DeliveryReceipts | null;
  private readonly files: FileSender;
  private readonly changes: ChangeQueue;
  private readonly newId: () => string;
  private readonly auth: TokenRenewal;
  private readonly inputs: InputStream;
  private currentUser: UserId;
  private currentLimits: ServerLimits | null = null;
  private readonly offlineCache: LazyOffline | null;
  readonly device: string;

  constructor(private readonly options: ChatClientOptions) {
    const own = resolveTransport(options);
    this.offlineCache = setupOffline(options, own, (w) => this.emitter.emit('offlineWarning', w));
    this.transport = this.offlineCache ? this.offlineCache.transport(own) : own;
    this.inputs = new InputStream({
      emit: (i) => this.emitter.emit('input', i),
      user: () => this.currentUser,
      inOutbox: (id) => this.outbox.get(id) !== undefined,
    });
    this.currentUser = options.user ?? '';
    this.newId = options.newId ?? (() => ulid());
    this.device = options.device ?? `web-${ulid()}`;
    const local = options.clock ?? { now: () => Date.now() };
    this.clock = new ServerClock(local);
    this.auth = new TokenRenewal(options.token, {
      ...(options.getToken ? { getToken: options.getToken } : {}),
      state: () => this.conn.state,
      renewOnConnection: (token) => this.request('auth.renew', { token }),
      connect: () => this.conn.connect(),
      willExpire: (expiresAt) => this.emitter.emit('tokenWillExpire', { expiresAt }),
      expired: (error) => this.emitter.emit('tokenExpired', { error }),
      error: (e) => this.emitter.emit('error', e),
    });
    this.conn = new ConnectionManager({
      transport: this.transport,
      reconnect: options.reconnect === false ? false : (options.reconnect ?? {}),
      heartbeatMs: options.heartbeatMs ?? 25_000,
      now: () => local.now(),
      hello: () => {
        const resume = this.position.resumeFrom;
        return {
          device: this.device,
          ...(this.auth.token !== undefined ? { token: this.auth.token } : {}),
          ...(options.user !== undefined ? { user: options.user } : {}),
          ...(resume !== undefined ? { resume } : {}),
        };
      },
      handlers: {
        welcome: (w, sentAt) => this.onWelcome(w, sentAt),
        frame: (f) => this.onFrame(f),
        down: () => this.tracker.connectionLost(),
        state: (state, error) => {
          if (state === 'closed')
            this.tracker.rejectWaiting(error ?? new NatterError(ErrorCode.DISCONNECTED, 'client closed'));
          this.emitter.emit('state', error ? { state, error } : { state });
          if (state === 'closed') this.auth.closed(error);
          this.inputs.connection(state, error);
        },
        error: (e) => {
          this.emitter.emit('error', e);
          this.inputs.connection(this.conn.state, e);
        },
      },
    });
    const persistence = options.outbox ?? this.offlineCache?.outbox();
    this.tracker = new RequestTracker({
      write: (f) => this.conn.write(f),
      timeoutMs: options.requestTimeoutMs ?? 30_000,
    });
    this.outbox = new Outbox({
      dispatch: (op, p, cb) => this.tracker.dispatch(op, p, cb),
      emit: (p) => {
        this.emitter.emit('outbox', p);
        this.inputs.outbox(p);
      },
      isOpen: () => this.conn.isOpen,
      ...(persistence ? { persistence } : {}),
    });
    this.changes = new ChangeQueue({
      dispatch: (op, p, cb) => this.tracker.dispatch(op, p, cb),
      isOpen: () => this.conn.isOpen,
    });
    // react, editText, deleteMessage, pin, pins, thread, forward… (message-features.ts)
    Object.assign(
      this,
      createMessageFeatures({
        changes: this.changes,
        request: (op, p) => this.request(op, p),
        newId: this.newId,
        threadUnread: (unread) => this.inputs.push({ kind: 'threadUnread', unread }),
      }),
    );
    this.files = new FileSender(this.outbox, (file, input) => this.upload(file, input));
    this.receipts = options.delivery
      ? new DeliveryReceipts({ send: (ids) => this.sendDeliveryReceipt(ids), isOpen: () => this.conn.isOpen })
      : null;
  }

  get user(): UserId {
    return this.currentUser;
  }
  get state(): ConnectionState {
    return this.conn.state;
  }
  get limits(): ServerLimits | null {
    return this.currentLimits;
  }
  get offline(): LazyOffline | null {
    return this.offlineCache;
  }
  serverNow(): number {
    return this.clock.now();
  }
  renewToken(token: string): Promise<void> {
    return this.auth.renew(token);
  }
  newLocalId(): string {
    return this.newId();
  }

  connect(): Promise<void> {
    const cache = this.offlineCache;
    if (!cache) return this.conn.connect();
    // Resume from where the cached state stands, so the server replays only what it lacks.
    return cache.snapshot().then((s) => {
      if (s?.pos != null) this.position.restore(s.pos);
      return this.conn.connect();
    });
  }
  async clearOfflineData(): Promise<void> {
    this.close();
    await this.offlineCache?.clear();
  }
  close(): void {
    this.conn.close();
    this.offlineCache?.dispose();
    this.receipts?.dispose();
    this.outbox.clearTimers();
    this.changes.clearTimers();
  }
  dropConnection(): void {
    this.conn.drop();
  }

  on<K extends keyof ChatClientEvents>(event: K, handler: (e: ChatClientEvents[K]) => void): Unsubscribe {
    return this.emitter.on(event, handler);
  }
  off<K extends keyof ChatClientEvents>(event: K, handler: (e: ChatClientEvents[K]) => void): void {
    this.emitter.off(event, handler);
  }

  request<K extends OpName>(op: K, params: OpParams<K>): Promise<OpResult<K>> {
    if (this.conn.state === 'idle' || this.conn.state === 'closed') {
      return Promise.reject(
        new NatterError(ErrorCode.DISCONNECTED, `not connected (${this.conn.state}); call connect() first`),
      );
    }
    return this.tracker.request(op, params).then((result) => {
      const input = peopleAnswerInput(op, result);
      if (input) this.inputs.push(input);
      return result;
    });
  }

  // ---- frames and events ----

  private onWelcome(w: WelcomeFrame, helloSentAt: number): void {
    this.currentUser = w.user;
    this.currentLimits = w.limits;
    this.clock.sync(w.serverTime, helloSentAt);
    this.position.welcome(w.pos, w.resumed);
    this.emitter.emit('ready', { user: w.user, resumed: w.resumed, reset: w.reset });
    this.inputs.connection(this.conn.state);
    this.inputs.push({ kind: 'ready', user: w.user, resumed: w.resumed, reset: w.reset });
    this.tracker.flushWaiting();
    this.outbox.flush();
    this.changes.flush();
    this.receipts?.flush();
  }

  private onFrame(f: ServerFrame): void {
    switch (f.t) {
      case 'ok':
        this.tracker.settle(f.id, { ok: true, result: f.r });
        return;
      case 'err': {
        const error = new NatterError(f.code, f.message, f.retryAfter);
        if (f.id === undefined || !this.tracker.settle(f.id, { ok: false, error })) this.emitter.emit('error', error);
        return;
      }
      case 'evt':
        if (this.position.accept(f.pos)) this.onEvent(f.e, f.pos);
        return;
      case 'expiring':
        this.auth.expiring(f.expiresAt);
        return;
      default:
        return;
    }
  }

  private onEvent(e: ChatEvent, pos: number | undefined): void {
    if (
      e.type === 'message' &&
      this.receipts &&
      e.message.from !== this.currentUser &&
      e.message.chatType === 'single' &&
      e.message.body.type !== 'recalled'
    ) {
      this.receipts.add(e.message.serverId);
    }
    // The event's `type` names the client event carrying it.
    this.emitter.emit(e.type, e);
    this.inputs.event(e, pos);
  }

  // ---- sending ----

  send(to: string, chatType: ChatType, body: OutgoingBody, options: SendOptions = {}): Promise<Message> {
    return this.outbox.add(this.pendingOf(to, chatType, body, options));
  }

  sendText(conversation: ConversationId, text: string, options?: SendOptions): Promise<Message> {
    const t = target(conversation);
    if (!t) return badConversation(conversation);
    return this.send(t.target, t.type, { type: 'txt', msg: text }, options);
  }

  sendFile(conversation: ConversationId, kind: FileKind, file: Blob, options: SendFileOptions = {}): Promise<Message> {
    const t = target(conversation);
    if (!t) return badConversation(conversation);
    const { body: _placeholder, ...base } = this.pendingOf(t.target, t.type, { type: 'txt', msg: '' }, options);
    return this.files.send(base, kind, file, options);
  }

  upload(file: Blob, options: UploadInput = {}): Promise<UploadedFile> {
    return uploadFile(
      {
        transport: this.transport,
        user: this.currentUser,
        ...(this.auth.token !== undefined ? { token: this.auth.token } : {}),
        request: (op, p) => this.request(op, p),
      },
      file,
      options,
    ).catch((err: unknown) => {
      throw toNatterError(err);
    });
  }

  private pendingOf(
    to: string,
    chatType: ChatType,
    body: OutgoingBody,
    options: SendOptions,
  ): Omit<PendingMessage, 'status'> {
    return {
      localId: options.localId ?? this.newId(),
      to,
      chatType,
      body,
      ...(options.ext !== undefined ? { ext: options.ext } : {}),
      ...(options.config !== undefined ? { config: options.config } : {}),
      ...(options.replyTo !== undefined ? { replyTo: options.replyTo } : {}),
      ...(options.mentions !== undefined ? { mentions: options.mentions } : {}),
      ...(options.threadOf !== undefined ? { threadOf: options.threadOf } : {}),
      from: this.currentUser,
      conversation: conversationId(chatType, to),
      createdAt: this.clock.localNow(),
    };
  }

  pending(): PendingMessage[] {
    return this.outbox.list();
  }

  retry(localId: string): Promise<Message> {
    return this.files.retry(localId);
  }

  discard(localId: string): void {
    const entry = this.outbox.get(localId);
    this.files.forget(localId);
    this.outbox.discard(localId);
    this.inputs.discarded(entry);
  }

  // ---- messages, conversations, receipts ----

  async recall(serverId: string): Promise<Message> {
    const { message } = await this.request('recall', { serverId });
    this.inputs.push({ kind: 'recalled', conversation: conversationOf(message, this.currentUser), message });
    return message;
  }
  async history(conversation: ConversationId, options: { before?: number; limit?: number } = {}): Promise<HistoryPage> {
    const page = await this.request('history', { conversation, ...options });
    this.inputs.push({ kind: 'history', conversation, page });
    return page;
  }
  async conversations(): Promise<ConversationSummary[]> {
    const all: ConversationSummary[] = [];
    const seen = new Set<ConversationId>();
    let cursor: string | null = null;
    // A conversation that moves to the top while the pages load is not listed twice.
    do {
      const page: ConversationPage = await this.conversationPage(cursor === null ? {} : { cursor });
      for (const c of page.conversations) if (!seen.has(c.id)) (seen.add(c.id), all.push(c));
      cursor = page.cursor;
    } while (cursor !== null);
    return all;
  }
  conversationPage(options: { cursor?: string; limit?: number } = {}): Promise<ConversationPage> {
    const p: { cursor?: string; limit?: number } = {};
    if (options.cursor !== undefined) p.cursor = options.cursor;
    if (options.limit !== undefined) p.limit = options.limit;
    return this.request('conversations', p);
  }
  async deleteConversation(conversation: ConversationId, options: { deleteHistory?: boolean } = {}): Promise<void> {
    await this.request('deleteConversation', { conversation, ...options });
  }
  async markRead(conversation: ConversationId, upToSeq?: number): Promise<number> {
    const { readSeq, unread } = await this.request('ack', {
      conversation,
      ...(upToSeq !== undefined ? { upToSeq } : {}),
    });
    this.inputs.push({ kind: 'readMarker', conversation, readSeq, unread });
    return readSeq;
  }
  async sendReadReceipt(serverId: string): Promise<void> {
    await this.request('read', { serverId });
  }
  async sendDeliveryReceipt(serverIds: string[]): Promise<void> {
    await this.request('delivered', { serverIds });
  }
  async groupReaders(serverId: string): Promise<UserId[]> {
    return (await this.request('groupReaders', { serverId })).readers;
  }

  // ---- groups, rooms, blocklist ----

  async createGroup(params: OpParams<'group.create'>): Promise<GroupInfo> {
    return (await this.request('group.create', params)).group;
  }
  async group(groupId: string): Promise<GroupInfo> {
    return (await this.request('group.info', { groupId })).group;
  }
  async groups(): Promise<GroupInfo[]> {
    return (await this.request('group.list', {})).groups;
  }
  async addGroupMembers(groupId: string, users: UserId[]): Promise<GroupInfo> {
    return (await this.request('group.addMembers', { groupId, users })).group;
  }
  async removeGroupMembers(groupId: string, users: UserId[]): Promise<GroupInfo> {
    return (await this.request('group.removeMembers', { groupId, users })).group;
  }
  async leaveGroup(groupId: string): Promise<void> {
    await this.request('group.leave', { groupId });
  }
  async destroyGroup(groupId: string): Promise<void> {
    await this.request('group.destroy', { groupId });
  }
  async muteGroupMember(groupId: string, user: UserId, mute: boolean, durationMs?: number): Promise<GroupInfo> {
    return (
      await this.request('group.mute', { groupId, user, mute, ...(durationMs !== undefined ? { durationMs } : {}) })
    ).group;
  }
  async setGroupWhitelist(
    groupId: string,
    change: { enabled?: boolean; add?: UserId[]; remove?: UserId[] },
  ): Promise<GroupInfo> {
    return (await this.request('group.whitelist', { groupId, ...change })).group;
  }
  async setGroupAdmin(groupId: string, user: UserId, admin: boolean): Promise<GroupInfo> {
    return (await this.request('group.setAdmin', { groupId, user, admin })).group;
  }

  async createRoom(params: OpParams<'room.create'>): Promise<RoomInfo> {
    return (await this.request('room.create', params)).room;
  }
  async joinRoom(roomId: string): Promise<RoomInfo> {
    return (await this.request('room.join', { roomId })).room;
  }
  async leaveRoom(roomId: string): Promise<void> {
    await this.request('room.leave', { roomId });
  }
  async rooms(): Promise<RoomInfo[]> {
    return (await this.request('room.list', {})).rooms;
  }

  async block(user: UserId): Promise<UserId[]> {
    return (await this.request('block', { user })).blocked;
  }
  async unblock(user: UserId): Promise<UserId[]> {
    return (await this.request('unblock', { user })).blocked;
  }
  async blocklist(): Promise<UserId[]> {
    return (await this.request('blocklist', {})).blocked;
  }

  // ---- signaling ----

  invite(invitee: UserId, options: InviteOptions = {}): Promise<InvitationResult> {
    return this.invitationStep(this.request('sig.invite', { invitees: [invitee], ...options }));
  }
  inviteInGroup(groupId: string, invitees: UserId[], options: InviteOptions = {}): Promise<InvitationResult> {
    return this.invitationStep(this.request('sig.invite', { invitees, groupId, ...options }));
  }
  cancelInvitation(inviteId: string, data?: string): Promise<InvitationResult> {
    return this.invitationStep(this.request('sig.cancel', { inviteId, ...(data !== undefined ? { data } : {}) }));
  }
  acceptInvitation(inviteId: string, data?: string): Promise<InvitationResult> {
    return this.invitationStep(this.request('sig.accept', { inviteId, ...(data !== undefined ? { data } : {}) }));
  }
  rejectInvitation(inviteId: string, data?: string): Promise<InvitationResult> {
    return this.invitationStep(this.request('sig.reject', { inviteId, ...(data !== undefined ? { data } : {}) }));
  }
  modifyInvitation(inviteId: string, data: string): Promise<InvitationResult> {
    return this.invitationStep(this.request('sig.modify', { inviteId, data }));
  }
  async invitation(inviteId: string): Promise<Invitation> {
    return (await this.invitationStep(this.request('sig.get', { inviteId }))).invitation;
  }

  /** The answer's record goes into the input stream, so this device shows it before the event arrives. */
  private async invitationStep<T extends { invitation: Invitation }>(answer: Promise<T>): Promise<T> {
    const r = await answer;
    this.inputs.push({ kind: 'invitation', invitation: r.invitation });
    return r;
  }
  async pendingInvitations(): Promise<Invitation[]> {
    return (await this.request('sig.pending', {})).invitations;
  }
}

/** Create a client. Call `connect()` to log in; events and the outbox work from creation. */
export function createChatClient(options: ChatClientOptions): ChatClient {
  return new NatterChatClient(options);
}
