// Owns the client's token over time: the token the next hello and uploads
// carry, the server's notice that it expires soon (`expiring` frame), the end
// of a session at expiry (bye 4011), and renewal — on the live connection
// (`auth.renew`, nothing is interrupted) or by logging in again after expiry.
// The outbox is the client's, not the connection's: unsent messages wait and
// go out once the renewed session is welcomed. Loaded as a chunk of its own on
// first need (lazy-token-renewal.ts): most sessions never see their token expire.
import { ErrorCode, NatterError } from '../protocol/errors';
import type { ConnectionState } from './connection-state';

export interface TokenRenewalDeps {
  /** Asked for a fresh token when the server says the current one expires (optional). */
  getToken?: () => string | Promise<string>;
  state(): ConnectionState;
  /** `auth.renew` on the live connection. */
  renewOnConnection(token: string): Promise<unknown>;
  /** Log in again (after the session ended at expiry). */
  connect(): Promise<void>;
  willExpire(expiresAt: number): void;
  expired(error: NatterError): void;
  error(error: NatterError): void;
}

/** Where the token lives: the client's first-screen handle, which the hello and uploads read. */
export interface TokenSlot {
  token: string | undefined;
}

export class TokenRenewal {
  /** True after the server ended the session because the token expired, until a renewal. */
  private endedByExpiry = false;
  private renewing: Promise<void> | null = null;

  constructor(
    private readonly slot: TokenSlot,
    private readonly deps: TokenRenewalDeps,
  ) {}

  /** The server's notice: the token expires at `expiresAt`. */
  expiring(expiresAt: number): void {
    this.deps.willExpire(expiresAt);
    this.renewFromProvider();
  }

  /** The connection closed; if it was for expiry, say so and renew from the provider if there is one. */
  closed(error: NatterError | undefined): void {
    if (error?.code !== ErrorCode.TOKEN_EXPIRED) return;
    this.endedByExpiry = true;
    this.deps.expired(error);
    this.renewFromProvider();
  }

  /** Use `token` from now on: on the live connection, or by logging in again if the last one expired. */
  renew(token: string): Promise<void> {
    this.slot.token = token;
    const run = async (): Promise<void> => {
      const state = this.deps.state();
      if (state === 'open') {
        await this.deps.renewOnConnection(token);
        return;
      }
      if (state === 'closed' && this.endedByExpiry) {
        this.endedByExpiry = false;
        await this.deps.connect();
      }
      // Connecting or reconnecting: the next hello carries the new token.
    };
    const p = run();
    const settled: Promise<void> = p.then(
      () => undefined,
      () => undefined,
    );
    this.renewing = settled;
    void settled.then(() => {
      if (this.renewing === settled) this.renewing = null;
    });
    return p;
  }

  private renewFromProvider(): void {
    const { getToken } = this.deps;
    if (!getToken || this.renewing) return;
    void (async () => {
      try {
        await this.renew(await getToken());
      } catch (e) {
        this.deps.error(
          e instanceof NatterError
            ? e
            : new NatterError(ErrorCode.TOKEN_INVALID, e instanceof Error ? e.message : 'token renewal failed'),
        );
      }
    })();
  }
}
