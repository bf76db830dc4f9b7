// Owns the storage contract of Web Push subscriptions: one per (user, device),
// an endpoint held by at most one of them. `Storage` extends it, so every
// implementation (memory, SQLite, PostgreSQL) keeps them. Written in the
// synchronous form of StorageOps; `Storage` offers each as a Promise.
import type { UserId } from '../protocol/message';

/** One device's push subscription (the keys are the browser's, for RFC 8291 encryption). */
export interface PushSubscriptionRecord {
  user: UserId;
  device: string;
  endpoint: string;
  /** The subscription's P-256 public key, base64url. */
  p256dh: string;
  /** The subscription's auth secret, base64url. */
  auth: string;
  /** Server time it was stored. */
  createdAt: number;
}

export interface PushStorage {
  /**
   * Insert or replace by (user, device); a row of another (user, device) with the same endpoint is
   * removed (the browser moved it: a push service endpoint reaches one device).
   */
  putPushSubscription(record: PushSubscriptionRecord): void;
  /** The user's subscriptions, oldest first. */
  listPushSubscriptions(user: UserId): PushSubscriptionRecord[];
  /** Removes the (user, device) subscription, if any. */
  deletePushSubscription(user: UserId, device: string): void;
  /** Removes whichever subscription has this endpoint (the push service said it is gone). */
  deletePushEndpoint(endpoint: string): void;
}
