// Owns the in-memory part of PushStorage that MemoryStorage delegates to:
// subscriptions in insertion order, writes recorded for rollback.
import type { UserId } from '../protocol/message';
import type { PushStorage, PushSubscriptionRecord } from './push-storage';

export class MemoryPushStorage implements PushStorage {
  private rows: PushSubscriptionRecord[] = [];

  /** @param record remembers how to undo one write (MemoryStorage's transaction log). */
  constructor(private readonly record: (undo: () => void) => void) {}

  private replace(next: PushSubscriptionRecord[]): void {
    const before = this.rows;
    this.rows = next;
    this.record(() => (this.rows = before));
  }

  putPushSubscription(record: PushSubscriptionRecord): void {
    const mine = (r: PushSubscriptionRecord): boolean => r.user === record.user && r.device === record.device;
    const others = this.rows.filter((r) => !mine(r) && r.endpoint !== record.endpoint);
    this.replace([...others, { ...record }]);
  }

  listPushSubscriptions(user: UserId): PushSubscriptionRecord[] {
    return this.rows.filter((r) => r.user === user).map((r) => ({ ...r }));
  }

  deletePushSubscription(user: UserId, device: string): void {
    if (this.rows.some((r) => r.user === user && r.device === device))
      this.replace(this.rows.filter((r) => !(r.user === user && r.device === device)));
  }

  deletePushEndpoint(endpoint: string): void {
    if (this.rows.some((r) => r.endpoint === endpoint)) this.replace(this.rows.filter((r) => r.endpoint !== endpoint));
  }
}
