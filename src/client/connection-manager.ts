// Owns the connection lifecycle: opening a transport connection, the
// hello → welcome handshake, the ConnectionState machine, and reconnecting
// with backoff after a loss. It knows nothing of requests or events: it hands
// welcomed frames to the client and reports losses.
import { ErrorCode, NatterError } from '../protocol/errors';
import type { ClientFrame, HelloFrame, ServerFrame, WelcomeFrame } from '../protocol/frames';
import type { ClientConnection, Transport } from '../protocol/link';
import { PROTOCOL_VERSION } from '../protocol/version';
import { Backoff, type BackoffOptions } from './backoff';
import type { ConnectionState } from './connection-state';
import { decodeServerFrame, encodeClientFrame } from './frame-codec';
import { cancel, later, type TimerHandle } from './timers';

/** Codes after which retrying the same credentials cannot help. */
const FATAL_CODES = new Set<number>([
  ErrorCode.WEBIM_CONNCTION_AUTH_ERROR,
  ErrorCode.NOT_AUTHENTICATED,
  ErrorCode.TOKEN_EXPIRED,
  ErrorCode.TOKEN_INVALID,
  ErrorCode.UNSUPPORTED_VERSION,
]);

/** `bye` codes after which coming back is expected (server restart). Others (e.g. replaced by the same device) stop. */
const BYE_RECONNECT_CODES = new Set<number>([ErrorCode.SHUTTING_DOWN, ErrorCode.DISCONNECTED]);

interface ConnectionManagerHandlers {
  welcome(frame: WelcomeFrame, helloSentAt: number): void;
  /** Any frame after the welcome. */
  frame(frame: ServerFrame): void;
  /** A welcomed connection was lost (requests in flight are lost with it). */
  down(): void;
  state(state: ConnectionState, error?: NatterError): void;
  error(error: NatterError): void;
}

export interface ConnectionManagerOptions {
  transport: Transport;
  /** Built on every attempt, so `resume` carries the latest position. */
  hello(): Omit<HelloFrame, 'v' | 't'>;
  reconnect: BackoffOptions | false;
  /** Ping interval; a connection that answers nothing for a whole interval is dropped. 0 disables. */
  heartbeatMs: number;
  now(): number;
  handlers: ConnectionManagerHandlers;
}

interface Waiter {
  resolve(): void;
  reject(e: NatterError): void;
}

export class ConnectionManager {
  #current: ConnectionState = 'idle';
  #conn: ClientConnection | null = null;
  /** Bumped on every attempt and drop, so callbacks of a dead connection are ignored. */
  #generation = 0;
  #welcomed = false;
  #retryTimer: TimerHandle | null = null;
  #heartbeatTimer: TimerHandle | null = null;
  /** True from a ping until any frame arrives. */
  #awaitingAnswer = false;
  #waiters: Waiter[] = [];
  readonly #backoff: Backoff | null;

  readonly #options: ConnectionManagerOptions;

  constructor(options: ConnectionManagerOptions) {
    this.#options = options;
    this.#backoff = options.reconnect === false ? null : new Backoff(options.reconnect);
  }

  get state(): ConnectionState {
    return this.#current;
  }

  get isOpen(): boolean {
    return this.#current === 'open' && this.#conn !== null;
  }

  connect(): Promise<void> {
    if (this.isOpen) return Promise.resolve();
    const p = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    if (this.#current === 'idle' || this.#current === 'closed') {
      this.#backoff?.reset();
      this.#setState('connecting');
      this.#attempt();
    }
    return p;
  }

  /** Write a frame on the welcomed connection. */
  write(frame: ClientFrame): boolean {
    if (!this.#conn || !this.#welcomed) return false;
    try {
      this.#conn.send(encodeClientFrame(frame));
      return true;
    } catch {
      return false;
    }
  }

  /** Simulate a network failure: the connection goes, reconnect follows (unless disabled). */
  drop(): void {
    if (!this.#conn) return;
    this.#abandonConnection();
    this.#lost(new NatterError(ErrorCode.DISCONNECTED, 'connection dropped'), false);
  }

  close(): void {
    cancel(this.#retryTimer);
    this.#retryTimer = null;
    this.#stopHeartbeat();
    const wasWelcomed = this.#welcomed;
    this.#abandonConnection();
    if (wasWelcomed) this.#options.handlers.down();
    this.#setState('closed');
    this.#rejectWaiters(new NatterError(ErrorCode.DISCONNECTED, 'client closed'));
  }

  #abandonConnection(): void {
    this.#generation++;
    const c = this.#conn;
    this.#conn = null;
    if (c) {
      try {
        c.close();
      } catch {
        // Already closed; nothing to do.
      }
    }
  }

  #attempt(): void {
    const gen = ++this.#generation;
    this.#welcomed = false;
    let helloSentAt = 0;
    let opened = false;
    let conn: ClientConnection | null = null;
    const sendHello = (): void => {
      if (gen !== this.#generation || !conn) return;
      helloSentAt = this.#options.now();
      const hello: HelloFrame = { v: PROTOCOL_VERSION, t: 'hello', ...this.#options.hello() };
      try {
        conn.send(encodeClientFrame(hello));
      } catch {
        this.#onClose(gen, new NatterError(ErrorCode.DISCONNECTED, 'could not send hello'));
      }
    };
    try {
      conn = this.#options.transport.connect({
        open: () => {
          opened = true;
          if (conn) sendHello();
        },
        frame: (data) => this.#onFrame(gen, data, helloSentAt),
        close: (info) =>
          this.#onClose(
            gen,
            new NatterError(ErrorCode.DISCONNECTED, info.reason || `connection closed (${info.code})`),
          ),
      });
    } catch (err) {
      // A transport that cannot even start (no WebSocket on Node 20, a malformed URL) will not
      // start on a retry either: fail connect() with its reason instead of retrying forever.
      const e =
        err instanceof NatterError
          ? err
          : new NatterError(
              ErrorCode.WEBIM_CONNCTION_OPEN_ERROR,
              err instanceof Error ? err.message : 'connection could not be opened',
            );
      this.#lost(e, true);
      return;
    }
    if (gen !== this.#generation) {
      // Closed synchronously inside connect().
      return;
    }
    this.#conn = conn;
    // Transports that open synchronously called `open` before `conn` was known.
    if (opened) sendHello();
  }

  #onFrame(gen: number, data: string, helloSentAt: number): void {
    if (gen !== this.#generation) return;
    this.#awaitingAnswer = false;
    const frame = decodeServerFrame(data);
    if (!frame) {
      this.#options.handlers.error(new NatterError(ErrorCode.MALFORMED_FRAME, 'malformed frame from server'));
      return;
    }
    if (frame.t === 'bye') {
      const err = new NatterError(frame.code, frame.message);
      this.#options.handlers.error(err);
      this.#abandonConnection();
      this.#lost(err, !BYE_RECONNECT_CODES.has(frame.code));
      return;
    }
    if (!this.#welcomed) {
      if (frame.t === 'welcome') {
        this.#welcomed = true;
        this.#backoff?.reset();
        this.#startHeartbeat(gen);
        this.#setState('open');
        this.#options.handlers.welcome(frame, helloSentAt);
        const ws = this.#waiters;
        this.#waiters = [];
        for (const w of ws) w.resolve();
        return;
      }
      if (frame.t === 'err') {
        const err = new NatterError(frame.code, frame.message, frame.retryAfter);
        this.#options.handlers.error(err);
        this.#abandonConnection();
        this.#lost(err, FATAL_CODES.has(frame.code));
      }
      return;
    }
    this.#options.handlers.frame(frame);
  }

  #onClose(gen: number, err: NatterError): void {
    if (gen !== this.#generation) return;
    this.#conn = null;
    this.#generation++;
    this.#lost(err, false);
  }

  /** Common path for every loss: tell the client, then reconnect or stop. */
  #lost(err: NatterError, fatal: boolean): void {
    this.#stopHeartbeat();
    const wasWelcomed = this.#welcomed;
    this.#welcomed = false;
    if (wasWelcomed) this.#options.handlers.down();
    if (this.#current === 'closed') return;
    const delay = fatal || !this.#backoff ? null : this.#backoff.next();
    if (delay === null) {
      this.#setState('closed', err);
      this.#rejectWaiters(err);
      return;
    }
    this.#setState('reconnecting', err);
    cancel(this.#retryTimer);
    this.#retryTimer = later(delay, () => {
      this.#retryTimer = null;
      if (this.#current === 'reconnecting') this.#attempt();
    });
  }

  /**
   * A half-open connection (a laptop waking up, a NAT forgetting us) shows no error; only silence.
   * Ping every interval; if nothing at all came back since the previous ping, treat it as lost.
   */
  #startHeartbeat(gen: number): void {
    this.#stopHeartbeat();
    const interval = this.#options.heartbeatMs;
    if (!(interval > 0)) return;
    const tick = (): void => {
      if (gen !== this.#generation || !this.#welcomed) return;
      if (this.#awaitingAnswer) {
        this.#abandonConnection();
        this.#lost(new NatterError(ErrorCode.DISCONNECTED, 'no answer to ping'), false);
        return;
      }
      this.#awaitingAnswer = true;
      this.write({ v: PROTOCOL_VERSION, t: 'ping' });
      this.#heartbeatTimer = later(interval, tick);
    };
    this.#awaitingAnswer = false;
    this.#heartbeatTimer = later(interval, tick);
  }

  #stopHeartbeat(): void {
    cancel(this.#heartbeatTimer);
    this.#heartbeatTimer = null;
    this.#awaitingAnswer = false;
  }

  #rejectWaiters(err: NatterError): void {
    const ws = this.#waiters;
    this.#waiters = [];
    for (const w of ws) w.reject(err);
  }

  #setState(state: ConnectionState, error?: NatterError): void {
    if (state === this.#current && state !== 'reconnecting') return;
    this.#current = state;
    this.#options.handlers.state(state, error);
  }
}
