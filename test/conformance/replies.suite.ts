// Conformance: quoted replies and forwarding. A reply carries the quote of a
// message of the same conversation (the first 200 characters of its text, or
// its kind); a quote of a message from elsewhere (508) or of a tombstone
// (510) is refused. A forward copies a message the user can see into another
// conversation, marked with its original author, once per localId; a
// message the user cannot see is refused (508 single, 602 group).
import { describe, expect, it } from 'vitest';
import { conversationId } from '../../src/protocol/ids';
import type { HarnessFactory } from './harness';
import { codeOf, useSession } from './support';

export function repliesSuite(factory: HarnessFactory): void {
  describe('quoted replies', () => {
    const s = useSession(factory);

    it('a reply quotes the message live and in history; long text is cut to 200 characters', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice, rec: aliceRec } = await s.client(a);
      const { c: bob } = await s.client(b);
      const long = await alice.sendText(conversationId('single', b), 'x'.repeat(300));
      const reply = await bob.sendText(conversationId('single', a), 'long indeed', { replyTo: long.serverId });
      expect(reply.reply).toEqual({ serverId: long.serverId, from: a, type: 'txt', text: 'x'.repeat(200) });
      const live = await aliceRec.waitFor('message', (e) => e.message.serverId === reply.serverId);
      expect(live.message.reply?.serverId).toBe(long.serverId);
      const loc = await alice.send(b, 'single', { type: 'loc', lat: 1, lng: 2, addr: 'here' });
      const r2 = await bob.sendText(conversationId('single', a), 'on my way', { replyTo: loc.serverId });
      expect(r2.reply).toEqual({ serverId: loc.serverId, from: a, type: 'loc', text: '' });
    });

    it('a quote from another conversation (508), of a tombstone (510) or of nothing (508) is refused', async () => {
      const [a, b, c] = s.users('alice', 'bob', 'carol');
      const { c: alice } = await s.client(a);
      const elsewhere = await alice.sendText(conversationId('single', c), 'for carol');
      expect(await codeOf(alice.sendText(conversationId('single', b), 'hi', { replyTo: elsewhere.serverId }))).toBe(
        508,
      );
      const gone = await alice.sendText(conversationId('single', b), 'gone');
      await alice.recall(gone.serverId);
      expect(await codeOf(alice.sendText(conversationId('single', b), 'hi', { replyTo: gone.serverId }))).toBe(510);
      expect(await codeOf(alice.sendText(conversationId('single', b), 'hi', { replyTo: 'nope' }))).toBe(508);
    });
  });

  describe('messages by id', () => {
    const s = useSession(factory);

    it('the original of a quote is fetched by id; foreign, unknown and hidden ones are left out', async () => {
      const [a, b, c] = s.users('alice', 'bob', 'carol');
      const { c: alice } = await s.client(a);
      const { c: bob } = await s.client(b);
      const original = await alice.sendText(conversationId('single', b), 'original');
      const hidden = await alice.sendText(conversationId('single', b), 'hidden');
      const foreign = await alice.sendText(conversationId('single', c), 'for carol');
      await bob.deleteMessage(hidden.serverId, 'me');
      const found = await bob.messagesById([original.serverId, hidden.serverId, foreign.serverId, 'unknown']);
      expect(found.map((m) => m.serverId)).toEqual([original.serverId]);
    });
  });

  describe('forwarding', () => {
    const s = useSession(factory);

    it('forwards a copy marked with the original author, once per localId', async () => {
      const [a, b, c] = s.users('alice', 'bob', 'carol');
      const { c: alice } = await s.client(a);
      const { c: bob } = await s.client(b);
      const { rec: carolRec } = await s.client(c);
      const m = await alice.sendText(conversationId('single', b), 'pass it on');
      const copy = await bob.forward(m.serverId, conversationId('single', c), { localId: 'fwd-1' });
      expect(copy).toMatchObject({ from: b, to: c, body: { type: 'txt', msg: 'pass it on' }, forwarded: { from: a } });
      const again = await bob.forward(m.serverId, conversationId('single', c), { localId: 'fwd-1' });
      expect(again.serverId).toBe(copy.serverId);
      await carolRec.waitFor('message', (e) => e.message.serverId === copy.serverId);
      const page = await bob.history(conversationId('single', c));
      expect(page.messages).toHaveLength(1);
      const twice = await bob.forward(copy.serverId, conversationId('single', a));
      expect(twice.forwarded).toEqual({ from: a });
    });

    it('a message the user cannot see is refused (508 single, 602 group); so is a tombstone (510)', async () => {
      const [a, b, eve] = s.users('alice', 'bob', 'eve');
      const { c: alice } = await s.client(a);
      const { c: mallory } = await s.client(eve);
      const m = await alice.sendText(conversationId('single', b), 'secret');
      expect(await codeOf(mallory.forward(m.serverId, conversationId('single', eve)))).toBe(508);
      const g = await alice.createGroup({ name: 'g', members: [b] });
      const gm = await alice.sendText(conversationId('group', g.groupId), 'group secret');
      expect(await codeOf(mallory.forward(gm.serverId, conversationId('single', eve)))).toBe(602);
      await alice.recall(m.serverId);
      expect(await codeOf(alice.forward(m.serverId, conversationId('single', eve)))).toBe(510);
    });
  });
}
