// Conformance: mentions. A mention raises the mentioned member's badge (the
// `mentions` of their conversation summary, and a mentionCount event on every
// device); @all raises every member's but the sender's; reading past it,
// deleting it for oneself, or its recall lowers it, exactly once; an edit
// adding or removing a mention raises or clears the badge; @all
// outside a group is refused (4002).
import { describe, expect, it } from 'vitest';
import { conversationId } from '../../src/protocol/ids';
import type { ChatClient } from '../../src/client/chat-client-types';
import type { HarnessFactory } from './harness';
import { codeOf, useSession } from './support';

async function badge(c: ChatClient, id: string): Promise<number> {
  return (await c.conversations()).find((x) => x.id === id)?.mentions ?? 0;
}

export function mentionsSuite(factory: HarnessFactory): void {
  describe('mentions', () => {
    const s = useSession(factory);

    it('a mention raises the mentioned member’s badge on every device; reading past it clears it', async () => {
      const [a, b, c] = s.users('alice', 'bob', 'carol');
      const { c: alice } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      const { rec: bobOther } = await s.client(b);
      const { c: carol } = await s.client(c);
      const g = await alice.createGroup({ name: 'g', members: [b, c] });
      const gid = conversationId('group', g.groupId);
      await alice.sendText(gid, 'hello all');
      const m = await alice.sendText(gid, '@bob look', { mentions: { users: [b] } });
      expect(m.mentions).toEqual({ users: [b] });
      await bobOther.waitFor('mentionCount', (e) => e.conversation === gid && e.count === 1);
      expect(await badge(bob, gid)).toBe(1);
      expect(await badge(carol, gid)).toBe(0);
      await bob.markRead(gid, m.seq - 1);
      expect(await badge(bob, gid)).toBe(1);
      await bob.markRead(gid);
      await bobRec.waitFor('mentionCount', (e) => e.count === 0);
      expect(await badge(bob, gid)).toBe(0);
    });

    it('@all counts for every member but the sender; a recall and a delete for me lower it once', async () => {
      const [a, b, c] = s.users('alice', 'bob', 'carol');
      const { c: alice } = await s.client(a);
      const { c: bob } = await s.client(b);
      const { c: carol } = await s.client(c);
      const g = await alice.createGroup({ name: 'g', members: [b, c] });
      const gid = conversationId('group', g.groupId);
      const all = await alice.sendText(gid, '@all meeting', { mentions: { all: true } });
      const second = await alice.sendText(gid, '@all again', { mentions: { all: true, users: [b] } });
      expect([await badge(alice, gid), await badge(bob, gid), await badge(carol, gid)]).toEqual([0, 2, 2]);
      await alice.recall(all.serverId);
      expect([await badge(bob, gid), await badge(carol, gid)]).toEqual([1, 1]);
      await carol.deleteMessage(second.serverId, 'me');
      await alice.recall(second.serverId);
      expect([await badge(bob, gid), await badge(carol, gid)]).toEqual([0, 0]);
      expect((await carol.conversations()).find((x) => x.id === gid)?.unread).toBe(0);
    });

    it('an edit that adds a mention raises that member’s badge; an edit that removes it clears it', async () => {
      const [a, b, c] = s.users('alice', 'bob', 'carol');
      const { c: alice } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      const { c: carol } = await s.client(c);
      const g = await alice.createGroup({ name: 'g', members: [b, c] });
      const gid = conversationId('group', g.groupId);
      const m = await alice.sendText(gid, 'can someone look?');
      expect(await badge(bob, gid)).toBe(0);
      await alice.editText(m.serverId, '@bob can you look?', { mentions: { users: [b] } });
      await bobRec.waitFor('mentionCount', (e) => e.conversation === gid && e.count === 1);
      expect([await badge(bob, gid), await badge(carol, gid)]).toEqual([1, 0]);
      // The same mention again counts once; moving it to Carol moves the badge.
      await alice.editText(m.serverId, '@bob could you look?', { mentions: { users: [b] } });
      expect(await badge(bob, gid)).toBe(1);
      await alice.editText(m.serverId, '@carol can you look?', { mentions: { users: [c] } });
      await bobRec.waitFor('mentionCount', (e) => e.conversation === gid && e.count === 0);
      expect([await badge(bob, gid), await badge(carol, gid)]).toEqual([0, 1]);
      // Once Carol read it, a later edit mentioning her again raises nothing (the badge counts unread messages).
      await carol.markRead(gid);
      expect(await badge(carol, gid)).toBe(0);
      await alice.editText(m.serverId, '@carol @bob can you look?', { mentions: { users: [c, b] } });
      expect([await badge(bob, gid), await badge(carol, gid)]).toEqual([1, 0]);
      // Bob still has it unread: an edit that drops every mention clears his badge.
      await alice.editText(m.serverId, 'never mind', { mentions: {} });
      expect(await badge(bob, gid)).toBe(0);
    });

    it('@all outside a group is refused (4002); mentioning a non-member raises nothing', async () => {
      const [a, b, eve] = s.users('alice', 'bob', 'eve');
      const { c: alice } = await s.client(a);
      const { c: mallory } = await s.client(eve);
      expect(await codeOf(alice.sendText(conversationId('single', b), 'hey', { mentions: { all: true } }))).toBe(4002);
      const g = await alice.createGroup({ name: 'g', members: [b] });
      await alice.sendText(conversationId('group', g.groupId), '@eve?', { mentions: { users: [eve] } });
      expect(await badge(mallory, conversationId('group', g.groupId))).toBe(0);
    });
  });

  if (factory.canRestart) {
    describe('mentions across a restart', () => {
      const s = useSession(factory);
      it('the badge is the same after a restart', async () => {
        const [a, b] = s.users('alice', 'bob');
        const { c: alice } = await s.client(a);
        const { c: bob } = await s.client(b);
        const g = await alice.createGroup({ name: 'g', members: [b] });
        const gid = conversationId('group', g.groupId);
        await alice.sendText(gid, '@bob 1', { mentions: { users: [b] } });
        await alice.sendText(gid, '@bob 2', { mentions: { users: [b] } });
        await s.h.restart!();
        expect(await badge(bob, gid)).toBe(2);
      });
    });
  }
}
