// Conformance: deletes beyond recall. For me: the message leaves this user's
// history on every device (the peer keeps it; jump windows and newer pages
// leave it out too, a jump to it is 508), an unread one stops counting,
// a hidden last message is replaced in the list. For everyone: the author
// within the delete window (4092 after), a group's owner/admins at any time,
// nobody else (510); the tombstone takes its reactions and pins with it, and
// replies quoting it show nothing of it.
import { describe, expect, it } from 'vitest';
import { conversationId } from '../../src/protocol/ids';
import { FEATURE_WINDOWS, type HarnessFactory } from './harness';
import { historyAfter, historyAround } from '../../src/client/people';
import { codeOf, useSession } from './support';

export function deletesSuite(factory: HarnessFactory): void {
  describe('delete for me / for everyone', () => {
    const s = useSession(factory);

    it('delete for me: gone from my history on both devices, the peer keeps it, unread and the last message follow', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      const { rec: bobOther } = await s.client(b);
      const keep = await alice.sendText(conversationId('single', b), 'keep');
      const drop = await alice.sendText(conversationId('single', b), 'drop');
      await bobRec.waitFor('message', (e) => e.message.serverId === drop.serverId);
      expect(await bob.deleteMessage(drop.serverId, 'me')).toBeNull();
      await bobOther.waitFor(
        'messageHidden',
        (e) => e.serverId === drop.serverId && e.conversation === conversationId('single', a),
      );
      const readState = await bobOther.waitFor('readState', (e) => e.conversation === conversationId('single', a));
      expect(readState.unread).toBe(1);
      const page = await bob.history(conversationId('single', a));
      expect(page.messages.map((m) => m.serverId)).toEqual([keep.serverId]);
      const summary = (await bob.conversations()).find((c) => c.id === conversationId('single', a));
      expect(summary).toMatchObject({ unread: 1, lastMessage: { serverId: keep.serverId } });
      await bob.markRead(conversationId('single', a), keep.seq);
      expect((await bob.conversations()).find((c) => c.id === conversationId('single', a))?.unread).toBe(0);
      expect((await alice.history(conversationId('single', b))).messages).toHaveLength(2);
      expect(await bob.deleteMessage(drop.serverId, 'me')).toBeNull();
    });

    it('delete for me holds in jump windows and newer pages too: the message is left out, and jumping to it is 508', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob } = await s.client(b);
      const to = conversationId('single', b);
      const first = await alice.sendText(to, 'first');
      const drop = await alice.sendText(to, 'drop');
      const last = await alice.sendText(to, 'last');
      await bob.deleteMessage(drop.serverId, 'me');
      const ids = (ms: { serverId: string }[]) => ms.map((m) => m.serverId);
      expect(ids((await historyAround(bob, last.serverId)).messages)).toEqual([last.serverId, first.serverId]);
      expect(ids((await historyAfter(bob, conversationId('single', a), first.seq)).messages)).toEqual([last.serverId]);
      expect(await codeOf(historyAround(bob, drop.serverId))).toBe(508);
      // Alice did not delete it: her windows keep it.
      expect(ids((await historyAround(alice, drop.serverId)).messages)).toEqual([
        last.serverId,
        drop.serverId,
        first.serverId,
      ]);
    });

    it('delete for everyone by the author: a tombstone marked deleted for every member, reactions and pins gone', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      const m = await alice.sendText(conversationId('single', b), 'regret');
      const reply = await bob.sendText(conversationId('single', a), 'what?', { replyTo: m.serverId });
      await bob.react(m.serverId, '😂');
      await bob.pin(m.serverId);
      await s.h.advance(5 * 60_000);
      const tombstone = await alice.deleteMessage(m.serverId, 'everyone');
      expect(tombstone?.body).toMatchObject({ type: 'recalled', by: a, deleted: true });
      const live = await bobRec.waitFor('recall', (e) => e.message.serverId === m.serverId);
      expect(live.message.reactions).toBeUndefined();
      const pinsEvent = await bobRec.waitFor('pins', (e) => e.pins.length === 0);
      expect(pinsEvent.conversation).toBe(conversationId('single', a));
      expect((await bob.pins(conversationId('single', a))).pins).toEqual([]);
      const page = await bob.history(conversationId('single', a));
      expect(page.messages.find((x) => x.serverId === m.serverId)?.body.type).toBe('recalled');
      expect(page.messages.find((x) => x.serverId === reply.serverId)?.reply).toMatchObject({
        serverId: m.serverId,
        text: '',
        gone: true,
      });
    });

    it('an unread message deleted for everyone stops counting, once', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob } = await s.client(b);
      await alice.sendText(conversationId('single', b), 'one');
      const two = await alice.sendText(conversationId('single', b), 'two');
      await bob.deleteMessage(two.serverId, 'me');
      await Promise.all([alice.deleteMessage(two.serverId, 'everyone'), alice.deleteMessage(two.serverId, 'everyone')]);
      expect((await bob.conversations()).find((c) => c.id === conversationId('single', a))?.unread).toBe(1);
      await bob.markRead(conversationId('single', a), 1);
      expect((await bob.conversations()).find((c) => c.id === conversationId('single', a))?.unread).toBe(0);
    });

    it('in a group the owner and admins delete anyone’s message; a member deletes only their own (510)', async () => {
      const [owner, admin, m1, m2] = s.users('owner', 'admin', 'member', 'other');
      const { c: o } = await s.client(owner);
      const { c: ad } = await s.client(admin);
      const { c: c1 } = await s.client(m1);
      const { c: c2, rec: rec2 } = await s.client(m2);
      const g = await o.createGroup({ name: 'g', members: [admin, m1, m2] });
      await o.setGroupAdmin(g.groupId, admin, true);
      const spam = await c1.sendText(conversationId('group', g.groupId), 'spam');
      const other = await c1.sendText(conversationId('group', g.groupId), 'more spam');
      expect(await codeOf(c2.deleteMessage(spam.serverId, 'everyone'))).toBe(510);
      await s.h.advance(FEATURE_WINDOWS.deleteWindowMs + 1000);
      expect((await ad.deleteMessage(spam.serverId, 'everyone'))?.body).toMatchObject({ deleted: true, by: admin });
      expect((await o.deleteMessage(other.serverId, 'everyone'))?.body).toMatchObject({ deleted: true, by: owner });
      await rec2.waitFor('recall', (e) => e.message.serverId === other.serverId);
    });

    it('the author’s delete window: inside it passes, after it 4092; signaling steps are refused (510)', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const early = await alice.sendText(conversationId('single', b), 'early');
      const late = await alice.sendText(conversationId('single', b), 'late');
      // Margins of 30 s: on a cluster the nodes' clocks are real time plus the offset, and a loaded
      // machine can take more than a second between the send and the next step (one did).
      await s.h.advance(FEATURE_WINDOWS.deleteWindowMs - 30_000);
      await alice.deleteMessage(early.serverId, 'everyone');
      await s.h.advance(60_000);
      expect(await codeOf(alice.deleteMessage(late.serverId, 'everyone'))).toBe(4092);
      const { message } = await alice.invite(b, { data: 'call' });
      expect(await codeOf(alice.deleteMessage(message!.serverId, 'everyone'))).toBe(510);
    });

    it('a stranger can delete nothing, not even for themselves (508)', async () => {
      const [a, b, eve] = s.users('alice', 'bob', 'eve');
      const { c: alice } = await s.client(a);
      const { c: mallory } = await s.client(eve);
      const m = await alice.sendText(conversationId('single', b), 'private');
      expect(await codeOf(mallory.deleteMessage(m.serverId, 'me'))).toBe(508);
      expect(await codeOf(mallory.deleteMessage(m.serverId, 'everyone'))).toBe(508);
    });
  });
}
