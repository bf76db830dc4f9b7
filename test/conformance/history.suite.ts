// Conformance: roaming history in pages before a cursor, newest first, for
// members only.
import { describe, expect, it } from 'vitest';
import { conversationId } from '../../src/protocol/ids';
import type { HarnessFactory } from './harness';
import { codeOf, useSession } from './support';

export function historySuite(factory: HarnessFactory): void {
  describe('history', () => {
    const s = useSession(factory);

    it('pages backwards from the newest with a cursor until there is no more', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob } = await s.client(b);
      const sent = [];
      for (let i = 0; i < 25; i++) sent.push(await alice.sendText(conversationId('single', b), `m${i}`));
      const seen: string[] = [];
      let before: number | undefined;
      let pages = 0;
      for (;;) {
        const page = await bob.history(conversationId('single', a), {
          limit: 10,
          ...(before !== undefined ? { before } : {}),
        });
        pages++;
        expect(page.messages.length).toBeLessThanOrEqual(10);
        for (let i = 1; i < page.messages.length; i++)
          expect(page.messages[i - 1]!.seq).toBeGreaterThan(page.messages[i]!.seq);
        seen.push(...page.messages.map((m) => m.serverId));
        if (!page.hasMore || page.cursor === null) break;
        before = page.cursor;
        expect(pages).toBeLessThan(10);
      }
      expect(pages).toBe(3);
      expect(seen).toEqual([...sent].reverse().map((m) => m.serverId));
    });

    it('group history is for members only (602); an unknown group is 605', async () => {
      const [a, b, c] = s.users('alice', 'bob', 'carol');
      const { c: alice } = await s.client(a);
      await s.client(b);
      const { c: carol } = await s.client(c);
      const group = await alice.createGroup({ name: 'private', members: [b] });
      await alice.sendText(conversationId('group', group.groupId), 'members only');
      expect(await codeOf(carol.history(conversationId('group', group.groupId)))).toBe(602);
      expect(await codeOf(carol.history(conversationId('group', 'nosuchgroup')))).toBe(605);
    });
  });
}
