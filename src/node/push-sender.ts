// Owns sending Web Push from the Node host: `web-push` encrypts the payload for
// the subscription (RFC 8291, aes128gcm) and signs the VAPID JWT (RFC 8292);
// the request itself goes out through fetch so that its time is bounded and a
// push service's 404/410 (the subscription is gone) is told apart from a
// failure. Endpoints must be https, except plain http on a loopback address
// when the host allows it (a push service run locally, tests). `web-push` is
// loaded on first use: a server that sends no push never pays for it at start-up.
import { createRequire } from 'node:module';
import type WebPush from 'web-push';
import type { PushSubscriptionRecord } from '../server/push-storage';
import type { WebPushSender } from '../server/server-options';

export interface WebPushOptions {
  /** VAPID public key, base64url (65-byte uncompressed P-256 point), as `natter vapid-keys` prints it. */
  publicKey: string;
  /** VAPID private key, base64url (32 bytes). */
  privateKey: string;
  /** Who runs this server, for push services to reach: a mailto: or https: URL. */
  subject: string;
  /** Message pushes carry the text of text messages. Default false: sender and kind only. */
  includeText?: boolean;
  /** How long a push service keeps a push for an unreachable device, in seconds. Default 86400. */
  ttlSeconds?: number;
  /** Accept plain-http endpoints on loopback addresses (a local push service, tests). Default false. */
  allowLoopbackHttp?: boolean;
  /** Time one push request may take. Default 10000 ms. */
  timeoutMs?: number;
}

let loaded: typeof WebPush | null = null;
const webpush = (): typeof WebPush => (loaded ??= createRequire(import.meta.url)('web-push') as typeof WebPush);

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/** A new VAPID key pair (base64url), for `--vapid-public-key` / `--vapid-private-key`. */
export function generateVapidKeys(): VapidKeys {
  return webpush().generateVAPIDKeys();
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function endpointAllowed(endpoint: string, allowLoopbackHttp: boolean): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && allowLoopbackHttp && isLoopback(url.hostname);
}

/** The core's Web Push sender (`ServerCoreOptions.webPush`); throws at once on malformed keys or subject. */
export function createWebPushSender(options: WebPushOptions): WebPushSender {
  const vapidDetails = { subject: options.subject, publicKey: options.publicKey, privateKey: options.privateKey };
  // web-push checks the subject and both keys here; a bad configuration fails at startup, not at the first push.
  try {
    webpush().getVapidHeaders(
      'https://push.example',
      options.subject,
      options.publicKey,
      options.privateKey,
      'aes128gcm',
    );
  } catch (e) {
    throw new Error(`Web Push settings: ${e instanceof Error ? e.message : String(e)}`);
  }
  const allowLoopbackHttp = options.allowLoopbackHttp === true;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const TTL = options.ttlSeconds ?? 86_400;

  async function send(s: PushSubscriptionRecord, payload: string): Promise<'sent' | 'gone'> {
    if (!endpointAllowed(s.endpoint, allowLoopbackHttp)) return 'gone';
    const details = webpush().generateRequestDetails(
      { endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } },
      payload,
      { vapidDetails, TTL, contentEncoding: 'aes128gcm', urgency: 'high' },
    );
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(details.headers)) {
      // fetch sets the body's length itself.
      if (name.toLowerCase() !== 'content-length') headers[name] = String(value);
    }
    const res = await fetch(details.endpoint, {
      method: 'POST',
      headers,
      body: new Uint8Array(details.body),
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.body?.cancel();
    if (res.status === 404 || res.status === 410) return 'gone';
    if (!res.ok) throw new Error(`push service ${new URL(s.endpoint).origin} answered ${res.status}`);
    return 'sent';
  }

  return {
    publicKey: options.publicKey,
    send,
    allowEndpoint: (endpoint) => endpointAllowed(endpoint, allowLoopbackHttp),
    ...(options.includeText !== undefined ? { includeText: options.includeText } : {}),
  };
}
