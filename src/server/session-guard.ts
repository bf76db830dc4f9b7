// Owns what one connection may cost the server: a deadline for `hello`, the
// request rate (charged to the user across all of their connections once
// known, to the connection before), malformed frames charged like requests
// (a connection that keeps sending them past its rate is closed), and the
// token's lifetime (a renewal notice ahead of expiry, the end at expiry).
import { ErrorCode } from '../protocol/errors';
import { errorMessageOf } from '../protocol/error-messages';
import type { UserId } from '../protocol/message';
import type { TimerHandle } from './clock';
import type { CoreContext } from './context';
import { DEFAULT_RATE_LIMIT, type RateLimitOptions } from './rate-limiter';

/** Default time a connection has to send `hello`. */
const DEFAULT_HELLO_TIMEOUT_MS = 10_000;
/** Default time before a token's expiry at which the client is asked to renew. */
const DEFAULT_RENEW_AHEAD_MS = 60_000;
/** Timers longer than this fire at once in Node and browsers (32-bit ms): longer waits are re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface GuardedSession {
  /** Ends the session with a bye of `code`. */
  end(code: number, message: string): void;
  /** Tells the client its token expires at `expiresAt` (ms since epoch) and should be renewed. */
  askRenewal(expiresAt: number): void;
}

let nextConnection = 1;

export class SessionGuard {
  private key = `conn:${nextConnection++}`;
  private helloTimer: TimerHandle | null = null;
  private renewTimer: TimerHandle | null = null;
  private expiryTimer: TimerHandle | null = null;
  private readonly rule: RateLimitOptions | false;

  constructor(
    private readonly ctx: CoreContext,
    private readonly session: GuardedSession,
  ) {
    this.rule = ctx.options.rateLimit ?? DEFAULT_RATE_LIMIT;
    const helloMs = ctx.options.helloTimeoutMs ?? DEFAULT_HELLO_TIMEOUT_MS;
    if (helloMs > 0)
      this.helloTimer = ctx.clock.setTimeout(
        () => this.session.end(ErrorCode.HELLO_TIMEOUT, errorMessageOf(ErrorCode.HELLO_TIMEOUT)),
        helloMs,
      );
  }

  /** The connection said who it is: charge the user from now on and watch the token's expiry. */
  authenticated(user: UserId, expiresAt: number | undefined): void {
    this.clear('hello');
    this.key = `user:${user}`;
    this.watchExpiry(expiresAt);
  }

  /** A renewed token moves (or removes) the expiry. */
  watchExpiry(expiresAt: number | undefined): void {
    this.clear('expiry');
    if (expiresAt === undefined) return;
    const { clock } = this.ctx;
    const left = expiresAt - clock.now();
    if (left <= 0) {
      this.session.end(ErrorCode.TOKEN_EXPIRED, errorMessageOf(ErrorCode.TOKEN_EXPIRED));
      return;
    }
    const ahead = this.ctx.options.tokenRenewAheadMs ?? DEFAULT_RENEW_AHEAD_MS;
    // A token shorter-lived than the notice period is asked for renewal half-way through.
    const notifyIn = Math.max(0, left > ahead ? left - ahead : left / 2);
    if (notifyIn > MAX_TIMER_MS) {
      this.renewTimer = clock.setTimeout(() => this.watchExpiry(expiresAt), MAX_TIMER_MS);
      return;
    }
    this.renewTimer = clock.setTimeout(() => this.session.askRenewal(expiresAt), notifyIn);
    this.expiryTimer = clock.setTimeout(
      () => this.session.end(ErrorCode.TOKEN_EXPIRED, 'token expired; renew it and connect again'),
      left,
    );
  }

  /** Charges one request: 0 when it may run, else ms to wait (possibly answered by a shared store). */
  take(): number | Promise<number> {
    if (!this.rule) return 0;
    return this.ctx.rateLimits.take(this.key, this.rule);
  }

  /**
   * Charges one malformed frame like a request. True when the connection should be closed: it is
   * over its rate and still sending frames the server cannot even read.
   */
  malformed(): boolean | Promise<boolean> {
    const wait = this.take();
    return typeof wait === 'number' ? wait > 0 : wait.then((w) => w > 0);
  }

  stop(): void {
    this.clear('hello');
    this.clear('expiry');
  }

  private clear(which: 'hello' | 'expiry'): void {
    const { clock } = this.ctx;
    if (which === 'hello') {
      if (this.helloTimer !== null) clock.clearTimeout(this.helloTimer);
      this.helloTimer = null;
      return;
    }
    if (this.renewTimer !== null) clock.clearTimeout(this.renewTimer);
    if (this.expiryTimer !== null) clock.clearTimeout(this.expiryTimer);
    this.renewTimer = null;
    this.expiryTimer = null;
  }
}
