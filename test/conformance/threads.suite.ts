// Conformance: threads. A reply in a thread reaches every member as a
// threadReply, stays out of the conversation's history, unread and last
// message, and raises the root's reply count (a messageUpdate to everyone);
// the thread reads page by page; a recalled reply lowers the count once;
// a thread reply cannot be a root (510), nor can a message of another
// conversation (508); outsiders cannot read a thread (602).
import { describe, expect, it } from 'vitest';
import { conversationId } from '../../src/protocol/ids';
import type { HarnessFactory } from './harness';
import { codeOf, useSession } from './support';

export function threadsSuite(factory: HarnessFactory): void {
  describe('threads', () => {
    const s = useSession(factory);

    it('replies go to the thread, not the history; the root counts them; the thread pages newest first', async () => {
      const [a, b, c] = s.users('alice', 'bob', 'carol');
      const { c: alice, rec: aliceRec } = await s.client(a);
      const { c: bob } = await s.client(b);
      const { c: carol, rec: carolRec } = await s.client(c);
      const g = await alice.createGroup({ name: 'g', members: [b, c] });
      const gid = conversationId('group', g.groupId);
      const root = await alice.sendText(gid, 'topic');
      const r1 = await bob.sendText(gid, 'first', { threadOf: root.serverId });
      const r2 = await carol.sendText(gid, 'second', { threadOf: root.serverId });
      const r3 = await bob.sendText(gid, 'third', { threadOf: root.serverId });
      expect(r1.threadOf).toBe(root.serverId);
      await aliceRec.waitFor('threadReply', (e) => e.message.serverId === r3.serverId && e.conversation === gid);
      const summary = await carolRec.waitFor(
        'messageUpdate',
        (e) => e.reason === 'thread' && e.message.thread?.count === 3,
      );
      expect(summary.message.thread).toMatchObject({ count: 3, lastFrom: b });
      const history = await carol.history(gid);
      expect(history.messages.map((m) => m.serverId)).toEqual([root.serverId]);
      expect(history.messages[0]?.thread?.count).toBe(3);
      const list = await alice.conversations();
      expect(list.find((x) => x.id === gid)).toMatchObject({ unread: 0, lastMessage: { serverId: root.serverId } });
      const page1 = await alice.thread(root.serverId, { limit: 2 });
      expect(page1.messages.map((m) => m.serverId)).toEqual([r3.serverId, r2.serverId]);
      expect(page1.hasMore).toBe(true);
      const page2 = await alice.thread(root.serverId, { limit: 2, before: page1.cursor! });
      expect(page2.messages.map((m) => m.serverId)).toEqual([r1.serverId]);
      expect(page2.hasMore).toBe(false);
    });

    it('a recalled reply lowers the count once and stays a tombstone in the thread', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob } = await s.client(b);
      const root = await alice.sendText(conversationId('single', b), 'root');
      const r1 = await bob.sendText(conversationId('single', a), 'r1', { threadOf: root.serverId });
      await bob.sendText(conversationId('single', a), 'r2', { threadOf: root.serverId });
      await Promise.all([bob.recall(r1.serverId), bob.recall(r1.serverId)]);
      const history = await alice.history(conversationId('single', b));
      expect(history.messages[0]?.thread?.count).toBe(1);
      const thread = await alice.thread(root.serverId);
      expect(thread.messages.map((m) => m.body.type)).toEqual(['txt', 'recalled']);
      expect((await alice.conversations()).find((x) => x.id === conversationId('single', b))?.unread).toBe(0);
    });

    it('refusals: a thread reply as root (510), a root from another conversation (508), an outsider reading (602)', async () => {
      const [a, b, c, eve] = s.users('alice', 'bob', 'carol', 'eve');
      const { c: alice } = await s.client(a);
      const { c: mallory } = await s.client(eve);
      const g = await alice.createGroup({ name: 'g', members: [b] });
      const gid = conversationId('group', g.groupId);
      const root = await alice.sendText(gid, 'root');
      const reply = await alice.sendText(gid, 'reply', { threadOf: root.serverId });
      expect(await codeOf(alice.sendText(gid, 'nested', { threadOf: reply.serverId }))).toBe(510);
      expect(await codeOf(alice.sendText(conversationId('single', c), 'x', { threadOf: root.serverId }))).toBe(508);
      expect(await codeOf(mallory.thread(root.serverId))).toBe(602);
    });
  });
}
