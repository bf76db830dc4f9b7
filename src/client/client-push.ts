// Owns the ChatClient methods of Web Push: the server's VAPID public key, and
// registering or forgetting this device's browser push subscription on the
// server (the browser side, permission and PushManager, is push-subscribe.ts).
import type { WebPushSubscription } from '../protocol/push';
import type { RequestFn } from './request-fn';
import { definedFields } from '../protocol/defined-fields';

/** The Web Push methods of ChatClient. */
export interface PushApi {
  /** The server's VAPID public key (base64url) for `PushManager.subscribe`, or null when it sends no Web Push. */
  pushPublicKey(): Promise<string | null>;
  /**
   * Stores this device's push subscription on the server (`PushSubscription.toJSON()`): while this
   * user has no live session, new messages and invitations reach it as pushes. Rejects with 4070
   * (no Web Push on the server), 4071 (endpoint refused) or 4002 (malformed subscription).
   */
  registerPush(subscription: WebPushSubscription): Promise<void>;
  /** Forgets this device's push subscription on the server. */
  unregisterPush(): Promise<void>;
}

/** Keeps only what the server stores: a PushSubscriptionJSON may carry more. */
function plain(s: WebPushSubscription): WebPushSubscription {
  return {
    endpoint: s.endpoint,
    ...definedFields({ expirationTime: s.expirationTime }),
    keys: { p256dh: s.keys.p256dh, auth: s.keys.auth },
  };
}

export function createPushApi(request: RequestFn): PushApi {
  return {
    async pushPublicKey() {
      return (await request('push.config', {})).publicKey;
    },
    async registerPush(subscription) {
      await request('push.subscribe', { subscription: plain(subscription) });
    },
    async unregisterPush() {
      await request('push.unsubscribe', {});
    },
  };
}
