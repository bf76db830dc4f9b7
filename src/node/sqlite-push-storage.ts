// Owns the SQLite part of PushStorage that SqliteStorage delegates to: the
// push_subscriptions table of migration 8, keyed by (user, device), the
// endpoint unique.
import type Database from 'better-sqlite3';
import type { UserId } from '../protocol/message';
import type { PushStorage, PushSubscriptionRecord } from '../server/push-storage';

type Row = { user_id: string; device: string; endpoint: string; p256dh: string; auth: string; created_at: number };

const toRecord = (r: Row): PushSubscriptionRecord => ({
  user: r.user_id,
  device: r.device,
  endpoint: r.endpoint,
  p256dh: r.p256dh,
  auth: r.auth,
  createdAt: r.created_at,
});

export class SqlitePushStorage implements PushStorage {
  private readonly s;

  /** `transaction` is SqliteStorage's (joins the core's open transaction). */
  constructor(
    db: Database.Database,
    private readonly transaction: <T>(fn: () => T) => T,
  ) {
    this.s = {
      dropEndpoint: db.prepare<[string]>('DELETE FROM push_subscriptions WHERE endpoint = ?'),
      put: db.prepare<[string, string, string, string, string, number]>(
        `INSERT INTO push_subscriptions (user_id, device, endpoint, p256dh, auth, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (user_id, device) DO UPDATE SET endpoint = excluded.endpoint, p256dh = excluded.p256dh,
           auth = excluded.auth, created_at = excluded.created_at`,
      ),
      list: db.prepare<[string], Row>('SELECT * FROM push_subscriptions WHERE user_id = ? ORDER BY created_at, device'),
      drop: db.prepare<[string, string]>('DELETE FROM push_subscriptions WHERE user_id = ? AND device = ?'),
    };
  }

  putPushSubscription(r: PushSubscriptionRecord): void {
    // The endpoint moves to this device whole: the core also subscribes outside its transactions.
    this.transaction(() => {
      this.s.dropEndpoint.run(r.endpoint);
      this.s.put.run(r.user, r.device, r.endpoint, r.p256dh, r.auth, r.createdAt);
    });
  }

  listPushSubscriptions(user: UserId): PushSubscriptionRecord[] {
    return this.s.list.all(user).map(toRecord);
  }

  deletePushSubscription(user: UserId, device: string): void {
    this.s.drop.run(user, device);
  }

  deletePushEndpoint(endpoint: string): void {
    this.s.dropEndpoint.run(endpoint);
  }
}
