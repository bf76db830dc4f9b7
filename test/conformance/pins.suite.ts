// Conformance: pins. Both users of a single chat pin and unpin; in a group
// only the owner and admins (510 for members, 602 for outsiders); every
// member gets the whole list; repeats change nothing; at most 20 per
// conversation (511); a recalled message leaves the list.
import { describe, expect, it } from 'vitest';
import { conversationId } from '../../src/protocol/ids';
import type { HarnessFactory } from './harness';
import { codeOf, useSession } from './support';

export function pinsSuite(factory: HarnessFactory): void {
  describe('pins', () => {
    const s = useSession(factory);

    it('pin and unpin in a single chat: both users get the list, newest first, with the messages', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      const one = await alice.sendText(conversationId('single', b), 'address');
      const two = await alice.sendText(conversationId('single', b), 'time');
      await alice.pin(one.serverId);
      const pins = await bob.pin(two.serverId);
      expect(pins.map((p) => [p.serverId, p.by])).toEqual([
        [two.serverId, b],
        [one.serverId, a],
      ]);
      const again = await bob.pin(two.serverId);
      expect(again).toEqual(pins);
      const live = await bobRec.waitFor('pins', (e) => e.pins.length === 2);
      expect(live.conversation).toBe(conversationId('single', a));
      const listed = await alice.pins(conversationId('single', b));
      expect(listed.messages.map((m) => m.serverId)).toEqual([two.serverId, one.serverId]);
      expect((await alice.unpin(one.serverId)).map((p) => p.serverId)).toEqual([two.serverId]);
      // Pin lists reach bob in the order they were made (across nodes too): once the unpin's list is
      // in, a list for the repeated pin would have come before it.
      await bobRec.waitFor('pins', (e) => e.pins.length === 1 && e.pins[0]?.serverId === two.serverId);
      expect(bobRec.all('pins')).toHaveLength(3);
    });

    it('in a group only the owner and admins pin (510); outsiders cannot list (602)', async () => {
      const [o, m, eve] = s.users('owner', 'member', 'eve');
      const { c: owner } = await s.client(o);
      const { c: member, rec: memberRec } = await s.client(m);
      const { c: mallory } = await s.client(eve);
      const g = await owner.createGroup({ name: 'g', members: [m] });
      const gid = conversationId('group', g.groupId);
      const msg = await member.sendText(gid, 'rules');
      expect(await codeOf(member.pin(msg.serverId))).toBe(510);
      await owner.pin(msg.serverId);
      await memberRec.waitFor('pins', (e) => e.conversation === gid && e.pins.length === 1);
      expect(await codeOf(mallory.pins(gid))).toBe(602);
      expect(await codeOf(mallory.pin(msg.serverId))).toBe(602);
    });

    it('at most 20 pins per conversation (511); a recalled message leaves the list', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const sent = [];
      for (let i = 0; i < 21; i++) sent.push(await alice.sendText(conversationId('single', b), `m${i}`));
      for (let i = 0; i < 20; i++) await alice.pin(sent[i]!.serverId);
      expect(await codeOf(alice.pin(sent[20]!.serverId))).toBe(511);
      await alice.recall(sent[19]!.serverId);
      const { pins, messages } = await alice.pins(conversationId('single', b));
      expect(pins).toHaveLength(19);
      expect(messages.every((m) => m.body.type === 'txt')).toBe(true);
      await alice.pin(sent[20]!.serverId);
    });
  });
}
