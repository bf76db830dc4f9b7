// Conformance: per-conversation mute. A user mutes a conversation until a
// time or for good: every device of theirs hears it, the conversation list
// (read again by a new device) shows it until it ends, unmute clears it,
// unread still counts, and a bad conversation or a past end time is refused
// with 4002.
import { describe, expect, it } from 'vitest';
import { conversationId } from '../../src/protocol/ids';
import type { HarnessFactory } from './harness';
import { codeOf, useSession } from './support';

export function muteSuite(factory: HarnessFactory): void {
  describe('mute', () => {
    const s = useSession(factory);

    it('mute for good and until a time: every device hears it, the list shows it, unmute clears it', async () => {
      const [a, b, g] = s.users('alice', 'bob', 'group');
      const { c: alice } = await s.client(a);
      const { c: phone, rec: phoneRec } = await s.client(a);
      const { c: bob } = await s.client(b);
      await bob.sendText(conversationId('single', a), 'hello');
      await alice.createGroup({ groupId: g, name: 'G', members: [b] });
      await bob.sendText(conversationId('group', g), 'hi all');

      await alice.muteConversation(conversationId('single', b));
      const until = alice.serverNow() + 3_600_000;
      await alice.muteConversation(conversationId('group', g), until);
      const heard = await phoneRec.waitFor('conversationMute', (e) => e.conversation === conversationId('group', g));
      expect(heard.mute).toEqual({ until });
      expect(
        phoneRec.all('conversationMute').find((e) => e.conversation === conversationId('single', b))?.mute,
      ).toEqual({});

      const { c: laptop } = await s.client(a);
      const list = await laptop.conversations();
      const byId = new Map(list.map((c) => [c.id, c]));
      expect(byId.get(conversationId('single', b))?.mute).toEqual({});
      expect(byId.get(conversationId('group', g))?.mute).toEqual({ until });
      // A muted conversation still counts what is unread.
      await bob.sendText(conversationId('single', a), 'still counted');
      expect((await laptop.conversations()).find((c) => c.id === conversationId('single', b))?.unread).toBe(2);

      await alice.unmuteConversation(conversationId('single', b));
      const cleared = await phoneRec.waitFor(
        'conversationMute',
        (e) => e.conversation === conversationId('single', b) && e.mute === null,
      );
      expect(cleared.mute).toBeNull();
      const after = await phone.conversations();
      expect(after.find((c) => c.id === conversationId('single', b))?.mute).toBeUndefined();
      expect(after.find((c) => c.id === conversationId('group', g))?.mute).toEqual({ until });
    });

    it('refuses a bad conversation id and an end time already past (4002)', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      expect(await codeOf(alice.muteConversation('nope' as never))).toBe(4002);
      expect(await codeOf(alice.muteConversation(conversationId('single', b), alice.serverNow() - 1000))).toBe(4002);
      expect(await codeOf(alice.muteConversation(conversationId('single', b), 1.5))).toBe(4002);
      expect((await alice.conversations()).find((c) => c.id === conversationId('single', b))).toBeUndefined();
    });
  });
}
