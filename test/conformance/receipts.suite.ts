// Conformance: delivery receipts (sent automatically by clients created with
// `delivery: true`), read receipts per message, and group read receipts for
// messages sent with allowGroupAck (counts pushed to the sender, readers on
// request).
import { describe, expect, it } from 'vitest';
import { conversationId } from '../../src/protocol/ids';
import type { HarnessFactory } from './harness';
import { codeOf, settle, useSession } from './support';

export function receiptsSuite(factory: HarnessFactory): void {
  describe('receipts', () => {
    const s = useSession(factory);

    it('a client with delivery enabled acknowledges incoming messages; the sender is told, also for messages received on return', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice, rec: aliceRec } = await s.client(a);
      const { c: bob } = await s.client(b, { delivery: true });
      const live = await alice.sendText(conversationId('single', b), 'are you there');
      const d = await aliceRec.waitFor('delivered', (e) => e.serverId === live.serverId);
      expect(d).toMatchObject({ conversation: conversationId('single', b), by: b });

      bob.close();
      const missed = [
        await alice.sendText(conversationId('single', b), 'missed 1'),
        await alice.sendText(conversationId('single', b), 'missed 2'),
      ];
      await bob.connect();
      for (const m of missed) await aliceRec.waitFor('delivered', (e) => e.serverId === m.serverId);
    });

    it('a client without delivery enabled sends no delivery receipts', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice, rec: aliceRec } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      const m = await alice.sendText(conversationId('single', b), 'quiet');
      await bobRec.waitFor('message', (e) => e.message.serverId === m.serverId);
      await settle(bob, alice);
      expect(aliceRec.all('delivered')).toEqual([]);
    });

    it('a read receipt for one message reaches its sender', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice, rec: aliceRec } = await s.client(a);
      const { c: bob } = await s.client(b);
      const m = await alice.sendText(conversationId('single', b), 'read me');
      await bob.sendReadReceipt(m.serverId);
      const r = await aliceRec.waitFor('read', (e) => e.serverId === m.serverId);
      expect(r).toMatchObject({ conversation: conversationId('single', b), by: b });
    });

    it('group read counts that arrive while the sender is away reach it on return', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice, rec: aliceRec } = await s.client(a);
      const { c: bob } = await s.client(b);
      const group = await alice.createGroup({ name: 'later', members: [b] });
      const m = await alice.sendText(conversationId('group', group.groupId), 'ack when you can', {
        config: { allowGroupAck: true },
      });
      alice.close();
      await bob.sendReadReceipt(m.serverId);
      await alice.connect();
      expect(await aliceRec.waitFor('groupRead', (e) => e.serverId === m.serverId)).toMatchObject({ by: b, count: 1 });
    });

    it('group read receipts: readers of an allowGroupAck message are counted for the sender and listed on request', async () => {
      const [a, b, c] = s.users('alice', 'bob', 'carol');
      const { c: alice, rec: aliceRec } = await s.client(a);
      const { c: bob } = await s.client(b);
      const { c: carol } = await s.client(c);
      const group = await alice.createGroup({ name: 'acks', members: [b, c] });
      const id = conversationId('group', group.groupId);
      const m = await alice.sendText(id, 'please ack', { config: { allowGroupAck: true } });
      expect(m.config).toEqual({ allowGroupAck: true });

      await bob.sendReadReceipt(m.serverId);
      const first = await aliceRec.waitFor('groupRead', (e) => e.serverId === m.serverId);
      expect(first).toMatchObject({ conversation: id, by: b, count: 1 });
      await carol.sendReadReceipt(m.serverId);
      const second = await aliceRec.waitFor('groupRead', (e) => e.serverId === m.serverId, 2);
      expect(second).toMatchObject({ by: c, count: 2 });
      // A second receipt from the same reader does not count twice.
      await bob.sendReadReceipt(m.serverId).catch(() => undefined);
      await settle(alice);
      expect(aliceRec.all('groupRead', (e) => e.serverId === m.serverId).at(-1)?.count).toBe(2);

      expect([...(await alice.groupReaders(m.serverId))].sort()).toEqual([b, c].sort());
      expect(await codeOf(bob.groupReaders(m.serverId))).toBe(510);
    });
  });
}
