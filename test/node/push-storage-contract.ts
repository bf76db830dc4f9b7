// The PushStorage part of the Storage contract (push-storage.ts) as executable
// expectations, run against every storage: one subscription per (user,
// device), replaced in place, an endpoint held by one device at a time, and
// the two ways to delete (this device; a gone endpoint).
import { describe, expect, it } from 'vitest';
import type { PushSubscriptionRecord } from '../../src/server/push-storage';
import type { Storage } from '../../src/server/storage';

export function subscription(user: string, device: string, endpoint: string, createdAt = 1): PushSubscriptionRecord {
  return { user, device, endpoint, p256dh: `p-${endpoint}`, auth: `a-${endpoint}`, createdAt };
}

const endpoints = async (s: Storage, user: string): Promise<string[]> =>
  (await s.listPushSubscriptions(user)).map((r) => r.endpoint);

export function describePushStorageContract(name: string, make: () => Storage | Promise<Storage>): void {
  describe(`PushStorage contract: ${name}`, () => {
    it('keeps one subscription per device of a user, oldest first, and replaces it in place', async () => {
      const s = await make();
      await s.putPushSubscription(subscription('alice', 'phone', 'https://push.test/1', 1));
      await s.putPushSubscription(subscription('alice', 'laptop', 'https://push.test/2', 2));
      await s.putPushSubscription(subscription('bob', 'phone', 'https://push.test/3', 3));
      expect(await endpoints(s, 'alice')).toEqual(['https://push.test/1', 'https://push.test/2']);
      await s.putPushSubscription(subscription('alice', 'phone', 'https://push.test/4', 4));
      expect(await s.listPushSubscriptions('alice')).toEqual([
        subscription('alice', 'laptop', 'https://push.test/2', 2),
        subscription('alice', 'phone', 'https://push.test/4', 4),
      ]);
      expect(await endpoints(s, 'nobody')).toEqual([]);
    });

    it('moves an endpoint to the device that stores it last (a browser reaches one device)', async () => {
      const s = await make();
      await s.putPushSubscription(subscription('alice', 'tab-1', 'https://push.test/same', 1));
      await s.putPushSubscription(subscription('alice', 'tab-2', 'https://push.test/same', 2));
      expect((await s.listPushSubscriptions('alice')).map((r) => r.device)).toEqual(['tab-2']);
      // Another user logging in on the same browser takes it over too.
      await s.putPushSubscription(subscription('bob', 'tab-3', 'https://push.test/same', 3));
      expect(await endpoints(s, 'alice')).toEqual([]);
      expect(await endpoints(s, 'bob')).toEqual(['https://push.test/same']);
    });

    it('deletes one device, or whichever subscription holds a gone endpoint', async () => {
      const s = await make();
      await s.putPushSubscription(subscription('alice', 'phone', 'https://push.test/1', 1));
      await s.putPushSubscription(subscription('alice', 'laptop', 'https://push.test/2', 2));
      await s.deletePushSubscription('alice', 'phone');
      await s.deletePushSubscription('alice', 'no-such-device');
      expect(await endpoints(s, 'alice')).toEqual(['https://push.test/2']);
      await s.deletePushEndpoint('https://push.test/2');
      await s.deletePushEndpoint('https://push.test/unknown');
      expect(await endpoints(s, 'alice')).toEqual([]);
    });

    it('undoes a subscription written in a transaction that fails', async () => {
      const s = await make();
      await s.putPushSubscription(subscription('alice', 'phone', 'https://push.test/1', 1));
      await expect(
        s.transaction(async (tx) => {
          await tx.putPushSubscription(subscription('alice', 'phone', 'https://push.test/9', 9));
          await tx.deletePushEndpoint('https://push.test/1');
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await endpoints(s, 'alice')).toEqual(['https://push.test/1']);
    });
  });
}
