// Owns accepting JWTs from an existing identity provider (Auth0, Clerk,
// Supabase, an app's own backend) through `jose`: HS256/384/512 with a shared
// secret, RS/PS/ES/EdDSA with keys from a JWKS file or URL; issuer, audience,
// clock skew and which claim names the user. Unsigned (`alg: none`) tokens,
// algorithms outside the allow-list and tokens without `exp` are refused.
// `jose` is loaded with the first token: a server that takes no JWT never
// pays for it at start-up.
import { readFileSync } from 'node:fs';
import type { JSONWebKeySet, JWTVerifyGetKey } from 'jose';
import { ErrorCode, NatterError } from '../protocol/errors';
import { isValidId } from '../protocol/ids';
import type { UserId } from '../protocol/message';

export interface JwtAuthOptions {
  /** Shared secret for HS256/HS384/HS512 (at least 32 bytes). */
  secret?: string;
  /** JWKS for asymmetric algorithms: an http(s) URL (fetched and cached by jose) or a file path. */
  jwks?: string;
  /** Accepted `iss` value(s); unchecked when absent. */
  issuer?: string | string[];
  /** Accepted `aud` value(s); unchecked when absent. */
  audience?: string | string[];
  /** Seconds of clock skew tolerated on `exp`/`nbf`/`iat` (default 30). */
  clockToleranceSec?: number;
  /** Claim holding the user id (default `sub`); it must be a valid natter id. */
  userClaim?: string;
  /** Allowed algorithms (default: HS256 with a secret; RS256, ES256, EdDSA with a JWKS). */
  algorithms?: string[];
}

export interface VerifiedIdentity {
  user: UserId;
  /** ms since epoch. */
  expiresAt: number;
}

/** Shortest HMAC secret accepted: RFC 7518 §3.2 asks for a key at least as long as the hash (256 bits). */
export const MIN_SECRET_BYTES = 32;

const SYMMETRIC = /^HS(256|384|512)$/;

function defaultAlgorithms(options: JwtAuthOptions): string[] {
  const algs: string[] = [];
  if (options.secret !== undefined) algs.push('HS256');
  if (options.jwks !== undefined) algs.push('RS256', 'ES256', 'EdDSA');
  return algs;
}

type Jose = typeof import('jose');
let jose: Promise<Jose> | null = null;
const loadJose = (): Promise<Jose> => (jose ??= import('jose'));

/** Where the JWKS comes from: a URL (fetched by jose), or the key set a file holds (read and checked now). */
function jwksSourceOf(source: string): URL | JSONWebKeySet {
  if (/^https?:\/\//i.test(source)) return new URL(source);
  let set: JSONWebKeySet;
  try {
    set = JSON.parse(readFileSync(source, 'utf8')) as JSONWebKeySet;
  } catch (e) {
    throw new Error(`JWKS file ${source} could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  // What jose's createLocalJWKSet checks, here at start-up rather than with the first token.
  if (!Array.isArray(set?.keys) || !set.keys.every((k) => typeof k === 'object' && k !== null && !Array.isArray(k)))
    throw new Error(`JWKS file ${source} has no "keys" array`);
  return set;
}

/** True when `token` has the shape of a JWS compact JWT (three dot-separated parts). */
export function looksLikeJwt(token: string): boolean {
  return token.split('.').length === 3;
}

/** Builds a verifier; throws at start-up (not per token) on a short secret or an unreadable JWKS file. */
export function createJwtVerifier(options: JwtAuthOptions): (token: string) => Promise<VerifiedIdentity> {
  if (options.secret === undefined && options.jwks === undefined) throw new Error('JWT auth needs a secret or a JWKS');
  const secret = options.secret !== undefined ? new TextEncoder().encode(options.secret) : null;
  if (secret && secret.length < MIN_SECRET_BYTES)
    throw new Error(`the JWT secret must be at least ${MIN_SECRET_BYTES} bytes`);
  const jwksSource = options.jwks !== undefined ? jwksSourceOf(options.jwks) : null;
  let jwks: JWTVerifyGetKey | null = null;
  const algorithms = options.algorithms ?? defaultAlgorithms(options);
  if (algorithms.some((a) => a.toLowerCase() === 'none')) throw new Error('alg "none" cannot be allowed');
  const userClaim = options.userClaim ?? 'sub';
  const key: JWTVerifyGetKey = (header, token) => {
    if (SYMMETRIC.test(header.alg ?? '')) {
      if (!secret) throw new NatterError(ErrorCode.TOKEN_INVALID, 'symmetric JWTs are not accepted here');
      return secret;
    }
    if (!jwks) throw new NatterError(ErrorCode.TOKEN_INVALID, 'asymmetric JWTs are not accepted here');
    return jwks(header, token);
  };
  return async (token) => {
    const { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify } = await loadJose();
    if (jwksSource && !jwks)
      jwks = jwksSource instanceof URL ? createRemoteJWKSet(jwksSource) : createLocalJWKSet(jwksSource);
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, key, {
        algorithms,
        ...(options.issuer !== undefined ? { issuer: options.issuer } : {}),
        ...(options.audience !== undefined ? { audience: options.audience } : {}),
        clockTolerance: options.clockToleranceSec ?? 30,
        requiredClaims: ['exp'],
      }));
    } catch (e) {
      if (e instanceof errors.JWTExpired) throw new NatterError(ErrorCode.TOKEN_EXPIRED);
      if (e instanceof NatterError) throw e;
      const why = e instanceof errors.JOSEError ? e.code : 'unreadable';
      throw new NatterError(ErrorCode.TOKEN_INVALID, `token invalid (${why})`);
    }
    const user = payload[userClaim];
    if (typeof user !== 'string' || !isValidId(user))
      throw new NatterError(ErrorCode.TOKEN_INVALID, `claim ${userClaim} is not a valid user id`);
    // Skew tolerated at expiry is also granted to the session before it is ended.
    const expiresAt = ((payload['exp'] as number) + (options.clockToleranceSec ?? 30)) * 1000;
    return { user, expiresAt };
  };
}
