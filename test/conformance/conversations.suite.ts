// Conformance: the per-user conversation list with last message and the
// server's unread counts, channel ack clearing a conversation on every device
// of the user, and deleting a conversation with or without its history.
import { describe, expect, it } from 'vitest';
import type { ChatClient } from '../../src/client/chat-client-types';
import { conversationId, type ConversationId } from '../../src/protocol/ids';
import type { HarnessFactory } from './harness';
import { settle, useSession } from './support';

async function summary(c: ChatClient, id: ConversationId) {
  return (await c.conversations()).find((x) => x.id === id);
}

export function conversationsSuite(factory: HarnessFactory): void {
  describe('conversation list, unread and ack', () => {
    const s = useSession(factory);

    it('lists conversations with last message and unread; a channel ack clears them on every device of the user', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice, rec: aliceRec } = await s.client(a);
      const { c: bob1, rec: bob1Rec } = await s.client(b);
      const { c: bob2, rec: bob2Rec } = await s.client(b);
      const atAlice = conversationId('single', b);
      const atBob = conversationId('single', a);
      const sent = [
        await alice.sendText(atAlice, 'one'),
        await alice.sendText(atAlice, 'two'),
        await alice.sendText(atAlice, 'three'),
      ];
      const last = sent[2]!;
      await bob1Rec.waitFor('message', (e) => e.message.serverId === last.serverId);
      expect(bob1Rec.all('message').map((e) => e.unread)).toEqual([1, 2, 3]);

      const bobView = await summary(bob1, atBob);
      expect(bobView).toMatchObject({ id: atBob, type: 'single', target: a, unread: 3, lastSeq: last.seq });
      expect(bobView?.lastMessage?.serverId).toBe(last.serverId);
      expect(await summary(alice, atAlice)).toMatchObject({ unread: 0, lastSeq: last.seq });

      const readSeq = await bob1.markRead(atBob);
      expect(readSeq).toBe(last.seq);
      const state = await bob2Rec.waitFor('readState', (e) => e.conversation === atBob);
      expect(state).toMatchObject({ readSeq: last.seq, unread: 0 });
      expect(await summary(bob2, atBob)).toMatchObject({ unread: 0, readSeq: last.seq });
      const ack = await aliceRec.waitFor('channelAck', (e) => e.conversation === atAlice);
      expect(ack).toMatchObject({ by: b, upToSeq: last.seq });
    });

    it('an ack up to a seq leaves later messages unread; own messages and commands never count', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      const atAlice = conversationId('single', b);
      const atBob = conversationId('single', a);
      const m1 = await alice.sendText(atAlice, 'one');
      await alice.sendText(atAlice, 'two');
      await alice.sendText(atAlice, 'three');
      expect(await bob.markRead(atBob, m1.seq)).toBe(m1.seq);
      expect(await summary(bob, atBob)).toMatchObject({ unread: 2, readSeq: m1.seq });

      const cmd = await alice.send(b, 'single', { type: 'cmd', action: 'typing' });
      await bobRec.waitFor('message', (e) => e.message.serverId === cmd.serverId);
      await bob.sendText(atBob, 'my own reply');
      expect(await summary(bob, atBob)).toMatchObject({ unread: 2 });
    });

    it("group messages raise every other member's unread", async () => {
      const [a, b, c] = s.users('alice', 'bob', 'carol');
      const { c: alice } = await s.client(a);
      const { c: bob } = await s.client(b);
      const { c: carol } = await s.client(c);
      const group = await alice.createGroup({ name: 'g', members: [b, c] });
      const id = conversationId('group', group.groupId);
      await alice.sendText(id, 'hi all');
      await bob.sendText(id, 'hi alice');
      await settle(alice, bob, carol);
      expect(await summary(carol, id)).toMatchObject({ unread: 2, type: 'group', target: group.groupId });
      expect(await summary(bob, id)).toMatchObject({ unread: 1 });
      expect(await summary(alice, id)).toMatchObject({ unread: 1 });
    });

    it('deleting a conversation without its history removes it from the list on every device; history stays; a new message brings it back', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob1 } = await s.client(b);
      const { rec: bob2Rec } = await s.client(b);
      const atBob = conversationId('single', a);
      const m = await alice.sendText(conversationId('single', b), 'keep me');
      await bob1.deleteConversation(atBob);
      expect(await summary(bob1, atBob)).toBeUndefined();
      await bob2Rec.waitFor('conversationDeleted', (e) => e.conversation === atBob && !e.deleteHistory);
      const page = await bob1.history(atBob);
      expect(page.messages.map((x) => x.serverId)).toContain(m.serverId);

      const next = await alice.sendText(conversationId('single', b), 'again');
      await settle(alice, bob1);
      const back = await summary(bob1, atBob);
      expect(back?.lastMessage?.serverId).toBe(next.serverId);
      expect(back?.unread).toBe(1);
    });

    it('deleting a conversation with its history empties it for that user only', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob } = await s.client(b);
      const atAlice = conversationId('single', b);
      const atBob = conversationId('single', a);
      const m = await alice.sendText(atAlice, 'gone for bob');
      await bob.deleteConversation(atBob, { deleteHistory: true });
      expect(await summary(bob, atBob)).toBeUndefined();
      expect((await bob.history(atBob)).messages).toEqual([]);
      expect((await alice.history(atAlice)).messages.map((x) => x.serverId)).toEqual([m.serverId]);
    });
  });
}
