// Conformance: per-user thread unread. A thread's followers (its root's
// author, everyone who replied, everyone who marked it read) get their count
// of unread replies with each reply; marking the thread read clears it on
// every device of that user (a threadReadState event), and never moves the
// marker back; a recalled unread reply lowers it once; history and thread
// pages, jump windows, pins, lookups and search carry the counts of followed
// roots; marking read offline is sent on reconnect; a non-member cannot mark
// a thread (602); counts are the same after a reconnect and a restart.
import { describe, expect, it } from 'vitest';
import { conversationId } from '../../src/protocol/ids';
import type { ChatClient } from '../../src/client/chat-client-types';
import type { HarnessFactory } from './harness';
import { historyAfter, historyAround, searchMessages } from '../../src/client/people';
import { codeOf, settle, useSession } from './support';

async function threadUnread(c: ChatClient, conversation: string, root: string): Promise<number | undefined> {
  const page = await c.history(conversation as `group:${string}`);
  return page.threadUnread?.[root];
}

export function threadUnreadSuite(factory: HarnessFactory): void {
  describe('thread unread', () => {
    const s = useSession(factory);

    it('followers count unread replies; marking read clears it on every device; non-followers get no count', async () => {
      const [a, b, c] = s.users('alice', 'bob', 'carol');
      const { c: alice, rec: aliceRec } = await s.client(a);
      const { rec: aliceOther } = await s.client(a);
      const { c: bob } = await s.client(b);
      const { c: carol, rec: carolRec } = await s.client(c);
      const g = await alice.createGroup({ name: 'g', members: [b, c] });
      const gid = conversationId('group', g.groupId);
      const root = await alice.sendText(gid, 'topic');
      const r1 = await bob.sendText(gid, 'first', { threadOf: root.serverId });
      // Alice wrote the root: she follows the thread from its first reply.
      const e1 = await aliceRec.waitFor('threadReply', (e) => e.message.serverId === r1.serverId);
      expect(e1.unread).toBe(1);
      // Carol never took part: her event has no count, and her pages carry none.
      const c1 = await carolRec.waitFor('threadReply', (e) => e.message.serverId === r1.serverId);
      expect(c1.unread).toBeUndefined();
      expect(await threadUnread(carol, gid, root.serverId)).toBeUndefined();
      const r2 = await bob.sendText(gid, 'second', { threadOf: root.serverId });
      expect((await aliceRec.waitFor('threadReply', (e) => e.message.serverId === r2.serverId)).unread).toBe(2);
      // Bob's own replies are read for him.
      expect(await threadUnread(bob, gid, root.serverId)).toBe(0);
      expect(await threadUnread(alice, gid, root.serverId)).toBe(2);
      expect((await alice.thread(root.serverId)).threadUnread).toEqual({ [root.serverId]: 2 });
      // Marking up to the first reply leaves one; the marker never moves back.
      expect(await alice.markThreadRead(root.serverId, r1.seq)).toEqual({ readSeq: r1.seq, unread: 1 });
      expect(await alice.markThreadRead(root.serverId, 0)).toEqual({ readSeq: r1.seq, unread: 1 });
      expect(await alice.markThreadRead(root.serverId)).toEqual({ readSeq: r2.seq, unread: 0 });
      await aliceOther.waitFor('threadReadState', (e) => e.root === root.serverId && e.unread === 0);
      expect(await threadUnread(alice, gid, root.serverId)).toBe(0);
      // Carol opens the thread: she follows it from then on.
      expect(await carol.markThreadRead(root.serverId)).toEqual({ readSeq: r2.seq, unread: 0 });
      const r3 = await bob.sendText(gid, 'third', { threadOf: root.serverId });
      expect((await carolRec.waitFor('threadReply', (e) => e.message.serverId === r3.serverId)).unread).toBe(1);
      // The conversation's own unread count is not touched by thread replies.
      expect((await carol.conversations()).find((x) => x.id === gid)?.unread).toBe(1);
    });

    it('a recalled or deleted unread reply lowers the count once; one already read changes nothing', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice, rec: aliceRec } = await s.client(a);
      const { c: bob } = await s.client(b);
      const g = await alice.createGroup({ name: 'g', members: [b] });
      const gid = conversationId('group', g.groupId);
      const root = await alice.sendText(gid, 'topic');
      const r1 = await bob.sendText(gid, 'one', { threadOf: root.serverId });
      await alice.markThreadRead(root.serverId);
      const r2 = await bob.sendText(gid, 'two', { threadOf: root.serverId });
      const r3 = await bob.sendText(gid, 'three', { threadOf: root.serverId });
      expect(await threadUnread(alice, gid, root.serverId)).toBe(2);
      await bob.recall(r2.serverId);
      await aliceRec.waitFor('threadReadState', (e) => e.root === root.serverId && e.unread === 1);
      await bob.recall(r2.serverId);
      await bob.deleteMessage(r3.serverId, 'everyone');
      await aliceRec.waitFor('threadReadState', (e) => e.root === root.serverId && e.unread === 0);
      expect(await threadUnread(alice, gid, root.serverId)).toBe(0);
      // With no reply left the root has no thread: pages carry no count for it.
      await bob.recall(r1.serverId);
      expect(await threadUnread(alice, gid, root.serverId)).toBeUndefined();
    });

    it('every answer that holds a followed root carries its count: jump window, newer page, pins, lookup, search', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob } = await s.client(b);
      const g = await alice.createGroup({ name: 'g', members: [b] });
      const gid = conversationId('group', g.groupId);
      const before = await alice.sendText(gid, 'before');
      const root = await alice.sendText(gid, 'kickoff agenda');
      await bob.sendText(gid, 'one', { threadOf: root.serverId });
      await bob.sendText(gid, 'two', { threadOf: root.serverId });
      await alice.pin(root.serverId);
      const want = { [root.serverId]: 2 };
      expect((await historyAround(alice, root.serverId)).threadUnread).toEqual(want);
      expect((await historyAfter(alice, gid, before.seq)).threadUnread).toEqual(want);
      expect((await alice.pins(gid)).threadUnread).toEqual(want);
      expect((await alice.request('messages', { serverIds: [root.serverId] })).threadUnread).toEqual(want);
      expect((await searchMessages(alice, 'kickoff')).threadUnread).toEqual(want);
      // Bob replied: he follows it with nothing unread. Answers without the root carry nothing.
      expect((await bob.pins(gid)).threadUnread).toEqual({ [root.serverId]: 0 });
      expect((await alice.request('messages', { serverIds: [before.serverId] })).threadUnread).toBeUndefined();
      expect((await historyAfter(alice, gid, root.seq)).threadUnread).toBeUndefined();
    });

    it('marking a thread read offline is sent once the connection returns; a lost answer is sent again', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice, rec: aliceRec } = await s.client(a);
      const { c: bob } = await s.client(b);
      const g = await alice.createGroup({ name: 'g', members: [b] });
      const gid = conversationId('group', g.groupId);
      const root = await alice.sendText(gid, 'topic');
      const r1 = await bob.sendText(gid, 'one', { threadOf: root.serverId });
      const { c: aliceLater } = s.offline(a);
      // Not connected yet: the mark waits instead of failing.
      const marked = aliceLater.markThreadRead(root.serverId, r1.seq);
      await settle(alice);
      expect(await threadUnread(alice, gid, root.serverId)).toBe(1);
      await bob.sendText(gid, 'two', { threadOf: root.serverId });
      await aliceLater.connect();
      // Sent with the seq the user saw: the reply that came meanwhile stays unread.
      expect(await marked).toEqual({ readSeq: r1.seq, unread: 1 });
      await aliceRec.waitFor('threadReadState', (e) => e.root === root.serverId && e.readSeq === r1.seq);
      aliceLater.dropConnection();
      expect(await aliceLater.markThreadRead(root.serverId)).toMatchObject({ unread: 0 });
      expect(await threadUnread(alice, gid, root.serverId)).toBe(0);
    });

    it('only members mark a thread read (602); a thread reply has no thread of its own', async () => {
      const [a, b, eve] = s.users('alice', 'bob', 'eve');
      const { c: alice } = await s.client(a);
      const { c: mallory } = await s.client(eve);
      const g = await alice.createGroup({ name: 'g', members: [b] });
      const gid = conversationId('group', g.groupId);
      const root = await alice.sendText(gid, 'topic');
      const reply = await alice.sendText(gid, 'r', { threadOf: root.serverId });
      expect(await codeOf(mallory.markThreadRead(root.serverId))).toBe(602);
      expect(await alice.markThreadRead(reply.serverId)).toEqual({ readSeq: 0, unread: 0 });
    });
  });

  if (factory.canRestart) {
    describe('thread unread across a restart', () => {
      const s = useSession(factory);
      it('the count and the marker are the same after a restart', async () => {
        const [a, b] = s.users('alice', 'bob');
        const { c: alice } = await s.client(a);
        const { c: bob } = await s.client(b);
        const g = await alice.createGroup({ name: 'g', members: [b] });
        const gid = conversationId('group', g.groupId);
        const root = await alice.sendText(gid, 'topic');
        const r1 = await bob.sendText(gid, 'one', { threadOf: root.serverId });
        await alice.markThreadRead(root.serverId);
        await bob.sendText(gid, 'two', { threadOf: root.serverId });
        await s.h.restart!();
        expect(await threadUnread(alice, gid, root.serverId)).toBe(1);
        expect(await alice.markThreadRead(root.serverId, 0)).toEqual({ readSeq: r1.seq, unread: 1 });
      });
    });
  }
}
