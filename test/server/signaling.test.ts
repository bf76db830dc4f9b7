import { describe, expect, it } from 'vitest';
import { createEmbeddedServer } from '../../src/server/embedded-server';
import { createManualClock } from '../../src/server/clock';
import { createServerCore } from '../../src/server/server-core';
import { MemoryStorage } from '../../src/server/memory-storage';
import { createLoopbackTransport } from '../../src/server/loopback-transport';
import { signalingInfo } from '../../src/protocol/message';
import type { PushNotice } from '../../src/server/server-options';
import { login } from './raw-client';

/** Lets timer work the core started (it runs on promises) finish. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

async function setup(extra: Parameters<typeof createEmbeddedServer>[0] = {}) {
  const clock = createManualClock();
  const server = createEmbeddedServer({ clock, ...extra });
  const alice = await login(server.connect(), 'alice', { device: 'a1' });
  const bob = await login(server.connect(), 'bob', { device: 'b1' });
  return { clock, server, alice, bob };
}

describe('signaling with the server as authority', () => {
  it('invite and accept are server-stamped signal messages in history and events to both sides', async () => {
    const { alice, bob } = await setup();
    const inv = await alice.ok('sig.invite', { invitees: ['bob'], data: '{"call":"video"}', timeout: 30 });
    expect(inv.invitation).toMatchObject({
      inviter: 'alice',
      invitees: ['bob'],
      states: { bob: 'pending' },
      timeout: 30,
      onlineUserOnly: false,
    });
    expect(signalingInfo(inv.message!)).toMatchObject({
      action: 'invite',
      inviteId: inv.invitation.inviteId,
      data: '{"call":"video"}',
    });
    await bob.sync();
    expect(bob.eventsOf('invitation')[0]).toMatchObject({ action: 'invite', by: 'alice', message: inv.message });
    expect(bob.eventsOf('message')[0]?.message).toEqual(inv.message);
    const acc = await bob.ok('sig.accept', { inviteId: inv.invitation.inviteId, data: 'ok' });
    expect(acc.invitation.states).toEqual({ bob: 'accepted' });
    expect(acc.message).toMatchObject({
      from: 'bob',
      to: 'alice',
      body: { type: 'signal', action: 'accept', invitee: 'bob' },
    });
    await alice.sync();
    expect(alice.eventsOf('invitation').map((e) => [e.action, e.by, e.invitee])).toEqual([
      ['invite', 'alice', undefined],
      ['accept', 'bob', 'bob'],
    ]);
    const history = await alice.ok('history', { conversation: 'single:bob' });
    expect(history.messages.map((m) => signalingInfo(m)?.action)).toEqual(['accept', 'invite']);
  });

  it('two accepts racing from two devices: the first wins, the second gets 8010; the other device is told', async () => {
    const { server, alice, bob } = await setup();
    const bob2 = await login(server.connect(), 'bob', { device: 'b2' });
    const { invitation } = await alice.ok('sig.invite', { invitees: ['bob'] });
    const [a, b] = await Promise.all([
      bob.call('sig.accept', { inviteId: invitation.inviteId }),
      bob2.call('sig.reject', { inviteId: invitation.inviteId }),
    ]);
    expect(a.t).toBe('ok');
    expect(b).toMatchObject({ t: 'err', code: 8010 });
    await bob2.sync();
    expect(bob2.eventsOf('invitation').map((e) => e.action)).toEqual(['invite', 'accept']);
    expect(await bob.code('sig.reject', { inviteId: invitation.inviteId })).toBe(8010);
  });

  it('refuses a non-invitee’s accept (8011), a non-inviter’s cancel (8020) and unknown ids (8010)', async () => {
    const { server, alice, bob } = await setup();
    const eve = await login(server.connect(), 'eve');
    const { invitation } = await alice.ok('sig.invite', { invitees: ['bob'] });
    expect(await eve.code('sig.accept', { inviteId: invitation.inviteId })).toBe(8011);
    expect(await bob.code('sig.cancel', { inviteId: invitation.inviteId })).toBe(8020);
    expect(await eve.code('sig.get', { inviteId: invitation.inviteId })).toBe(8011);
    expect(await bob.code('sig.accept', { inviteId: 'no-such-invite' })).toBe(8010);
    const cancelled = await alice.ok('sig.cancel', { inviteId: invitation.inviteId });
    expect(cancelled.invitation.states).toEqual({ bob: 'cancelled' });
    expect(await bob.code('sig.accept', { inviteId: invitation.inviteId })).toBe(8010);
    expect(await alice.code('sig.cancel', { inviteId: invitation.inviteId })).toBe(8010);
  });

  it('times out by the server clock and tells both sides, even when the inviter has gone', async () => {
    const { clock, server, alice, bob } = await setup();
    const { invitation } = await alice.ok('sig.invite', { invitees: ['bob'], timeout: 30 });
    const seen = alice.lastPos();
    alice.close();
    clock.advance(29_999);
    await settle();
    await bob.sync();
    expect(bob.eventsOf('invitation').map((e) => e.action)).toEqual(['invite']);
    clock.advance(1);
    await settle();
    await bob.sync();
    expect(bob.eventsOf('invitation').at(-1)).toMatchObject({
      action: 'timeout',
      invitee: 'bob',
      invitation: { states: { bob: 'timeout' } },
    });
    expect(await bob.code('sig.accept', { inviteId: invitation.inviteId })).toBe(8010);
    const back = await login(server.connect(), 'alice', { device: 'a1', resume: seen });
    await back.sync();
    expect(back.eventsOf('invitation').map((e) => e.action)).toEqual(['timeout']);
    expect(signalingInfo(back.eventsOf('message')[0]!.message)).toMatchObject({ action: 'timeout', invitee: 'bob' });
  });

  it('start() times out invitations whose deadline passed while the server was down', async () => {
    const clock = createManualClock();
    const storage = new MemoryStorage();
    const core1 = createServerCore({ clock, storage, rateLimit: false });
    core1.start();
    await settle();
    const alice = await login(createLoopbackTransport(core1), 'alice');
    await alice.ok('sig.invite', { invitees: ['bob'], timeout: 10 });
    core1.close();
    clock.advance(60_000);
    await settle();
    expect(storage.listOpenInvitations('bob')).toHaveLength(1);
    const core2 = createServerCore({ clock, storage, rateLimit: false });
    core2.start();
    await settle();
    expect(storage.listOpenInvitations('bob')).toHaveLength(0);
    const bob = await login(createLoopbackTransport(core2), 'bob', { resume: 0 });
    await bob.sync();
    expect(bob.eventsOf('invitation').map((e) => e.action)).toEqual(['invite', 'timeout']);
  });

  it('onlineUserOnly: only connected sessions hear it, no message, no position, modify refused', async () => {
    const { server, alice, bob } = await setup();
    const inv = await alice.ok('sig.invite', { invitees: ['bob'], onlineUserOnly: true, timeout: 5 });
    expect(inv.message).toBeNull();
    await bob.sync();
    const evt = bob.events.find((e) => e.e.type === 'invitation');
    expect(evt?.pos).toBeUndefined();
    expect(bob.eventsOf('message')).toEqual([]);
    expect(await alice.code('sig.modify', { inviteId: inv.invitation.inviteId, data: 'x' })).toBe(8011);
    const carolOffline = await alice.ok('sig.invite', { invitees: ['carol'], onlineUserOnly: true });
    const carol = await login(server.connect(), 'carol', { resume: 0 });
    await carol.sync();
    expect(carol.events).toEqual([]);
    expect((await carol.ok('sig.pending', {})).invitations.map((i) => i.inviteId)).toEqual([
      carolOffline.invitation.inviteId,
    ]);
    expect((await alice.ok('history', { conversation: 'single:bob' })).messages).toEqual([]);
  });

  it('onlineUserOnly invitations also time out by the server clock', async () => {
    const { clock, alice, bob } = await setup();
    await alice.ok('sig.invite', { invitees: ['bob'], onlineUserOnly: true, timeout: 5 });
    clock.advance(5000);
    await settle();
    await alice.sync();
    await bob.sync();
    expect(alice.eventsOf('invitation').map((e) => e.action)).toEqual(['invite', 'timeout']);
    expect(bob.eventsOf('invitation').map((e) => e.action)).toEqual(['invite', 'timeout']);
  });

  it('modify changes only data and is a message in history', async () => {
    const { alice, bob } = await setup();
    const { invitation } = await alice.ok('sig.invite', { invitees: ['bob'], data: 'a' });
    const m = await alice.ok('sig.modify', { inviteId: invitation.inviteId, data: 'b' });
    expect(m.invitation).toMatchObject({ data: 'b', states: { bob: 'pending' } });
    await bob.sync();
    expect(bob.eventsOf('invitation').at(-1)).toMatchObject({ action: 'modify', data: 'b' });
  });

  it('excludeFromHistoryMessage leaves unread and last message untouched', async () => {
    const { alice, bob } = await setup();
    await alice.ok('send', { localId: 'hello', to: 'bob', chatType: 'single', body: { type: 'txt', msg: 'hello' } });
    const inv = await alice.ok('sig.invite', {
      invitees: ['bob'],
      data: JSON.stringify({ excludeFromHistoryMessage: true }),
    });
    expect(inv.message?.excluded).toBe(true);
    const [conv] = (await bob.ok('conversations', {})).conversations;
    expect(conv).toMatchObject({ unread: 1, lastMessage: { localId: 'hello' } });
    const plain = await alice.ok('sig.invite', { invitees: ['bob'] });
    expect(plain.message?.excluded).toBeUndefined();
    expect((await bob.ok('conversations', {})).conversations[0]?.unread).toBe(2);
  });

  it('a custom message that looks like signaling is not signaling', async () => {
    const { alice } = await setup();
    const r = await alice.ok('send', {
      localId: 'fake',
      to: 'bob',
      chatType: 'single',
      body: { type: 'custom', customEvent: 'signal', customExts: { action: 'invite' } },
    });
    expect(signalingInfo(r.message)).toBeNull();
  });

  it('hands offlinePushInfo to the push hook for offline invitees only', async () => {
    const pushed: [string, PushNotice][] = [];
    const { alice } = await setup({ push: (user, notice) => pushed.push([user, notice]) });
    await alice.ok('group.create', { groupId: 'g1', name: 'G', members: ['bob', 'carol'] });
    await alice.ok('sig.invite', {
      groupId: 'g1',
      invitees: ['bob', 'carol'],
      offlinePushInfo: { title: 'Call', description: 'from alice' },
    });
    expect(pushed.map(([u, n]) => [u, n.kind === 'invitation' ? n.offlinePushInfo?.title : n.kind])).toEqual([
      ['carol', 'Call'],
    ]);
    await alice.ok('sig.invite', { invitees: ['carol'], offlinePushInfo: { disablePush: true } });
    expect(pushed).toHaveLength(1);
  });

  it('group invitations: invitees must be members (602), each answers for themself', async () => {
    const { server, alice, bob } = await setup();
    const carol = await login(server.connect(), 'carol');
    await alice.ok('group.create', { groupId: 'g1', name: 'G', members: ['bob', 'carol'] });
    expect(await alice.code('sig.invite', { groupId: 'g1', invitees: ['zed'] })).toBe(602);
    expect(await alice.code('sig.invite', { groupId: 'nope', invitees: ['bob'] })).toBe(605);
    const { invitation } = await alice.ok('sig.invite', { groupId: 'g1', invitees: ['bob', 'carol'], timeout: 10 });
    await bob.ok('sig.accept', { inviteId: invitation.inviteId });
    await carol.ok('sig.reject', { inviteId: invitation.inviteId });
    const got = await alice.ok('sig.get', { inviteId: invitation.inviteId });
    expect(got.invitation.states).toEqual({ bob: 'accepted', carol: 'rejected' });
    expect((await alice.ok('sig.pending', {})).invitations).toEqual([]);
    const history = await carol.ok('history', { conversation: 'group:g1' });
    expect(history.messages.map((m) => signalingInfo(m)?.action)).toEqual(['reject', 'accept', 'invite']);
  });

  it('a blocked inviter gets 603', async () => {
    const { alice, bob } = await setup();
    await bob.ok('block', { user: 'alice' });
    expect(await alice.code('sig.invite', { invitees: ['bob'] })).toBe(603);
  });

  it('a storage failure while timing out is reported and retried, not thrown from the timer', async () => {
    class FlakyStorage extends MemoryStorage {
      failures = 1;
      // The claim of due invitations is what the timer asks the storage for. An operation MemoryStorage
      // forwards to its records is a property of its type: overridden as one.
      override claimDueInvitations = (time: number, limit: number, owner: string, leaseUntil: number) => {
        if (this.failures-- > 0) throw new Error('disk busy');
        return MemoryStorage.prototype.claimDueInvitations.call(this, time, limit, owner, leaseUntil);
      };
    }
    const errors: unknown[] = [];
    const clock = createManualClock();
    const storage = new FlakyStorage();
    storage.failures = 0;
    const server = createEmbeddedServer({ clock, storage, onError: (e) => errors.push(e) });
    const alice = await login(server.connect(), 'alice');
    await alice.ok('sig.invite', { invitees: ['bob'], timeout: 1 });
    storage.failures = 1;
    clock.advance(1000);
    await settle();
    expect(errors).toHaveLength(1);
    expect(storage.listOpenInvitations('bob')).toHaveLength(1);
    clock.advance(1000);
    await settle();
    expect(storage.listOpenInvitations('bob')).toHaveLength(0);
    await alice.sync();
    expect(alice.eventsOf('invitation').map((e) => e.action)).toEqual(['invite', 'timeout']);
  });
});
