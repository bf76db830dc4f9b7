// Conformance: reactions — any member adds and takes back their own, every
// member sees the whole state live and in history, repeats change nothing,
// concurrent reactions all count, an offline reaction is sent once on
// reconnect, a recall takes the reactions with it, and outsiders, tombstones
// and malformed emoji are refused with their codes. Counts survive a restart.
import { describe, expect, it } from 'vitest';
import { conversationId } from '../../src/protocol/ids';
import type { Message } from '../../src/protocol/message';
import type { HarnessFactory } from './harness';
import { codeOf, settle, useSession } from './support';

const countOf = (m: Message | undefined, emoji: string): number =>
  m?.reactions?.find((g) => g.emoji === emoji)?.users.length ?? 0;

export function reactionsSuite(factory: HarnessFactory): void {
  describe('reactions', () => {
    const s = useSession(factory);

    it('both users of a single chat react; each sees the whole state live and in history', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice, rec: aliceRec } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      const m = await alice.sendText(conversationId('single', b), 'react to me');
      const afterBob = await bob.react(m.serverId, '👍');
      expect(afterBob.reactions).toEqual([{ emoji: '👍', users: [b] }]);
      const live = await aliceRec.waitFor(
        'messageUpdate',
        (e) => e.message.serverId === m.serverId && e.reason === 'reaction',
      );
      expect(live.conversation).toBe(conversationId('single', b));
      expect(countOf(live.message, '👍')).toBe(1);
      await alice.react(m.serverId, '👍');
      await alice.react(m.serverId, ':tada:');
      await bobRec.waitFor('messageUpdate', (e) => countOf(e.message, ':tada:') === 1);
      const page = await bob.history(conversationId('single', a));
      expect(page.messages[0]?.reactions).toEqual([
        { emoji: '👍', users: [b, a] },
        { emoji: ':tada:', users: [a] },
      ]);
    });

    it('reacting twice counts once and taking back a reaction never given changes nothing', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { rec: bobRec } = await s.client(b);
      const m = await alice.sendText(conversationId('single', b), 'twice');
      await alice.react(m.serverId, '❤️');
      const again = await alice.react(m.serverId, '❤️');
      expect(countOf(again, '❤️')).toBe(1);
      expect(countOf(await alice.unreact(m.serverId, '😮'), '❤️')).toBe(1);
      const removed = await alice.unreact(m.serverId, '❤️');
      expect(removed.reactions).toBeUndefined();
      // Updates reach bob in the order they were made (across nodes too): once the last one is in,
      // an update for either no-op would have come before it.
      await bobRec.waitFor('messageUpdate', (e) => e.message.serverId === m.serverId && !e.message.reactions);
      expect(bobRec.all('messageUpdate', (e) => e.message.serverId === m.serverId)).toHaveLength(2);
    });

    it('concurrent reactions of every group member all count', async () => {
      const [a, b, c, d] = s.users('alice', 'bob', 'carol', 'dave');
      const { c: alice } = await s.client(a);
      const others = await Promise.all([b, c, d].map((u) => s.client(u)));
      const group = await alice.createGroup({ name: 'g', members: [b, c, d] });
      const m = await alice.sendText(conversationId('group', group.groupId), 'vote');
      await Promise.all([alice, ...others.map((o) => o.c)].map((client) => client.react(m.serverId, '✅')));
      const page = await alice.history(conversationId('group', group.groupId));
      expect(countOf(page.messages[0], '✅')).toBe(4);
      expect(new Set(page.messages[0]?.reactions?.[0]?.users)).toEqual(new Set([a, b, c, d]));
    });

    it('a reaction made offline is sent once when the connection returns; the other device sees it', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { rec: bobRec } = await s.client(b);
      const { c: bobPhone } = await s.client(b);
      const m = await alice.sendText(conversationId('single', b), 'later');
      await bobRec.waitFor('message', (e) => e.message.serverId === m.serverId);
      bobPhone.close();
      const { c: bobOffline } = s.offline(b);
      const reacted = bobOffline.react(m.serverId, '🙏');
      await settle(alice);
      expect((await alice.history(conversationId('single', b))).messages[0]?.reactions).toBeUndefined();
      await bobOffline.connect();
      expect(countOf(await reacted, '🙏')).toBe(1);
      await bobRec.waitFor('messageUpdate', (e) => countOf(e.message, '🙏') === 1);
      bobOffline.dropConnection();
      await bobOffline.react(m.serverId, '🙏');
      expect(countOf((await alice.history(conversationId('single', b))).messages[0], '🙏')).toBe(1);
    });

    it('a recall takes the reactions with it; a tombstone takes none (510)', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob } = await s.client(b);
      const m = await alice.sendText(conversationId('single', b), 'gone soon');
      await bob.react(m.serverId, '👍');
      await alice.recall(m.serverId);
      const page = await bob.history(conversationId('single', a));
      expect(page.messages[0]?.body.type).toBe('recalled');
      expect(page.messages[0]?.reactions).toBeUndefined();
      expect(await codeOf(bob.react(m.serverId, '👍'))).toBe(510);
    });

    it('refusals: a stranger (508), a non-member of the group (602), an unknown message (508), a blank emoji (4002)', async () => {
      const [a, b, eve] = s.users('alice', 'bob', 'eve');
      const { c: alice } = await s.client(a);
      const { c: mallory } = await s.client(eve);
      const m = await alice.sendText(conversationId('single', b), 'private');
      expect(await codeOf(mallory.react(m.serverId, '👀'))).toBe(508);
      const group = await alice.createGroup({ name: 'g', members: [b] });
      const gm = await alice.sendText(conversationId('group', group.groupId), 'members only');
      expect(await codeOf(mallory.react(gm.serverId, '👀'))).toBe(602);
      expect(await codeOf(mallory.react('no-such-message', '👀'))).toBe(508);
      expect(await codeOf(alice.react(m.serverId, '   '))).toBe(4002);
      expect(await codeOf(alice.react(m.serverId, 'x'.repeat(65)))).toBe(4002);
    });

    it('more than 50 different reactions on one message are refused (511)', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const m = await alice.sendText(conversationId('single', b), 'many');
      for (let i = 0; i < 50; i++) await alice.react(m.serverId, `:e${i}:`);
      expect(await codeOf(alice.react(m.serverId, ':e50:'))).toBe(511);
    });
  });

  if (factory.canRestart) {
    describe('reactions across a restart', () => {
      const s = useSession(factory);
      it('counts are the same after the server restarts, and a reconnecting device catches up', async () => {
        const [a, b] = s.users('alice', 'bob');
        const { c: alice } = await s.client(a);
        const { c: bob, rec: bobRec } = await s.client(b);
        const m = await alice.sendText(conversationId('single', b), 'durable');
        await alice.react(m.serverId, '🔥');
        await bob.react(m.serverId, '🔥');
        await bobRec.waitFor('messageUpdate', (e) => countOf(e.message, '🔥') === 2);
        await s.h.restart!();
        await bob.unreact(m.serverId, '🔥');
        const page = await alice.history(conversationId('single', b));
        expect(page.messages[0]?.reactions).toEqual([{ emoji: '🔥', users: [a] }]);
      });
    });
  }
}
