// Owns PgStorage's queries for Web Push subscriptions (PG migration 4): one
// row per (user, device), the endpoint unique; storing a subscription moves its
// endpoint away from any other device in the same statement pair.
import type { UserId } from '../protocol/message';
import type { PushSubscriptionRecord } from '../server/push-storage';
import type { PgRows } from './pg-people-storage';

type Row = { user_id: string; device: string; endpoint: string; p256dh: string; auth: string; created_at: string };

export async function pgPutPushSubscription(rows: PgRows, r: PushSubscriptionRecord): Promise<void> {
  await rows('DELETE FROM push_subscriptions WHERE endpoint = $1 AND (user_id, device) <> ($2, $3)', [
    r.endpoint,
    r.user,
    r.device,
  ]);
  await rows(
    `INSERT INTO push_subscriptions (user_id, device, endpoint, p256dh, auth, created_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (user_id, device) DO UPDATE SET endpoint = excluded.endpoint, p256dh = excluded.p256dh,
       auth = excluded.auth, created_at = excluded.created_at`,
    [r.user, r.device, r.endpoint, r.p256dh, r.auth, r.createdAt],
  );
}

export async function pgListPushSubscriptions(rows: PgRows, user: UserId): Promise<PushSubscriptionRecord[]> {
  const list = await rows<Row>(
    'SELECT user_id, device, endpoint, p256dh, auth, created_at FROM push_subscriptions WHERE user_id = $1 ORDER BY created_at, device',
    [user],
  );
  return list.map((r) => ({
    user: r.user_id,
    device: r.device,
    endpoint: r.endpoint,
    p256dh: r.p256dh,
    auth: r.auth,
    createdAt: Number(r.created_at),
  }));
}

export async function pgDeletePushSubscription(rows: PgRows, user: UserId, device: string): Promise<void> {
  await rows('DELETE FROM push_subscriptions WHERE user_id = $1 AND device = $2', [user, device]);
}

export async function pgDeletePushEndpoint(rows: PgRows, endpoint: string): Promise<void> {
  await rows('DELETE FROM push_subscriptions WHERE endpoint = $1', [endpoint]);
}
