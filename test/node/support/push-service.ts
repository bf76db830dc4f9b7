// Test support: a Web Push service run by the test on 127.0.0.1. It hands out
// subscriptions as a browser would (a P-256 key pair and an auth secret per
// subscription, an endpoint URL on this server), and for every push it
// receives it checks the VAPID JWT (RFC 8292: ES256, audience = this origin,
// expiry within 24 h, the server's public key in `k=`) and decrypts the
// aes128gcm body with the subscription's private key (RFC 8291 / RFC 8188).
// A subscription can be told to answer 410 Gone.
import { createDecipheriv, createECDH, hkdfSync, randomBytes, type ECDH } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importJWK, jwtVerify } from 'jose';
import type { WebPushSubscription } from '../../../src/protocol/push';

export interface ReceivedPush {
  /** The subscription's name (the endpoint's last path segment). */
  name: string;
  /** The decrypted payload. */
  text: string;
  /** The verified JWT's claims. */
  claims: { aud?: unknown; sub?: unknown; exp?: unknown };
  /** The VAPID public key the request named (`k=`). */
  vapidKey: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface PushService {
  origin: string;
  received: ReceivedPush[];
  /** Requests that failed verification or decryption (a test expects none). */
  rejected: string[];
  /** A new subscription named `name`, as PushSubscription.toJSON() gives it. */
  subscribe(name: string, options?: { gone?: boolean }): WebPushSubscription;
  close(): Promise<void>;
}

const b64url = (b: Buffer): string => b.toString('base64url');

function decrypt(body: Buffer, ua: ECDH, authSecret: Buffer): string {
  // Header: salt(16) | record size(4) | idlen(1) | keyid = the sender's ephemeral public key.
  const salt = body.subarray(0, 16);
  const idlen = body.readUInt8(20);
  const asPublic = body.subarray(21, 21 + idlen);
  const record = body.subarray(21 + idlen);
  const uaPublic = ua.getPublicKey();
  const ecdhSecret = ua.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then zero padding.
  const end = plain.lastIndexOf(2);
  if (end < 0 || plain.subarray(end + 1).some((b) => b !== 0)) throw new Error('bad padding');
  return plain.subarray(0, end).toString('utf8');
}

async function verifyVapid(
  authorization: string,
  origin: string,
): Promise<{ claims: ReceivedPush['claims']; k: string }> {
  const m = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization);
  if (!m) throw new Error(`not a VAPID Authorization header: ${authorization}`);
  const [, token, k] = m as unknown as [string, string, string];
  const raw = Buffer.from(k, 'base64url');
  if (raw.length !== 65 || raw[0] !== 4) throw new Error('k is not an uncompressed P-256 point');
  const key = await importJWK(
    { kty: 'EC', crv: 'P-256', x: b64url(raw.subarray(1, 33)), y: b64url(raw.subarray(33)) },
    'ES256',
  );
  const { payload, protectedHeader } = await jwtVerify(token, key, { audience: origin, algorithms: ['ES256'] });
  if (protectedHeader.typ !== 'JWT') throw new Error('JWT typ');
  const exp = payload.exp ?? 0;
  if (exp * 1000 > Date.now() + 24 * 3600_000 + 60_000) throw new Error('VAPID JWT expires more than 24 h ahead');
  return { claims: payload, k };
}

export async function startPushService(): Promise<PushService> {
  const subs = new Map<string, { ua: ECDH; auth: Buffer; gone: boolean }>();
  const received: ReceivedPush[] = [];
  const rejected: string[] = [];
  let origin = '';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const name = (req.url ?? '').split('/').pop() ?? '';
        const sub = subs.get(name);
        if (req.method !== 'POST' || !sub) return void res.writeHead(404).end();
        try {
          if (req.headers['content-encoding'] !== 'aes128gcm') throw new Error('content-encoding');
          if (!req.headers['ttl']) throw new Error('no TTL');
          const { claims, k } = await verifyVapid(req.headers.authorization ?? '', origin);
          const text = decrypt(Buffer.concat(chunks), sub.ua, sub.auth);
          received.push({ name, text, claims, vapidKey: k, headers: req.headers });
          res.writeHead(sub.gone ? 410 : 201).end();
        } catch (e) {
          rejected.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
          res.writeHead(400).end();
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    rejected,
    subscribe(name, options = {}) {
      const ua = createECDH('prime256v1');
      ua.generateKeys();
      const auth = randomBytes(16);
      subs.set(name, { ua, auth, gone: options.gone === true });
      return {
        endpoint: `${origin}/push/${name}`,
        expirationTime: null,
        keys: { p256dh: b64url(ua.getPublicKey()), auth: b64url(auth) },
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
