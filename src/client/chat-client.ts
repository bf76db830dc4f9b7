// Owns createChatClient: it wires the connection manager, request tracker,
// outbox, event position and delivery receipts together, turns server frames
// into typed events, and adds the method groups of ChatClient (client-methods.ts).
import { definedFields } from '../protocol/defined-fields';
import { ulid } from '../protocol/ulid';
import type { ServerLimits } from '../protocol/entities';
import { ErrorCode, NatterError, loadErrorMessages } from '../protocol/errors';
import type { ChatEvent, OpName, OpParams, OpResult, ServerFrame, WelcomeFrame } from '../protocol/frames';
import type { Transport } from '../protocol/link';
import type { UserId } from '../protocol/message';
import type {
  ChatClient,
  ChatClientEvents,
  ChatClientOptions,
  ConnectionState,
  Unsubscribe,
} from './chat-client-types';
import { changeInputs } from './change-inputs';
import { ChangeQueue } from './change-queue';
import { ConnectionManager } from './connection-manager';
import { Emitter } from './emitter';
import { EventPosition } from './event-position';
import { clientMethods, type ClientMethods } from './client-methods';
import type { GroupApi } from './client-groups';
import type { SignalingApi } from './client-signaling';
import type { PushApi } from './client-push';
import { InputStream } from './input-stream';
import { lazyDeliveryReceipts, type ReceiptSender } from './lazy-delivery-receipts';
import { peopleAnswerInput } from './people-answers';
import { RequestTracker } from './request-tracker';
import { threadUnreadAnswerInput } from './thread-unread-answers';
import { Outbox } from './outbox';
import type { LazyOffline } from './offline/lazy-offline';
import { setupOffline } from './offline/offline-setup';
import { ServerClock } from './server-clock';
import { lazyTokenRenewal, type TokenHandle } from './lazy-token-renewal';
import { resolveTransport } from './resolve-transport';

// The method groups (sending, conversation features, conversations, groups, signaling, push) are assigned in the constructor.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the interface types what Object.assign adds
interface NatterChatClient extends ClientMethods, GroupApi, SignalingApi, PushApi {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
class NatterChatClient implements ChatClient {
  // A throwing handler is an app bug: report it without breaking delivery or crashing a Node process.
  readonly #emitter = new Emitter<ChatClientEvents>((err) => console.error('natter: an event handler threw', err));
  readonly #transport: Transport;
  readonly #conn: ConnectionManager;
  readonly #tracker: RequestTracker;
  readonly #outbox: Outbox;
  readonly #position = new EventPosition();
  readonly #clock: ServerClock;
  readonly #receipts: ReceiptSender | null;
  readonly #changes: ChangeQueue;
  readonly #newId: () => string;
  readonly #auth: TokenHandle;
  readonly #inputs: InputStream;
  #currentUser: UserId;
  #currentLimits: ServerLimits | null = null;
  readonly #offlineCache: LazyOffline | null;
  /** Bumped by close(): a connect() still waiting for the offline start when it comes does not connect. */
  #closes = 0;
  readonly device: string;

  constructor(options: ChatClientOptions) {
    loadErrorMessages().catch(() => undefined); // fetched now, not with the first screen's code
    const own = resolveTransport(options);
    this.#offlineCache = setupOffline(options, own, (w) => this.#emitter.emit('offlineWarning', w));
    this.#transport = this.#offlineCache ? this.#offlineCache.transport(own) : own;
    this.#inputs = new InputStream({
      emit: (i) => this.#emitter.emit('input', i),
      user: () => this.#currentUser,
      inOutbox: (id) => this.#outbox.get(id) !== undefined,
    });
    this.#currentUser = options.user ?? '';
    this.#newId = options.newId ?? (() => ulid());
    this.device = options.device ?? `web-${ulid()}`;
    const local = options.clock ?? { now: () => Date.now() };
    this.#clock = new ServerClock(local);
    this.#auth = lazyTokenRenewal(options.token, {
      ...(options.getToken ? { getToken: options.getToken } : {}),
      state: () => this.#conn.state,
      renewOnConnection: (token) => this.request('auth.renew', { token }),
      connect: () => this.#conn.connect(),
      willExpire: (expiresAt) => this.#emitter.emit('tokenWillExpire', { expiresAt }),
      expired: (error) => this.#emitter.emit('tokenExpired', { error }),
      error: (e) => this.#emitter.emit('error', e),
    });
    this.#conn = new ConnectionManager({
      transport: this.#transport,
      reconnect: options.reconnect === false ? false : (options.reconnect ?? {}),
      heartbeatMs: options.heartbeatMs ?? 25_000,
      now: () => local.now(),
      hello: () => {
        const resume = this.#position.resumeFrom;
        return {
          device: this.device,
          ...definedFields({ token: this.#auth.token, user: options.user, resume }),
        };
      },
      handlers: {
        welcome: (w, sentAt) => this.#onWelcome(w, sentAt),
        frame: (f) => this.#onFrame(f),
        down: () => this.#tracker.connectionLost(),
        state: (state, error) => {
          if (state === 'closed')
            this.#tracker.rejectWaiting(error ?? new NatterError(ErrorCode.DISCONNECTED, 'client closed'));
          this.#emitter.emit('state', error ? { state, error } : { state });
          if (state === 'closed') this.#auth.closed(error);
          this.#inputs.connection(state, error);
        },
        error: (e) => {
          this.#emitter.emit('error', e);
          this.#inputs.connection(this.#conn.state, e);
        },
      },
    });
    const persistence = options.outbox ?? this.#offlineCache?.outbox();
    this.#tracker = new RequestTracker({
      write: (f) => this.#conn.write(f),
      timeoutMs: options.requestTimeoutMs ?? 30_000,
    });
    this.#outbox = new Outbox({
      dispatch: (op, p, cb) => this.#tracker.dispatch(op, p, cb),
      emit: (p) => {
        this.#emitter.emit('outbox', p);
        this.#inputs.outbox(p);
      },
      isOpen: () => this.#conn.isOpen,
      ...(persistence ? { persistence } : {}),
    });
    // Only an outbox kept in the cache owes it writes (an app's own persistence is its own business).
    if (!options.outbox) this.#offlineCache?.owes(() => this.#outbox.saveNow());
    const changePersistence = this.#offlineCache?.changes();
    this.#changes = new ChangeQueue({
      dispatch: (op, p, cb) => this.#tracker.dispatch(op, p, cb),
      isOpen: () => this.#conn.isOpen,
      newId: this.#newId,
      now: () => local.now(),
      ...(changePersistence ? { persistence: changePersistence } : {}),
      restoredRejected: (_op, error) => this.#emitter.emit('error', error),
      // The store hears of every queued change; so do the user's other tabs, with the offline cache.
      observer: changeInputs(
        (i) => this.#inputs.push(i),
        this.#offlineCache?.shareChanges({
          push: (i) => this.#inputs.push(i),
          waiting: () => this.#changes.waiting(),
          adopt: (c) => this.#changes.adopt(c),
        }),
      ),
    });
    const attachments = this.#offlineCache?.attachments();
    Object.assign(
      this,
      clientMethods({
        outbox: this.#outbox,
        changes: this.#changes,
        transport: this.#transport,
        request: (op, p) => this.request(op, p),
        input: (i) => this.#inputs.push(i),
        user: () => this.#currentUser,
        token: () => this.#auth.token,
        newId: this.#newId,
        localNow: () => this.#clock.localNow(),
        discarded: (entry) => this.#inputs.discarded(entry),
        isOpen: () => this.#conn.isOpen,
        onWelcome: (run) => this.#emitter.on('ready', run),
        ...(attachments ? { attachments } : {}),
      }),
    );
    this.#receipts = options.delivery
      ? lazyDeliveryReceipts({ send: (ids) => this.sendDeliveryReceipt(ids), isOpen: () => this.#conn.isOpen })
      : null;
  }

  get user(): UserId {
    return this.#currentUser;
  }
  get state(): ConnectionState {
    return this.#conn.state;
  }
  get limits(): ServerLimits | null {
    return this.#currentLimits;
  }
  get offline(): LazyOffline | null {
    return this.#offlineCache;
  }
  serverNow(): number {
    return this.#clock.now();
  }
  renewToken(token: string): Promise<void> {
    return this.#auth.renew(token);
  }
  newLocalId(): string {
    return this.#newId();
  }

  connect(): Promise<void> {
    const cache = this.#offlineCache;
    if (!cache) return this.#conn.connect();
    // Resume from where the cached state stands, so the server replays only what it lacks; the
    // connection waits for the offline chunk, which decides whether this tab shares another's socket.
    const closes = this.#closes;
    return Promise.all([cache.startSnapshot(), cache.ready]).then(([s]) => {
      if (this.#closes !== closes) throw new NatterError(ErrorCode.DISCONNECTED, 'client closed');
      if (s?.pos != null) this.#position.restore(s.pos);
      return this.#conn.connect();
    });
  }
  async clearOfflineData(): Promise<void> {
    this.close();
    await this.#offlineCache?.clear();
  }
  close(): void {
    this.#closes++;
    // Written before the offline runtime is let go: the outbox saves through it.
    this.#outbox.saveNow();
    this.#conn.close();
    this.#offlineCache?.dispose();
    this.#receipts?.dispose();
    this.#outbox.clearTimers();
    this.#changes.clearTimers();
  }
  dropConnection(): void {
    this.#conn.drop();
  }

  on<K extends keyof ChatClientEvents>(event: K, handler: (e: ChatClientEvents[K]) => void): Unsubscribe {
    return this.#emitter.on(event, handler);
  }
  off<K extends keyof ChatClientEvents>(event: K, handler: (e: ChatClientEvents[K]) => void): void {
    this.#emitter.off(event, handler);
  }

  request<K extends OpName>(op: K, params: OpParams<K>): Promise<OpResult<K>> {
    if (this.#conn.state === 'idle' || this.#conn.state === 'closed') {
      return Promise.reject(
        new NatterError(ErrorCode.DISCONNECTED, `not connected (${this.#conn.state}); call connect() first`),
      );
    }
    return this.#tracker.request(op, params).then((result) => {
      const input = peopleAnswerInput(op, result) ?? threadUnreadAnswerInput(op, result);
      if (input) this.#inputs.push(input);
      return result;
    });
  }

  // ---- frames and events ----

  #onWelcome(w: WelcomeFrame, helloSentAt: number): void {
    this.#currentUser = w.user;
    this.#currentLimits = w.limits;
    this.#clock.sync(w.serverTime, helloSentAt);
    this.#position.welcome(w.pos, w.resumed);
    this.#emitter.emit('ready', { user: w.user, resumed: w.resumed, reset: w.reset });
    this.#inputs.connection(this.#conn.state);
    this.#inputs.push({ kind: 'ready', user: w.user, resumed: w.resumed, reset: w.reset });
    this.#tracker.flushWaiting();
    this.#outbox.flush();
    this.#changes.flush();
    this.#receipts?.flush();
  }

  #onFrame(f: ServerFrame): void {
    switch (f.t) {
      case 'ok':
        this.#tracker.settle(f.id, { ok: true, result: f.r });
        return;
      case 'err': {
        const error = new NatterError(f.code, f.message, f.retryAfter);
        if (f.id === undefined || !this.#tracker.settle(f.id, { ok: false, error })) this.#emitter.emit('error', error);
        return;
      }
      case 'evt':
        if (this.#position.accept(f.pos)) this.#onEvent(f.e, f.pos);
        return;
      case 'expiring':
        this.#auth.expiring(f.expiresAt);
        return;
      default:
        return;
    }
  }

  #onEvent(e: ChatEvent, pos: number | undefined): void {
    if (
      e.type === 'message' &&
      this.#receipts &&
      e.message.from !== this.#currentUser &&
      e.message.chatType === 'single' &&
      e.message.body.type !== 'recalled'
    ) {
      this.#receipts.add(e.message.serverId);
    }
    // The event's `type` names the client event carrying it.
    this.#emitter.emit(e.type, e);
    this.#inputs.event(e, pos);
  }
}

/** Create a client. Call `connect()` to log in; events and the outbox work from creation. */
export function createChatClient(options: ChatClientOptions): ChatClient {
  return new NatterChatClient(options);
}
