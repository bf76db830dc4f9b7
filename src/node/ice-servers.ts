// Owns the ICE servers `natter serve` hands to a device joining a call:
// `--ice-servers` (comma-separated stun:/turn: URLs, or a JSON array of
// RTCIceServer entries with static credentials) and TURN REST-style
// short-lived credentials from a secret shared with the TURN server (coturn's
// `use-auth-secret`): username `<expiry>:<user>`, password
// base64(HMAC-SHA1(secret, username)), valid for `ttl` seconds.
import { createHmac } from 'node:crypto';
import type { UserId } from '../protocol/message';
import type { IceServer } from '../protocol/rtc';

const URL_PATTERN = /^(stuns?|turns?):[^\s,]+$/;

/** Parses `--ice-servers`: a JSON array of RTCIceServer entries, or comma-separated stun:/turn: URLs. */
export function parseIceServers(value: string): IceServer[] {
  const text = value.trim();
  if (text.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error('--ice-servers: not valid JSON');
    }
    if (!Array.isArray(parsed)) throw new Error('--ice-servers: a JSON array is expected');
    return parsed.map((entry: unknown, i) => {
      const e = entry as { urls?: unknown; username?: unknown; credential?: unknown };
      const urls = typeof e.urls === 'string' ? [e.urls] : Array.isArray(e.urls) ? e.urls : [];
      if (urls.length === 0 || !urls.every((u): u is string => typeof u === 'string' && URL_PATTERN.test(u)))
        throw new Error(`--ice-servers: entry ${i} needs stun:/turn: urls`);
      return {
        urls,
        ...(typeof e.username === 'string' ? { username: e.username } : {}),
        ...(typeof e.credential === 'string' ? { credential: e.credential } : {}),
      };
    });
  }
  const urls = text
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  const bad = urls.find((u) => !URL_PATTERN.test(u));
  if (bad !== undefined || urls.length === 0) throw new Error(`--ice-servers: not a stun:/turn: URL: ${bad ?? value}`);
  const stun = urls.filter((u) => u.startsWith('stun'));
  const turn = urls.filter((u) => u.startsWith('turn'));
  return [...(stun.length ? [{ urls: stun }] : []), ...(turn.length ? [{ urls: turn }] : [])];
}

/** A TURN REST credential for `user`, valid until now + `ttlSeconds`. */
export function turnRestCredential(
  secret: string,
  user: UserId,
  ttlSeconds: number,
  nowMs: number = Date.now(),
): { username: string; credential: string } {
  const username = `${Math.floor(nowMs / 1000) + ttlSeconds}:${user}`;
  return { username, credential: createHmac('sha1', secret).update(username).digest('base64') };
}

export interface IceServerOptions {
  servers: IceServer[];
  /** Shared secret with the TURN server: TURN entries without credentials get short-lived ones per user. */
  turnSecret?: string;
  /** Lifetime of those credentials (default 3600 s). */
  turnTtlSeconds?: number;
  now?: () => number;
}

/** The core's `iceServers` option: fixed entries, TURN ones stamped with a fresh credential for each join. */
export function iceServersFor(options: IceServerOptions): IceServer[] | ((user: UserId) => IceServer[]) {
  const { servers, turnSecret } = options;
  if (!turnSecret) return servers;
  const ttl = options.turnTtlSeconds ?? 3600;
  const now = options.now ?? (() => Date.now());
  const isTurn = (s: IceServer) => (typeof s.urls === 'string' ? [s.urls] : s.urls).some((u) => u.startsWith('turn'));
  return (user) =>
    servers.map((s) =>
      isTurn(s) && s.credential === undefined ? { ...s, ...turnRestCredential(turnSecret, user, ttl, now()) } : s,
    );
}
