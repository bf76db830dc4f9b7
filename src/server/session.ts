// Owns one connection: frame size and validation errors (answered with an
// `err`, the session keeps serving), hello/authentication, welcome with
// resume (replay from the durable log, or reset when too old), rate limiting,
// and running requests one after another so answers keep their order. What a
// connection may cost (hello deadline, rates, token lifetime) is session-guard.ts.
import { ErrorCode, NatterError } from '../protocol/errors';
import { errorMessageOf } from '../protocol/error-messages';
import type { ErrFrame, HelloFrame, RequestFrame, ServerFrame } from '../protocol/frames';
import type { ServerPeer, ServerSession } from '../protocol/link';
import type { UserId } from '../protocol/message';
import { validateClientFrame } from '../protocol/validate';
import { PROTOCOL_VERSION } from '../protocol/version';
import type { CoreContext } from './context';
import { EncodedResult, okFrameJson } from './encoded-result';
import { EventStream } from './event-stream';
import { start } from './router';
import { SessionGuard } from './session-guard';
import type { AuthResult } from './server-options';
import type { LiveSession } from './sessions';
import { deviceGone } from './rtc-lifecycle';

const encoder = new TextEncoder();

/** The request id of a frame too large to parse, when it is near the start (as clients write it). */
function leadingId(data: string): string | undefined {
  const m = /^\s*\{[^{}[\]]{0,256}?"id"\s*:\s*"([^"\\]{1,128})"/.exec(data.slice(0, 512));
  return m?.[1];
}

function tooLarge(data: string, max: number): boolean {
  if (data.length > max) return true; // every UTF-16 unit is at least one byte
  if (data.length * 3 <= max) return false; // and at most three
  return encoder.encode(data).length > max;
}

export class Session implements ServerSession, LiveSession {
  user: UserId = '';
  device = '';
  private phase: 'new' | 'hello' | 'ready' | 'closed' = 'new';
  /** Requests start one after another ... */
  private queue: Promise<void> = Promise.resolve();
  /** ... and are answered in the same order. */
  private answers: Promise<void> = Promise.resolve();
  /** The last send's answer: a later request of another kind starts once it is settled (router `start`). */
  private lastSend: Promise<unknown> | null = null;
  private readonly guard: SessionGuard;
  /** Durable events in order, once each (set at hello). */
  private stream: EventStream | null = null;

  constructor(
    private readonly ctx: CoreContext,
    private readonly peer: ServerPeer,
  ) {
    this.guard = new SessionGuard(ctx, this);
  }

  receive(data: string): void {
    if (this.phase === 'closed') return;
    // Nothing a client sends may escape unanswered: a bug here answers 5000 and the session goes on.
    try {
      this.receiveFrame(data);
    } catch (e) {
      this.report(e);
      this.sendError(undefined, ErrorCode.INTERNAL);
    }
  }

  private receiveFrame(data: string): void {
    if (typeof data !== 'string' || tooLarge(data, this.ctx.limits.maxFrameBytes)) {
      this.refuse(
        typeof data === 'string' ? leadingId(data) : undefined,
        ErrorCode.TOO_LARGE,
        `frame larger than ${this.ctx.limits.maxFrameBytes} bytes`,
      );
      return;
    }
    const result = validateClientFrame(data, this.ctx.limits);
    if (!result.ok) {
      this.refuse(result.id, result.code, result.message);
      return;
    }
    const frame = result.frame;
    if (frame.t === 'ping') {
      this.send({ v: PROTOCOL_VERSION, t: 'pong' });
      return;
    }
    if (frame.t === 'hello') {
      this.enqueue(() => this.hello(frame));
      return;
    }
    const wait = this.guard.take();
    if (typeof wait === 'number') {
      if (wait > 0) this.sendError(frame.id, ErrorCode.RATE_LIMITED, undefined, wait);
      else this.enqueue(() => this.request(frame));
      return;
    }
    // A shared (remote) store answers later: the queue keeps requests in their order meanwhile.
    this.enqueue(async () => {
      const w = await wait.catch((e: unknown) => (this.report(e), 0));
      if (w > 0) this.answer(() => this.sendError(frame.id, ErrorCode.RATE_LIMITED, undefined, w));
      else return this.request(frame);
    });
  }

  /** Answers a frame that could not be served, charging it like a request; one past the rate closes the connection. */
  private refuse(id: string | undefined, code: number, message: string): void {
    this.sendError(id, code, message);
    const over = this.guard.malformed();
    const close = (yes: boolean): void => {
      if (yes) this.end(ErrorCode.TOO_MANY_MALFORMED, errorMessageOf(ErrorCode.TOO_MANY_MALFORMED));
    };
    if (typeof over === 'boolean') close(over);
    else over.then(close, (e: unknown) => this.report(e));
  }

  askRenewal(expiresAt: number): void {
    this.send({ v: PROTOCOL_VERSION, t: 'expiring', expiresAt });
  }

  renewed(expiresAt: number | undefined): void {
    this.guard.watchExpiry(expiresAt);
  }

  /** Answers go out in request order even when requests overlap (pipelined sends). */
  private answer(task: () => Promise<void> | void): void {
    this.answers = this.answers.then(task).catch((e: unknown) => this.report(e));
  }

  closed(): void {
    if (this.phase === 'closed') return;
    this.phase = 'closed';
    this.guard.stop();
    this.ctx.sessions.remove(this);
    if (this.user) deviceGone(this.ctx, this.user, this.device);
  }

  send(frame: ServerFrame): void {
    this.sendRaw(JSON.stringify(frame));
  }

  sendRaw(data: string): void {
    if (this.phase === 'closed') return;
    try {
      this.peer.send(data);
    } catch (e) {
      this.report(e);
    }
  }

  end(code: number, message: string): void {
    if (this.phase === 'closed') return;
    this.send({ v: PROTOCOL_VERSION, t: 'bye', code, message });
    this.closed();
    try {
      this.peer.close(code, message);
    } catch (e) {
      this.report(e);
    }
  }

  private enqueue(task: () => Promise<unknown> | void): void {
    this.queue = this.queue.then(task).then(
      () => undefined,
      (e: unknown) => this.report(e),
    );
  }

  private report(e: unknown): void {
    (this.ctx.options.onError ?? ((err: unknown) => console.error('natter server:', err)))(e);
  }

  private sendError(id: string | undefined, code: number, message?: string, retryAfter?: number): void {
    const frame: ErrFrame = { v: PROTOCOL_VERSION, t: 'err', code, message: message ?? errorMessageOf(code) };
    if (id !== undefined) frame.id = id;
    if (retryAfter !== undefined) frame.retryAfter = retryAfter;
    this.send(frame);
  }

  private async hello(frame: HelloFrame): Promise<void> {
    if (this.phase !== 'new') {
      this.sendError(undefined, ErrorCode.INVALID_PARAMS, 'hello was already received');
      return;
    }
    this.phase = 'hello';
    const { ctx } = this;
    let auth: AuthResult;
    try {
      auth = ctx.options.authenticate
        ? await ctx.options.authenticate(frame)
        : frame.user
          ? { user: frame.user }
          : { code: ErrorCode.NOT_AUTHENTICATED, message: 'hello.user is required' };
    } catch (e) {
      // A throwing authenticator refuses the login instead of leaving the session half-open.
      if (!(e instanceof NatterError)) this.report(e);
      auth = e instanceof NatterError ? { code: e.code, message: e.message } : { code: ErrorCode.NOT_AUTHENTICATED };
    }
    if ((this.phase as string) === 'closed') return;
    if ('code' in auth) {
      this.sendError(undefined, auth.code, auth.message);
      this.end(auth.code, auth.message ?? errorMessageOf(auth.code));
      return;
    }
    this.user = auth.user;
    this.guard.authenticated(auth.user, auth.expiresAt);
    if ((this.phase as string) === 'closed') return;
    this.device = frame.device ?? ctx.ids.device();
    ctx.sessions.findDevice(this.user, this.device)?.end(ErrorCode.ALREADY_EXISTS, 'the same device connected again');
    // Registered before the log is read: events committed from now on are held by the stream
    // (event-stream.ts) and sent after the replay, each once, in order.
    this.stream = new EventStream(
      (after, limit) => ctx.storage.readEvents(this.user, after, limit),
      () => ctx.storage.lastEventPosition(this.user),
      (data) => this.sendRaw(data),
      (e) => this.report(e),
    );
    // In a cluster the welcome waits until other nodes see the user online: a client that is
    // connected is shown online to everyone (and reached by onlineUserOnly invitations).
    const shown = ctx.sessions.add(this);
    let last: number;
    let first: number;
    try {
      await ctx.delivery.ready?.(this.user);
      await shown;
      last = await ctx.storage.lastEventPosition(this.user);
      first = await ctx.storage.firstEventPosition(this.user);
    } catch (e) {
      // The database (or the bus) is out of reach: the client is told so, with a code and when to
      // try again, instead of waiting for a welcome that never comes.
      if (!(e instanceof NatterError)) this.report(e);
      const code = e instanceof NatterError ? e.code : ErrorCode.INTERNAL;
      this.sendError(
        undefined,
        code,
        e instanceof NatterError ? e.message : undefined,
        e instanceof NatterError ? e.retryAfter : undefined,
      );
      this.end(code, errorMessageOf(code));
      return;
    }
    if ((this.phase as string) === 'closed') return;
    const resume = frame.resume;
    const resumed = resume !== undefined && resume <= last && resume >= first - 1;
    this.send({
      v: PROTOCOL_VERSION,
      t: 'welcome',
      user: this.user,
      device: this.device,
      pos: last,
      resumed,
      reset: resume !== undefined && !resumed,
      serverTime: ctx.clock.now(),
      limits: ctx.limits,
    });
    this.phase = 'ready';
    await this.stream.start(resumed ? resume : last, last);
  }

  /** A live event for this session's user (pos for durable events). */
  deliver(data: string, pos?: number): void {
    if (this.stream) this.stream.push(data, pos);
  }

  catchUp(): void {
    this.stream?.catchUp();
  }

  /** Starts a request; resolves when the next one may start (see router `start`). */
  private request(frame: RequestFrame): Promise<unknown> | void {
    if (this.phase !== 'ready') {
      this.answer(() => this.sendError(frame.id, ErrorCode.NOT_AUTHENTICATED, 'send hello first'));
      return;
    }
    const { started, result } = start(this.ctx, { user: this.user, device: this.device }, frame, this.lastSend);
    if (frame.op === 'send') this.lastSend = result;
    this.answer(async () => {
      try {
        const r = await result;
        if (r instanceof EncodedResult) this.sendRaw(okFrameJson(PROTOCOL_VERSION, frame.id, r.json));
        else this.send({ v: PROTOCOL_VERSION, t: 'ok', id: frame.id, r });
      } catch (e) {
        if (e instanceof NatterError) {
          this.sendError(frame.id, e.code, e.message, e.retryAfter);
        } else {
          this.report(e);
          this.sendError(frame.id, ErrorCode.INTERNAL);
        }
      }
    });
    // The next request waits for this one to start, never for its failure.
    return started.catch(() => undefined);
  }
}
