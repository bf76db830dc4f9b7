// Conformance: recall by the sender within the server's window — a tombstone
// in history and a recall event for every member — 504 after the window,
// 505 when recall is disabled.
import { describe, expect, it } from 'vitest';
import { conversationId } from '../../src/protocol/ids';
import type { HarnessFactory } from './harness';
import { codeOf, useSession } from './support';

export function recallSuite(factory: HarnessFactory): void {
  describe('recall', () => {
    const s = useSession(factory);

    it('the sender recalls 30 s before the window ends: everyone gets the tombstone, live and in history', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { rec: aliceOther } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      const m = await alice.sendText(conversationId('single', b), 'oops');
      // Margins of 30 s: on the Node and cluster harnesses the clocks are real time plus the offset, and
      // a loaded machine can take more than a second between the send and the recall.
      await s.h.advance(s.h.recallWindowMs - 30_000);
      const recalled = await alice.recall(m.serverId);
      expect(recalled).toMatchObject({ serverId: m.serverId, seq: m.seq, body: { type: 'recalled', by: a } });
      const atBob = await bobRec.waitFor('recall', (e) => e.message.serverId === m.serverId);
      expect(atBob.conversation).toBe(conversationId('single', a));
      expect(atBob.message.body.type).toBe('recalled');
      await aliceOther.waitFor('recall', (e) => e.message.serverId === m.serverId);
      const page = await bob.history(conversationId('single', a));
      expect(page.messages.find((x) => x.serverId === m.serverId)?.body.type).toBe('recalled');
    });

    it('recall 30 s past the window fails with 504 and leaves the message', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob } = await s.client(b);
      const m = await alice.sendText(conversationId('single', b), 'too late');
      await s.h.advance(s.h.recallWindowMs + 30_000);
      expect(await codeOf(alice.recall(m.serverId))).toBe(504);
      const page = await bob.history(conversationId('single', a));
      expect(page.messages.find((x) => x.serverId === m.serverId)?.body.type).toBe('txt');
    });

    it('only the sender may recall (510)', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob } = await s.client(b);
      const m = await alice.sendText(conversationId('single', b), 'mine');
      expect(await codeOf(bob.recall(m.serverId))).toBe(510);
      const page = await alice.history(conversationId('single', b));
      expect(page.messages[0]?.body.type).toBe('txt');
    });

    it('a group recall reaches every member', async () => {
      const [a, b, c] = s.users('alice', 'bob', 'carol');
      const { c: alice } = await s.client(a);
      const { rec: bobRec } = await s.client(b);
      const { rec: carolRec } = await s.client(c);
      const group = await alice.createGroup({ name: 'g', members: [b, c] });
      const m = await alice.sendText(conversationId('group', group.groupId), 'retract');
      await alice.recall(m.serverId);
      await bobRec.waitFor('recall', (e) => e.message.serverId === m.serverId);
      await carolRec.waitFor('recall', (e) => e.message.serverId === m.serverId);
    });
  });

  describe('recall disabled', () => {
    const s = useSession(factory, { recallEnabled: false });

    it('recall fails with 505', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const m = await alice.sendText(conversationId('single', b), 'stays');
      expect(await codeOf(alice.recall(m.serverId))).toBe(505);
    });
  });
}
