// Conformance: message search (full-text in the conversations a user can
// read, newest first, paged, with highlights; Chinese, emoji and mixed text;
// recalled messages and cleared history never found; refusals for
// conversations the user is not in) and the history around a message (jump
// to a message).
import { describe, expect, it } from 'vitest';
import { historyAfter, historyAround, searchMessages } from '../../src/client/people';
import { conversationId } from '../../src/protocol/ids';
import type { MessageSearchPage } from '../../src/protocol/people';
import type { HarnessFactory } from './harness';
import { codeOf, useSession } from './support';

const texts = (page: MessageSearchPage) =>
  page.hits.map((h) => (h.message.body.type === 'txt' ? h.message.body.msg : h.message.body.type));

export function searchSuite(factory: HarnessFactory): void {
  describe('message search', () => {
    const s = useSession(factory);

    it('finds words case-insensitively across conversations, newest first, with highlights', async () => {
      const [a, b, c] = s.users('alice', 'bob', 'carol');
      const { c: alice } = await s.client(a);
      const { c: bob } = await s.client(b);
      const group = await alice.createGroup({ name: 'g', members: [b, c] });
      await alice.sendText(conversationId('single', b), 'Quarterly REPORT is due');
      await bob.sendText(conversationId('group', group.groupId), 'nothing here');
      await bob.sendText(conversationId('group', group.groupId), 'the report, the report!');
      const page = await searchMessages(alice, 'report');
      expect(texts(page)).toEqual(['the report, the report!', 'Quarterly REPORT is due']);
      expect(page.hits[0]!.conversation).toBe(conversationId('group', group.groupId));
      expect(page.hits[0]!.highlights).toEqual([
        [4, 10],
        [16, 22],
      ]);
      expect(page.hits[1]!.conversation).toBe(conversationId('single', b));
      expect(page.hits[1]!.highlights).toEqual([[10, 16]]);
      expect(page.hasMore).toBe(false);
      // Every term must occur.
      expect(texts(await searchMessages(alice, 'report quarterly'))).toEqual(['Quarterly REPORT is due']);
    });

    it('finds Chinese (two characters and longer), emoji and mixed text', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const to = conversationId('single', b);
      await s.client(b);
      await alice.sendText(to, '明天下午开会讨论预算');
      await alice.sendText(to, '生日快乐🎂🎉 party tonight');
      await alice.sendText(to, 'React组件库natter很好用');
      expect(texts(await searchMessages(alice, '开会'))).toEqual(['明天下午开会讨论预算']);
      expect(texts(await searchMessages(alice, '讨论预算'))).toEqual(['明天下午开会讨论预算']);
      expect(texts(await searchMessages(alice, '🎂'))).toEqual(['生日快乐🎂🎉 party tonight']);
      expect(texts(await searchMessages(alice, '快乐🎂🎉'))).toEqual(['生日快乐🎂🎉 party tonight']);
      expect(texts(await searchMessages(alice, '组件库NATTER'))).toEqual(['React组件库natter很好用']);
      const hit = (await searchMessages(alice, '🎉 party')).hits[0]!;
      expect(hit.highlights).toEqual([
        [6, 8],
        [9, 14],
      ]);
      expect(texts(await searchMessages(alice, '不存在'))).toEqual([]);
    });

    it('pages newest first with a cursor until the last hit', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      await s.client(b);
      for (let i = 1; i <= 7; i++) await alice.sendText(conversationId('single', b), `needle number ${i}`);
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let round = 0; round < 5; round++) {
        const page = await searchMessages(alice, 'needle', { limit: 3, ...(cursor ? { cursor } : {}) });
        seen.push(...texts(page));
        if (!page.hasMore) break;
        cursor = page.cursor!;
      }
      expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1].map((i) => `needle number ${i}`));
    });

    it('never returns recalled messages or history the user cleared', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob } = await s.client(b);
      const m = await alice.sendText(conversationId('single', b), 'secret plan alpha');
      await alice.sendText(conversationId('single', b), 'public plan beta');
      await alice.recall(m.serverId);
      expect(texts(await searchMessages(bob, 'plan'))).toEqual(['public plan beta']);
      await bob.deleteConversation(conversationId('single', a), { deleteHistory: true });
      expect(texts(await searchMessages(bob, 'plan'))).toEqual([]);
      expect(texts(await searchMessages(alice, 'plan'))).toEqual(['public plan beta']);
    });

    it('a user never gets results from a conversation they left or were never in; asking for one is refused', async () => {
      const [a, b, c, x] = s.users('alice', 'bob', 'carol', 'stranger');
      const { c: alice } = await s.client(a);
      const { c: bob } = await s.client(b);
      const { c: stranger } = await s.client(x);
      const group = await alice.createGroup({ name: 'g', members: [b] });
      await alice.sendText(conversationId('group', group.groupId), 'group budget talk');
      await alice.sendText(conversationId('single', c), 'private budget talk');
      expect(texts(await searchMessages(bob, 'budget'))).toEqual(['group budget talk']);
      expect(texts(await searchMessages(stranger, 'budget'))).toEqual([]);
      expect(
        await codeOf(searchMessages(stranger, 'budget', { conversation: conversationId('group', group.groupId) })),
      ).toBe(602);
      expect(
        await codeOf(searchMessages(stranger, 'budget', { conversation: conversationId('group', 'nosuchgroup') })),
      ).toBe(605);
      expect(
        await codeOf(searchMessages(stranger, 'budget', { conversation: conversationId('room', 'nosuchroom') })),
      ).toBe(4043);
      await bob.leaveGroup(group.groupId);
      expect(texts(await searchMessages(bob, 'budget'))).toEqual([]);
      expect(
        await codeOf(searchMessages(bob, 'budget', { conversation: conversationId('group', group.groupId) })),
      ).toBe(602);
      expect(
        texts(await searchMessages(alice, 'budget', { conversation: conversationId('group', group.groupId) })),
      ).toEqual(['group budget talk']);
      expect(await codeOf(searchMessages(alice, ''))).toBe(4002);
    });
  });

  describe('history around a message', () => {
    const s = useSession(factory);

    it('returns the target with its neighbours on both sides, and newer pages after it', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob } = await s.client(b);
      const to = conversationId('single', b);
      const sent = [];
      for (let i = 1; i <= 30; i++) sent.push(await alice.sendText(to, `m${i}`));
      const target = sent[14]!;
      const w = await historyAround(bob, target.serverId, { limit: 5 });
      expect(w.seq).toBe(target.seq);
      expect(w.messages.map((m) => m.seq)).toEqual(
        [20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10].map((d) => target.seq - 15 + d),
      );
      expect(w).toMatchObject({ hasOlder: true, hasNewer: true });
      const newer = await historyAfter(bob, conversationId('single', a), target.seq + 5, { limit: 100 });
      expect(newer.messages.map((m) => m.seq)).toEqual(sent.slice(20).map((m) => m.seq));
      expect(newer.hasNewer).toBe(false);
      const edge = await historyAround(bob, sent[29]!.serverId, { limit: 3 });
      expect(edge).toMatchObject({ hasNewer: false, hasOlder: true });
    });

    it('refuses a message of a conversation the user is not in (508) and one they cleared', async () => {
      const [a, b, x] = s.users('alice', 'bob', 'stranger');
      const { c: alice } = await s.client(a);
      const { c: bob } = await s.client(b);
      const { c: stranger } = await s.client(x);
      const m = await alice.sendText(conversationId('single', b), 'hello');
      expect(await codeOf(historyAround(stranger, m.serverId))).toBe(508);
      const group = await alice.createGroup({ name: 'g', members: [b] });
      const gm = await alice.sendText(conversationId('group', group.groupId), 'group hello');
      expect(await codeOf(historyAround(stranger, gm.serverId))).toBe(602);
      await bob.deleteConversation(conversationId('single', a), { deleteHistory: true });
      expect(await codeOf(historyAround(bob, m.serverId))).toBe(508);
    });
  });
}
