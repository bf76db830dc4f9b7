// Conformance: nothing lost, nothing doubled. Sends survive dropped
// connections through the outbox (same localId, stored once); a client that
// was away gets what it missed, in order, once; refusals fail a message,
// connection loss never does.
import { describe, expect, it } from 'vitest';
import { conversationId } from '../../src/protocol/ids';
import type { Message } from '../../src/protocol/message';
import type { HarnessFactory } from './harness';
import { codeOf, settle, useSession } from './support';

export function reliabilitySuite(factory: HarnessFactory): void {
  describe('outbox, resume and dedupe', () => {
    const s = useSession(factory);

    it('a send whose connection drops right after it was written is retried with the same localId and stored once', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice, rec: aliceRec } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      const sending = alice.sendText(conversationId('single', b), 'survives the drop');
      alice.dropConnection();
      const m = await sending;
      await bobRec.waitFor('message', (e) => e.message.serverId === m.serverId);

      // The same localId again (a user pressing retry, or another device of alice) gets the original.
      const again = await alice.send(b, 'single', { type: 'txt', msg: 'survives the drop' }, { localId: m.localId });
      expect(again.serverId).toBe(m.serverId);
      expect(again.seq).toBe(m.seq);

      await settle(bob);
      expect(bobRec.all('message', (e) => e.message.localId === m.localId)).toHaveLength(1);
      const page = await bob.history(conversationId('single', a));
      expect(page.messages.filter((x) => x.localId === m.localId)).toHaveLength(1);
      const statuses = aliceRec.all('outbox', (e) => e.localId === m.localId).map((e) => e.status);
      expect(statuses[0]).toBe('pending');
      expect(statuses).not.toContain('failed');
      expect(statuses.at(-1)).toBe('sent');
    });

    it('sends made while offline stay pending, then go out in order with their localIds when the connection returns', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice, rec: aliceRec } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      alice.close();
      const conv = conversationId('single', b);
      const sends = [alice.sendText(conv, 'one'), alice.sendText(conv, 'two'), alice.sendText(conv, 'three')];
      const pending = alice.pending();
      expect(pending.map((p) => p.status)).toEqual(['pending', 'pending', 'pending']);
      expect(pending.map((p) => (p.body.type === 'txt' ? p.body.msg : ''))).toEqual(['one', 'two', 'three']);
      await alice.connect();
      const sent: Message[] = await Promise.all(sends);
      expect(sent.map((m) => m.localId)).toEqual(pending.map((p) => p.localId));
      expect(sent[0]!.seq).toBeLessThan(sent[1]!.seq);
      expect(sent[1]!.seq).toBeLessThan(sent[2]!.seq);
      await bobRec.waitFor('message', (e) => e.message.serverId === sent[2]!.serverId);
      await settle(bob);
      const texts = bobRec.all('message').map((e) => (e.message.body.type === 'txt' ? e.message.body.msg : ''));
      expect(texts).toEqual(['one', 'two', 'three']);
      expect(alice.pending()).toEqual([]);
      expect(aliceRec.all('outbox', (e) => e.status === 'sent')).toHaveLength(3);
    });

    it('a send during reconnecting is delivered once the client is back', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { rec: bobRec } = await s.client(b);
      alice.dropConnection();
      expect(alice.state).toBe('reconnecting');
      const m = await alice.sendText(conversationId('single', b), 'while reconnecting');
      await bobRec.waitFor('message', (e) => e.message.serverId === m.serverId);
      expect(alice.state).toBe('open');
    });

    it('a server refusal fails the message with its code; retry sends it with the same localId; discard drops it', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice, rec } = await s.client(a);
      const { c: bob } = await s.client(b);
      await bob.block(a);
      const conv = conversationId('single', b);
      const sending = alice.sendText(conv, 'refused');
      expect(await codeOf(sending)).toBe(603);
      const failed = alice.pending();
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ status: 'failed', error: { code: 603 } });
      expect(rec.all('outbox').at(-1)).toMatchObject({ status: 'failed', error: { code: 603 } });

      await bob.unblock(a);
      const localId = failed[0]!.localId;
      const m = await alice.retry(localId);
      expect(m.localId).toBe(localId);
      expect(alice.pending()).toEqual([]);

      await bob.block(a);
      const doomed = alice.sendText(conv, 'discarded');
      await codeOf(doomed);
      const id = alice.pending()[0]!.localId;
      alice.discard(id);
      expect(alice.pending()).toEqual([]);
    });

    it('a client that was away receives missed messages, recalls and invitation timeouts in order, once each', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      const first = await alice.sendText(conversationId('single', b), 'before');
      await bobRec.waitFor('message', (e) => e.message.serverId === first.serverId);
      bob.close();
      bobRec.clear();

      const m1 = await alice.sendText(conversationId('single', b), 'missed 1');
      const m2 = await alice.sendText(conversationId('single', b), 'missed 2');
      await alice.recall(m1.serverId);
      const { invitation } = await alice.invite(b, { timeout: 30, data: 'call' });
      await s.h.advance(31_000);

      await bob.connect();
      await bobRec.waitFor(
        'invitation',
        (e) => e.action === 'timeout' && e.invitation.inviteId === invitation.inviteId,
      );
      await settle(bob);
      const trail = bobRec.log
        .map((r) => {
          const e = r.e as { type?: string; message?: Message; action?: string };
          if (r.name === 'message' && e.message?.body.type === 'txt') return `message:${e.message.serverId}`;
          if (r.name === 'recall') return `recall:${e.message?.serverId}`;
          if (r.name === 'invitation') return `invitation:${e.action}`;
          return null;
        })
        .filter((x): x is string => x !== null);
      expect(trail).toEqual([
        `message:${m1.serverId}`,
        `message:${m2.serverId}`,
        `recall:${m1.serverId}`,
        'invitation:invite',
        'invitation:timeout',
      ]);
      expect(bobRec.all('ready').at(-1)).toMatchObject({ resumed: true, reset: false });
    });

    it('reconnecting after drops never applies an event twice', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      const conv = conversationId('single', b);
      const sent: Message[] = [];
      for (let round = 0; round < 3; round++) {
        sent.push(await alice.sendText(conv, `live ${round}`));
        bob.dropConnection();
        sent.push(await alice.sendText(conv, `while away ${round}`));
        await bobRec.waitFor('message', (e) => e.message.serverId === sent.at(-1)!.serverId);
      }
      await settle(bob);
      const ids = bobRec.all('message').map((e) => e.message.serverId);
      expect(ids).toEqual(sent.map((m) => m.serverId));
      expect(bobRec.all('ready').length).toBeGreaterThanOrEqual(4);
    });

    if (factory.canRestart) {
      it('after a server restart an offline recipient gets the message once, and a resend with the same localId gets the original', async () => {
        const [a, b] = s.users('alice', 'bob');
        const { c: alice } = await s.client(a);
        const { c: bob, rec: bobRec } = await s.client(b);
        bob.close();
        const m = await alice.sendText(conversationId('single', b), 'kept across restart');
        await s.h.restart!();
        await bob.connect();
        await bobRec.waitFor('message', (e) => e.message.serverId === m.serverId);
        const again = await alice.send(
          b,
          'single',
          { type: 'txt', msg: 'kept across restart' },
          { localId: m.localId },
        );
        expect(again.serverId).toBe(m.serverId);
        await settle(bob);
        expect(bobRec.all('message', (e) => e.message.localId === m.localId)).toHaveLength(1);
      });
    }
  });
}
