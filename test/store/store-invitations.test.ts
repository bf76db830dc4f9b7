import { afterEach, describe, expect, it } from 'vitest';
import type { ChatEvent } from '../../src/protocol/frames';
import { createManualClock } from '../../src/server/clock';
import { createHarness, until, type Harness } from './chat-harness';

let h: Harness;
afterEach(() => h?.close());

describe('invitations in the store', () => {
  it('lists an invitation as outgoing for the inviter and incoming for the invitee, with the server deadline', async () => {
    h = createHarness();
    const alice = await h.session('alice');
    const bob = await h.session('bob');
    const { invitation } = await alice.client.invite('bob', { timeout: 30, data: '{"call":"video"}' });
    await until(() => bob.store.getState().invitations.incoming[0] === invitation.inviteId, 'incoming at bob');
    await until(() => alice.store.getState().invitations.outgoing[0] === invitation.inviteId, 'outgoing at alice');
    const atBob = bob.store.getState().invitations.byId[invitation.inviteId];
    expect(atBob?.deadline).toBe(invitation.deadline);
    expect(invitation.deadline).toBe(invitation.createdAt + 30_000);
    expect(bob.store.getState().invitations.outgoing).toEqual([]);
  });

  it('removes it everywhere when the invitee accepts on another device, and a replayed invite does not reopen it', async () => {
    h = createHarness();
    const alice = await h.session('alice');
    const bobLaptop = await h.session('bob');
    const bobPhone = await h.session('bob', { device: 'phone' });
    const seen: ChatEvent[] = [];
    bobLaptop.client.on('invitation', (e) => seen.push(e));
    const { invitation } = await alice.client.invite('bob', { timeout: 30 });
    await until(() => bobLaptop.store.getState().invitations.incoming.length === 1, 'ringing on the laptop');
    await bobPhone.client.acceptInvitation(invitation.inviteId);
    await until(() => bobLaptop.store.getState().invitations.incoming.length === 0, 'gone from the laptop');
    await until(() => alice.store.getState().invitations.outgoing.length === 0, 'gone from the inviter');
    expect(bobLaptop.store.getState().invitations.byId[invitation.inviteId]?.states.bob).toBe('accepted');
    const invite = seen.find((e) => e.type === 'invitation' && e.action === 'invite');
    expect(invite).toBeDefined();
    bobLaptop.store.apply([{ kind: 'event', event: invite as ChatEvent }]);
    expect(bobLaptop.store.getState().invitations.incoming).toEqual([]);
  });

  it('removes it when the inviter cancels, and when the invitee rejects', async () => {
    h = createHarness();
    const alice = await h.session('alice');
    const bob = await h.session('bob');
    const first = await alice.client.invite('bob', { timeout: 30 });
    await until(() => bob.store.getState().invitations.incoming.length === 1, 'first ringing');
    await alice.client.cancelInvitation(first.invitation.inviteId);
    await until(() => bob.store.getState().invitations.incoming.length === 0, 'cancelled at bob');
    await until(() => alice.store.getState().invitations.outgoing.length === 0, 'cancelled at alice');

    const second = await alice.client.invite('bob', { timeout: 30 });
    await until(() => bob.store.getState().invitations.incoming.length === 1, 'second ringing');
    await bob.client.rejectInvitation(second.invitation.inviteId);
    await until(() => alice.store.getState().invitations.outgoing.length === 0, 'rejected at alice');
    await until(() => bob.store.getState().invitations.incoming.length === 0, 'rejected at bob');
    expect(alice.store.getState().invitations.byId[second.invitation.inviteId]?.states.bob).toBe('rejected');
  });

  it('removes it on both sides when the server times it out', async () => {
    const clock = createManualClock();
    h = createHarness({ clock });
    const alice = await h.session('alice');
    const bob = await h.session('bob');
    const { invitation } = await alice.client.invite('bob', { timeout: 10 });
    await until(() => bob.store.getState().invitations.incoming.length === 1, 'ringing');
    clock.advance(10_001);
    await until(() => bob.store.getState().invitations.incoming.length === 0, 'timed out at bob');
    await until(() => alice.store.getState().invitations.outgoing.length === 0, 'timed out at alice');
    expect(bob.store.getState().invitations.byId[invitation.inviteId]?.states.bob).toBe('timeout');
  });
});
