// Owns natter's signed tokens: HMAC-SHA256 over `{ user, exp }`, minted by an
// app backend (or `natter token`) and checked by the Node host on `hello` and
// on HTTP uploads; and the authenticator the host uses, which also accepts
// standard JWTs (jwt-auth.ts) and, in dev mode, trusts `hello.user`.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { errorMessageOf } from '../protocol/error-messages';
import { ErrorCode, NatterError } from '../protocol/errors';
import { isValidId } from '../protocol/ids';
import type { HelloFrame } from '../protocol/frames';
import type { UserId } from '../protocol/message';
import type { AuthResult } from '../server/server-options';
import { createJwtVerifier, looksLikeJwt, type JwtAuthOptions } from './jwt-auth';

export interface TokenOptions {
  secret: string;
  /** Lifetime in seconds (default one hour). */
  ttlSeconds?: number;
  /** Clock in ms since epoch, for tests; defaults to Date.now(). */
  now?: number;
}

export interface TokenClaims {
  user: UserId;
  /** Expiry, seconds since epoch (as JWT's `exp`). */
  exp: number;
}

const b64url = (buf: Buffer): string => buf.toString('base64url');

function sign(payload: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

function requireSecret(secret: string): void {
  if (typeof secret !== 'string' || secret.length === 0)
    throw new Error('natter token: a non-empty secret is required');
}

/** Mint a token for `user`, valid for `ttlSeconds` (default 3600). */
export function createToken(user: UserId, options: TokenOptions): string {
  requireSecret(options.secret);
  if (!isValidId(user)) throw new NatterError(ErrorCode.INVALID_PARAMS, `invalid user id: ${String(user)}`);
  const now = options.now ?? Date.now();
  const claims: TokenClaims = { user, exp: Math.floor(now / 1000) + (options.ttlSeconds ?? 3600) };
  const payload = b64url(Buffer.from(JSON.stringify(claims)));
  return `${payload}.${b64url(sign(payload, options.secret))}`;
}

/** Check a token's signature and expiry: the user, or NatterError 4012 (invalid) / 4011 (expired). */
export function verifyToken(token: string, options: { secret: string; now?: number }): UserId {
  return verifyTokenClaims(token, options).user;
}

/** Like verifyToken, with the expiry too. */
export function verifyTokenClaims(token: string, options: { secret: string; now?: number }): TokenClaims {
  requireSecret(options.secret);
  // The message is given: a Node caller of this function may not have started a server (which
  // installs the default messages).
  const invalid = (): NatterError => new NatterError(ErrorCode.TOKEN_INVALID, errorMessageOf(ErrorCode.TOKEN_INVALID));
  if (typeof token !== 'string') throw invalid();
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.')) throw invalid();
  const payload = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = sign(payload, options.secret);
  // Compare in constant time; a length mismatch is already a forgery.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const { user, exp } = (claims ?? {}) as Partial<TokenClaims>;
  if (!isValidId(user) || typeof exp !== 'number' || !Number.isFinite(exp)) throw invalid();
  const now = options.now ?? Date.now();
  if (now >= exp * 1000) throw new NatterError(ErrorCode.TOKEN_EXPIRED, errorMessageOf(ErrorCode.TOKEN_EXPIRED));
  return { user, exp };
}

export interface AuthOptions {
  /** HMAC secret; required unless `dev` is on. */
  secret?: string;
  /** Dev mode: accept `hello.user` (and `X-Natter-User`) without a token. Tokens still work. */
  dev?: boolean;
  /** Also accept standard JWTs (three-part tokens) from an identity provider. */
  jwt?: JwtAuthOptions;
  now?: () => number;
}

/** Who presented the credentials, and until when (ms since epoch; absent for dev-mode users). */
export interface Identity {
  user: UserId;
  expiresAt?: number;
}

/** The credentials a connection or HTTP request presents. */
export interface Credentials {
  token?: string;
  user?: string;
}

/** Resolve credentials to a user: a valid token wins; in dev mode a bare user id is accepted. */
export function createAuthenticator(options: AuthOptions): (creds: Credentials) => Promise<Identity> {
  if (!options.dev && !options.jwt) requireSecret(options.secret ?? '');
  const jwt = options.jwt ? createJwtVerifier(options.jwt) : null;
  return async (creds) => {
    if (creds.token) {
      if (jwt && looksLikeJwt(creds.token)) return jwt(creds.token);
      if (!options.secret)
        throw new NatterError(
          ErrorCode.TOKEN_INVALID,
          options.jwt ? 'only JWTs are accepted here' : 'this server has no token secret (dev mode)',
        );
      const claims = verifyTokenClaims(creds.token, {
        secret: options.secret,
        ...(options.now ? { now: options.now() } : {}),
      });
      return { user: claims.user, expiresAt: claims.exp * 1000 };
    }
    if (options.dev && creds.user !== undefined) {
      if (!isValidId(creds.user))
        throw new NatterError(ErrorCode.NOT_AUTHENTICATED, `invalid user id: ${String(creds.user)}`);
      return { user: creds.user };
    }
    throw new NatterError(
      ErrorCode.NOT_AUTHENTICATED,
      options.dev ? 'send a token or a user id' : 'a token is required',
    );
  };
}

/** The server core's `authenticate(hello)` hook, for tokens (and dev users when `dev`): a user or a refusal code. */
export function createHelloAuthenticator(options: AuthOptions): (hello: HelloFrame) => Promise<AuthResult> {
  const auth = createAuthenticator(options);
  return async (hello) => {
    try {
      return await auth(hello);
    } catch (e) {
      if (e instanceof NatterError) return { code: e.code, message: e.message };
      throw e;
    }
  };
}
