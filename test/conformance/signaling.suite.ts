// Conformance: call invitations with the server as the authority — invite,
// inviteInGroup, cancel, accept, reject, modify, get; server-fired timeouts
// for both sides; first answer wins (8010 for the rest); permission checks;
// onlineUserOnly stores nothing; excludeFromHistoryMessage leaves unread and
// the last message alone; every other step is a signaling message in history.
import { describe, expect, it } from 'vitest';
import { conversationId } from '../../src/protocol/ids';
import { signalingInfo } from '../../src/protocol/message';
import type { HarnessFactory } from './harness';
import { codeOf, settle, useSession } from './support';

export function signalingSuite(factory: HarnessFactory): void {
  describe('signaling', () => {
    const s = useSession(factory);

    it('invite: the invitee is told, can read the invitation, and the step is a signaling message in history', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      const { invitation, message } = await alice.invite(b, { data: '{"call":"video"}', timeout: 30 });
      expect(invitation).toMatchObject({
        inviter: a,
        invitees: [b],
        data: '{"call":"video"}',
        timeout: 30,
        onlineUserOnly: false,
        states: { [b]: 'pending' },
      });
      expect(invitation.deadline).not.toBeNull();
      expect(signalingInfo(message!)).toMatchObject({
        action: 'invite',
        inviteId: invitation.inviteId,
        inviter: a,
        invitees: [b],
      });

      const e = await bobRec.waitFor('invitation', (x) => x.invitation.inviteId === invitation.inviteId);
      expect(e).toMatchObject({ action: 'invite', by: a });
      expect(await bob.invitation(invitation.inviteId)).toMatchObject({
        inviteId: invitation.inviteId,
        states: { [b]: 'pending' },
      });
      expect((await bob.pendingInvitations()).map((i) => i.inviteId)).toContain(invitation.inviteId);
      const page = await bob.history(conversationId('single', a));
      const infos = page.messages.map((m) => signalingInfo(m)).filter((x) => x !== null);
      expect(infos.map((i) => [i.action, i.inviteId])).toEqual([['invite', invitation.inviteId]]);
    });

    it('offlinePushInfo is kept with the invitation', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const offlinePushInfo = {
        title: 'Incoming call',
        description: 'alice is calling',
        disablePush: false,
        extension: '{"k":1}',
      };
      const { invitation } = await alice.invite(b, { timeout: 30, offlinePushInfo });
      expect(invitation.offlinePushInfo).toEqual(offlinePushInfo);
      const { c: bob } = await s.client(b);
      expect((await bob.invitation(invitation.inviteId)).offlinePushInfo).toEqual(offlinePushInfo);
    });

    it("accept: the inviter and the invitee's other device are told; a second answer gets 8010", async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice, rec: aliceRec } = await s.client(a);
      const { c: bob } = await s.client(b);
      const { rec: bobOther } = await s.client(b);
      const { invitation } = await alice.invite(b, { timeout: 30 });
      const accepted = await bob.acceptInvitation(invitation.inviteId, 'ok!');
      expect(accepted.invitation.states[b]).toBe('accepted');
      expect(signalingInfo(accepted.message!)).toMatchObject({ action: 'accept', invitee: b });
      expect(
        await aliceRec.waitFor(
          'invitation',
          (e) => e.action === 'accept' && e.invitation.inviteId === invitation.inviteId,
        ),
      ).toMatchObject({ by: b, data: 'ok!' });
      await bobOther.waitFor(
        'invitation',
        (e) => e.action === 'accept' && e.invitation.inviteId === invitation.inviteId,
      );
      expect(await codeOf(bob.rejectInvitation(invitation.inviteId))).toBe(8010);
      expect(await codeOf(alice.cancelInvitation(invitation.inviteId))).toBe(8010);
    });

    it('reject: the inviter is told and the invitation is closed', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice, rec: aliceRec } = await s.client(a);
      const { c: bob } = await s.client(b);
      const { invitation } = await alice.invite(b, { timeout: 30 });
      const rejected = await bob.rejectInvitation(invitation.inviteId, 'busy');
      expect(rejected.invitation.states[b]).toBe('rejected');
      expect(await aliceRec.waitFor('invitation', (e) => e.action === 'reject')).toMatchObject({ by: b, data: 'busy' });
      expect(await codeOf(bob.acceptInvitation(invitation.inviteId))).toBe(8010);
    });

    it('cancel: only the inviter may cancel; the invitee is told and can no longer accept', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      const { invitation } = await alice.invite(b, { timeout: 30 });
      expect(await codeOf(bob.cancelInvitation(invitation.inviteId))).toBe(8020);
      const cancelled = await alice.cancelInvitation(invitation.inviteId, 'never mind');
      expect(cancelled.invitation.states[b]).toBe('cancelled');
      expect(await bobRec.waitFor('invitation', (e) => e.action === 'cancel')).toMatchObject({
        by: a,
        data: 'never mind',
      });
      expect(await codeOf(bob.acceptInvitation(invitation.inviteId))).toBe(8010);
    });

    it('a user who is not an invitee cannot accept or reject (8011), nor read it; an unknown inviteId is 8010', async () => {
      const [a, b, c] = s.users('alice', 'bob', 'mallory');
      const { c: alice } = await s.client(a);
      await s.client(b);
      const { c: mallory } = await s.client(c);
      const { invitation } = await alice.invite(b, { timeout: 30 });
      expect(await codeOf(mallory.acceptInvitation(invitation.inviteId))).toBe(8011);
      expect(await codeOf(mallory.rejectInvitation(invitation.inviteId))).toBe(8011);
      expect(await codeOf(mallory.cancelInvitation(invitation.inviteId))).toBe(8020);
      expect(await codeOf(mallory.invitation(invitation.inviteId))).toBe(8011);
      expect(await codeOf(mallory.acceptInvitation('no-such-invitation'))).toBe(8010);
      expect((await alice.invitation(invitation.inviteId)).states[b]).toBe('pending');
    });

    it('two accepts racing from two devices of the invitee: exactly one wins, the other gets 8010', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob1 } = await s.client(b);
      const { c: bob2 } = await s.client(b);
      const { invitation } = await alice.invite(b, { timeout: 30 });
      const results = await Promise.allSettled([
        bob1.acceptInvitation(invitation.inviteId),
        bob2.acceptInvitation(invitation.inviteId),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = results.find((r) => r.status === 'rejected');
      expect((lost as PromiseRejectedResult).reason).toMatchObject({ code: 8010 });
    });

    it('modify changes the data of an invitation and tells the other side; someone outside it gets 8011', async () => {
      const [a, b, c] = s.users('alice', 'bob', 'mallory');
      const { c: alice } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      const { c: mallory } = await s.client(c);
      const { invitation } = await alice.invite(b, { data: 'v1', timeout: 30 });
      const modified = await alice.modifyInvitation(invitation.inviteId, 'v2');
      expect(modified.invitation.data).toBe('v2');
      expect(await bobRec.waitFor('invitation', (e) => e.action === 'modify')).toMatchObject({ by: a });
      expect((await bob.invitation(invitation.inviteId)).data).toBe('v2');
      expect(await codeOf(mallory.modifyInvitation(invitation.inviteId, 'hijack'))).toBe(8011);
      expect((await alice.invitation(invitation.inviteId)).data).toBe('v2');
      const page = await bob.history(conversationId('single', a));
      expect(page.messages.map((m) => signalingInfo(m)?.action)).toContain('modify');
    });

    it("modify is the inviter's, and only while the invitation is open: an invitee gets 8011, anyone after the answer 8010", async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob } = await s.client(b);
      const { invitation } = await alice.invite(b, { data: 'v1', timeout: 30 });
      expect(await codeOf(bob.modifyInvitation(invitation.inviteId, 'invitee edit'))).toBe(8011);
      await bob.acceptInvitation(invitation.inviteId);
      expect(await codeOf(alice.modifyInvitation(invitation.inviteId, 'after the answer'))).toBe(8010);
      expect(await codeOf(bob.modifyInvitation(invitation.inviteId, 'after the answer'))).toBe(8011);
      expect((await alice.invitation(invitation.inviteId)).data).toBe('v1');
    });

    it('inviteInGroup: each invitee answers for themselves and the inviter hears each answer', async () => {
      const [a, b, c] = s.users('alice', 'bob', 'carol');
      const { c: alice, rec: aliceRec } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      const { c: carol, rec: carolRec } = await s.client(c);
      const group = await alice.createGroup({ name: 'call', members: [b, c] });
      const { invitation, message } = await alice.inviteInGroup(group.groupId, [b, c], {
        data: 'standup',
        timeout: 60,
      });
      expect(invitation).toMatchObject({
        groupId: group.groupId,
        invitees: [b, c],
        states: { [b]: 'pending', [c]: 'pending' },
      });
      expect(message?.chatType).toBe('group');
      await bobRec.waitFor('invitation', (e) => e.action === 'invite');
      await carolRec.waitFor('invitation', (e) => e.action === 'invite');
      await bob.acceptInvitation(invitation.inviteId);
      await carol.rejectInvitation(invitation.inviteId);
      await aliceRec.waitFor('invitation', (e) => e.action === 'accept' && e.invitee === b);
      await aliceRec.waitFor('invitation', (e) => e.action === 'reject' && e.invitee === c);
      expect((await alice.invitation(invitation.inviteId)).states).toEqual({ [b]: 'accepted', [c]: 'rejected' });
      const page = await alice.history(conversationId('group', group.groupId));
      expect(
        page.messages
          .map((m) => signalingInfo(m)?.action)
          .filter(Boolean)
          .reverse(),
      ).toEqual(['invite', 'accept', 'reject']);
    });

    it('the server times an unanswered invitation out for both sides, even after the inviter closed', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice, rec: aliceRec } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      // Half a minute's margin each side: on the real-clock harnesses, time passes between the steps.
      const { invitation } = await alice.invite(b, { timeout: 60 });
      alice.close();
      await s.h.advance(30_000);
      await settle(bob);
      expect(bobRec.all('invitation', (e) => e.action === 'timeout')).toEqual([]);
      await s.h.advance(31_000);
      const atBob = await bobRec.waitFor(
        'invitation',
        (e) => e.action === 'timeout' && e.invitation.inviteId === invitation.inviteId,
      );
      expect(atBob.invitee).toBe(b);
      await alice.connect();
      await aliceRec.waitFor(
        'invitation',
        (e) => e.action === 'timeout' && e.invitation.inviteId === invitation.inviteId,
      );
      expect((await alice.invitation(invitation.inviteId)).states[b]).toBe('timeout');
      expect(await codeOf(bob.acceptInvitation(invitation.inviteId))).toBe(8010);
      const page = await bob.history(conversationId('single', a));
      expect(page.messages.map((m) => signalingInfo(m)?.action)).toContain('timeout');
    });

    it('timeout 0 never times out', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob } = await s.client(b);
      const { invitation } = await alice.invite(b, { timeout: 0 });
      expect(invitation.deadline).toBeNull();
      // Longer than any timeout used elsewhere.
      await s.h.advance(120_000);
      expect((await bob.acceptInvitation(invitation.inviteId)).invitation.states[b]).toBe('accepted');
    });

    it('onlineUserOnly reaches connected invitees only, stores nothing, and cannot be modified', async () => {
      const [a, b, c] = s.users('alice', 'bob', 'carol');
      const { c: alice } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      const { invitation, message } = await alice.invite(b, { onlineUserOnly: true, timeout: 30 });
      expect(message).toBeNull();
      expect(invitation.onlineUserOnly).toBe(true);
      await bobRec.waitFor('invitation', (e) => e.action === 'invite' && e.invitation.inviteId === invitation.inviteId);
      const accepted = await bob.acceptInvitation(invitation.inviteId);
      expect(accepted.message).toBeNull();
      expect((await bob.history(conversationId('single', a))).messages).toEqual([]);
      expect((await bob.conversations()).find((x) => x.id === conversationId('single', a))?.unread ?? 0).toBe(0);
      const second = await alice.invite(b, { onlineUserOnly: true, timeout: 30 });
      expect(await codeOf(alice.modifyInvitation(second.invitation.inviteId, 'x'))).toBe(8011);

      const { c: carol, rec: carolRec } = s.offline(c);
      await alice.invite(c, { onlineUserOnly: true, timeout: 30 });
      await carol.connect();
      await settle(carol);
      expect(carolRec.all('invitation')).toEqual([]);
    });

    it('excludeFromHistoryMessage leaves unread and the last message untouched', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      const text = await alice.sendText(conversationId('single', b), 'before the call');
      const { invitation } = await alice.invite(b, {
        data: JSON.stringify({ excludeFromHistoryMessage: true }),
        timeout: 30,
      });
      await bobRec.waitFor('invitation', (e) => e.invitation.inviteId === invitation.inviteId);
      await settle(bob);
      const conv = (await bob.conversations()).find((x) => x.id === conversationId('single', a));
      expect(conv?.unread).toBe(1);
      expect(conv?.lastMessage?.serverId).toBe(text.serverId);
    });
  });
}
