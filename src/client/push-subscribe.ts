// Owns the browser side of Web Push: asking the user's permission, subscribing
// the service worker's PushManager with the server's VAPID key (a subscription
// made for another key is replaced), registering it with the server for this
// device, renewing that registration on later visits without a prompt, and
// unsubscribing. The server side is the `push.*` operations (client-push.ts).
import { ErrorCode, NatterError } from '../protocol/errors';
import type { WebPushSubscription } from '../protocol/push';
import type { ChatClient } from './chat-client-types';

/** What a page can say about push before asking: `unsupported` without service workers, Push API or notifications. */
export type PushPermission = NotificationPermission | 'unsupported';

export function pushPermission(): PushPermission {
  if (
    typeof navigator === 'undefined' ||
    !('serviceWorker' in navigator) ||
    typeof PushManager === 'undefined' ||
    typeof Notification === 'undefined'
  )
    return 'unsupported';
  return Notification.permission;
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function sameKey(a: ArrayBuffer | null | undefined, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.length) return false;
  const x = new Uint8Array(a);
  return x.every((v, i) => v === b[i]);
}

function toWire(s: PushSubscription): WebPushSubscription {
  const json = s.toJSON();
  const p256dh = json.keys?.['p256dh'];
  const auth = json.keys?.['auth'];
  if (!json.endpoint || !p256dh || !auth)
    throw new NatterError(ErrorCode.INVALID_PARAMS, 'the browser gave a push subscription without keys');
  return { endpoint: json.endpoint, expirationTime: json.expirationTime ?? null, keys: { p256dh, auth } };
}

async function serverKey(client: ChatClient): Promise<Uint8Array<ArrayBuffer>> {
  const key = await client.pushPublicKey();
  if (key === null) throw new NatterError(ErrorCode.PUSH_NOT_CONFIGURED);
  return keyBytes(key);
}

/**
 * Asks the user for permission (call from a user action: browsers ignore prompts that are not),
 * subscribes `registration` with the server's key and registers it for this device. Resolves true
 * once registered, false when the user declined. Rejects with NatterError (4070 no push on the server).
 */
export async function subscribeToPush(client: ChatClient, registration: ServiceWorkerRegistration): Promise<boolean> {
  const key = await serverKey(client);
  if (pushPermission() === 'unsupported') throw new NatterError(ErrorCode.NOT_ALLOWED, 'this browser has no Web Push');
  if ((await Notification.requestPermission()) !== 'granted') return false;
  let sub = await registration.pushManager.getSubscription();
  if (sub && !sameKey(sub.options.applicationServerKey, key)) {
    await sub.unsubscribe();
    sub = null;
  }
  sub ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  await client.registerPush(toWire(sub));
  return true;
}

/**
 * On a later visit: when permission was granted and the worker still has a subscription for the
 * server's key, registers it again for this client's device (no prompt). Resolves whether it did.
 */
export async function renewPushSubscription(
  client: ChatClient,
  registration: ServiceWorkerRegistration,
): Promise<boolean> {
  if (pushPermission() !== 'granted') return false;
  const sub = await registration.pushManager.getSubscription();
  if (!sub) return false;
  const key = await client.pushPublicKey();
  if (key === null || !sameKey(sub.options.applicationServerKey, keyBytes(key))) return false;
  await client.registerPush(toWire(sub));
  return true;
}

/** Unsubscribes the browser and forgets this device's subscription on the server. */
export async function unsubscribeFromPush(client: ChatClient, registration: ServiceWorkerRegistration): Promise<void> {
  const sub = await registration.pushManager.getSubscription();
  await client.unregisterPush();
  await sub?.unsubscribe();
}
