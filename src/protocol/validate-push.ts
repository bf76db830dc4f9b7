// Owns validation of the Web Push operations' parameters: the subscription's
// endpoint must be an absolute http(s) URL and its keys base64url of the sizes
// RFC 8291 uses (65-byte P-256 point, 16-byte auth secret); merged into
// validate.ts's table.
import * as v from 'valibot';
import type { PushOps } from './push';

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** base64url of exactly `bytes` bytes (padding tolerated). */
function base64url(bytes: number, what: string) {
  return v.pipe(
    v.string(),
    v.regex(BASE64URL, `${what} is not base64url`),
    v.check((s) => Math.floor((s.replace(/=+$/, '').length * 3) / 4) === bytes, `${what} must be ${bytes} bytes`),
  );
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

type PushSchemas = { [K in keyof PushOps]: v.GenericSchema<unknown, PushOps[K]['p']> };

export const pushParamSchemas: PushSchemas = {
  'push.config': v.object({}),
  'push.subscribe': v.object({
    subscription: v.object({
      endpoint: v.pipe(v.string(), v.maxLength(2048), v.check(isHttpUrl, 'endpoint must be an http(s) URL')),
      expirationTime: v.optional(v.nullable(v.number())),
      keys: v.object({ p256dh: base64url(65, 'keys.p256dh'), auth: base64url(16, 'keys.auth') }),
    }),
  }),
  'push.unsubscribe': v.object({}),
};
