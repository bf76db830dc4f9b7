// Conformance: typing indicators. A member's `typing` signal reaches the other
// members' connected devices as an ephemeral event (no position) named from
// their side, never the sender's own other devices, and leaves nothing behind:
// no history, no conversation, no unread. Non-members are refused (602, 605
// for an unknown group), a user who blocked the sender hears nothing (603),
// and bad parameters get 4002.
import { describe, expect, it } from 'vitest';
import type { ClientInput } from '../../src/client/client-input';
import { conversationId } from '../../src/protocol/ids';
import type { HarnessFactory } from './harness';
import { codeOf, useSession } from './support';

export function typingSuite(factory: HarnessFactory): void {
  describe('typing', () => {
    const s = useSession(factory);

    it("reaches the peer's devices as an ephemeral event, not the sender's other devices, and stores nothing", async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { rec: aliceOther } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      const { rec: bobPhone } = await s.client(b);
      const inputs: ClientInput[] = [];
      bob.on('input', (i) => inputs.push(i));

      await alice.sendTyping(conversationId('single', b), 'start');
      const started = await bobRec.waitFor('typing', (e) => e.state === 'start');
      expect(started).toEqual({ type: 'typing', conversation: conversationId('single', a), by: a, state: 'start' });
      await bobPhone.waitFor('typing', (e) => e.state === 'start');
      await alice.sendTyping(conversationId('single', b), 'stop');
      await bobRec.waitFor('typing', (e) => e.state === 'stop');
      const typingInputs = inputs.filter((i) => i.kind === 'event' && i.event.type === 'typing');
      expect(typingInputs).toHaveLength(2);
      for (const i of typingInputs) expect(i).not.toHaveProperty('pos');

      // Nothing stored: no history, no conversation in either list, nothing unread.
      expect((await bob.history(conversationId('single', a))).messages).toEqual([]);
      expect((await alice.history(conversationId('single', b))).messages).toEqual([]);
      expect((await bob.conversations()).find((c) => c.id === conversationId('single', a))).toBeUndefined();
      expect((await alice.conversations()).find((c) => c.id === conversationId('single', b))).toBeUndefined();
      expect(bobRec.all('message')).toEqual([]);

      // A message sent after the signals reaches alice's other device after anything sent to it before.
      const sent = await alice.sendText(conversationId('single', b), 'done typing');
      await aliceOther.waitFor('message', (e) => e.message.serverId === sent.serverId);
      expect(aliceOther.all('typing')).toEqual([]);
      const page = await bob.history(conversationId('single', a));
      expect(page.messages.map((m) => m.serverId)).toEqual([sent.serverId]);
    });

    it('reaches the other members of a group; non-members and unknown groups are refused', async () => {
      const [a, b, c, g] = s.users('alice', 'bob', 'carol', 'group');
      const { c: alice, rec: aliceRec } = await s.client(a);
      const { rec: bobRec } = await s.client(b);
      const { c: carol, rec: carolRec } = await s.client(c);
      await alice.createGroup({ groupId: g, name: 'G', members: [b] });

      await alice.sendTyping(conversationId('group', g), 'start');
      const heard = await bobRec.waitFor('typing');
      expect(heard).toEqual({ type: 'typing', conversation: conversationId('group', g), by: a, state: 'start' });

      expect(await codeOf(carol.sendTyping(conversationId('group', g), 'start'))).toBe(602);
      expect(await codeOf(carol.sendTyping(conversationId('group', s.users('nogroup')[0]), 'start'))).toBe(605);
      // Carol is not a member: a later signal in the group does not reach her.
      const sent = await alice.sendText(conversationId('single', c), 'after the group signal');
      await carolRec.waitFor('message', (e) => e.message.serverId === sent.serverId);
      expect(carolRec.all('typing')).toEqual([]);
      expect(aliceRec.all('typing')).toEqual([]);
      expect((await alice.history(conversationId('group', g))).messages.every((m) => m.body.type !== 'cmd')).toBe(true);
    });

    it('is refused to a user who blocked the sender (603) and with bad parameters (4002)', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      await bob.block(a);
      expect(await codeOf(alice.sendTyping(conversationId('single', b), 'start'))).toBe(603);
      expect(await codeOf(alice.sendTyping('nope' as never, 'start'))).toBe(4002);
      expect(await codeOf(alice.sendTyping(conversationId('single', b), 'paused' as never))).toBe(4002);
      expect(await codeOf(alice.request('typing', { conversation: conversationId('single', b) } as never))).toBe(4002);
      await bob.unblock(a);
      await alice.sendTyping(conversationId('single', b), 'start');
      await bobRec.waitFor('typing', (e) => e.by === a);
      expect(bobRec.all('typing')).toHaveLength(1);
    });
  });
}
