// Owns turning `natter serve` option strings into typed settings: integers,
// rates (`<perSecond>,<burst>` or off), quotas, word lists (inline or @file)
// the JWT settings and the Web Push (VAPID) settings, each with an error
// naming the option.
import { readFileSync } from 'node:fs';
import type { JwtAuthOptions } from './jwt-auth';
import type { WebPushOptions } from './push-sender';

export function intOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got ${value}`);
  return n;
}

/** `off`, or `<perSecond>,<burst>` (burst defaults to 4× the rate). */
export function parseRateLimit(value: string | undefined): { perSecond: number; burst: number } | false | undefined {
  if (value === undefined) return undefined;
  if (value === 'off' || value === '0') return false;
  const m = /^(\d+)(?:,(\d+))?$/.exec(value);
  if (!m) throw new Error(`--rate-limit must be off or <perSecond>[,<burst>], got ${value}`);
  const perSecond = Number(m[1]);
  return { perSecond, burst: m[2] !== undefined ? Number(m[2]) : perSecond * 4 };
}

/** `off`, or `<bytes>[/<ms>]` (the period defaults to a day). */
export function parseQuota(value: string | undefined): { bytes: number; perMs: number } | false | undefined {
  if (value === undefined) return undefined;
  if (value === 'off' || value === '0') return false;
  const m = /^(\d+)(?:\/(\d+))?$/.exec(value);
  if (!m || Number(m[2] ?? 1) === 0) throw new Error(`--upload-quota must be off or <bytes>[/<ms>], got ${value}`);
  return { bytes: Number(m[1]), perMs: m[2] !== undefined ? Number(m[2]) : 24 * 3600_000 };
}

/** A comma-separated list, or `@file` with one entry per line. */
export function wordList(value: string | undefined, name: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!value.startsWith('@')) return value.split(',');
  try {
    return readFileSync(value.slice(1), 'utf8').split(/\r?\n/);
  } catch (e) {
    throw new Error(`--${name}: cannot read ${value.slice(1)}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function commaList(value: string | undefined): string | string[] | undefined {
  if (value === undefined) return undefined;
  const parts = value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return parts.length === 1 ? parts[0] : parts;
}

export function jwtOptions(
  values: Record<string, string | boolean | undefined>,
  env: Record<string, string | undefined>,
): JwtAuthOptions | undefined {
  const str = (k: string): string | undefined => (typeof values[k] === 'string' ? values[k] : undefined);
  const secret = str('jwt-secret') ?? env['NATTER_JWT_SECRET'];
  const jwks = str('jwt-jwks');
  if (secret === undefined && jwks === undefined) {
    for (const k of ['jwt-issuer', 'jwt-audience', 'jwt-clock-skew', 'jwt-user-claim', 'jwt-algorithms']) {
      if (str(k) !== undefined) throw new Error(`--${k} needs --jwt-secret or --jwt-jwks`);
    }
    return undefined;
  }
  const issuer = commaList(str('jwt-issuer'));
  const audience = commaList(str('jwt-audience'));
  const skew = intOption(str('jwt-clock-skew'), 'jwt-clock-skew');
  const claim = str('jwt-user-claim');
  const algorithms = str('jwt-algorithms')
    ?.split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  return {
    ...(secret !== undefined ? { secret } : {}),
    ...(jwks !== undefined ? { jwks } : {}),
    ...(issuer !== undefined ? { issuer } : {}),
    ...(audience !== undefined ? { audience } : {}),
    ...(skew !== undefined ? { clockToleranceSec: skew } : {}),
    ...(claim !== undefined ? { userClaim: claim } : {}),
    ...(algorithms !== undefined ? { algorithms } : {}),
  };
}

/** Web Push settings: both keys (flags or $NATTER_VAPID_*) and a subject, or none of them. */
export function webPushOptions(
  values: Record<string, string | boolean | undefined>,
  env: Record<string, string | undefined>,
): WebPushOptions | undefined {
  const str = (k: string): string | undefined => (typeof values[k] === 'string' ? values[k] : undefined);
  const publicKey = str('vapid-public-key') ?? env['NATTER_VAPID_PUBLIC_KEY'];
  const privateKey = str('vapid-private-key') ?? env['NATTER_VAPID_PRIVATE_KEY'];
  const subject = str('vapid-subject');
  if (publicKey === undefined && privateKey === undefined) {
    for (const k of ['vapid-subject', 'push-text', 'push-allow-loopback-http']) {
      if (values[k] !== undefined) throw new Error(`--${k} needs --vapid-public-key and --vapid-private-key`);
    }
    return undefined;
  }
  if (publicKey === undefined || privateKey === undefined)
    throw new Error('Web Push needs both --vapid-public-key and --vapid-private-key (see `natter vapid-keys`)');
  if (subject === undefined)
    throw new Error('Web Push needs --vapid-subject (mailto:you@example.com or an https: URL)');
  return {
    publicKey,
    privateKey,
    subject,
    ...(values['push-text'] === true ? { includeText: true } : {}),
    ...(values['push-allow-loopback-http'] === true ? { allowLoopbackHttp: true } : {}),
  };
}
