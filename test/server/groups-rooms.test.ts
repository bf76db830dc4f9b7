import { describe, expect, it } from 'vitest';
import { createEmbeddedServer } from '../../src/server/embedded-server';
import { createManualClock } from '../../src/server/clock';
import { login } from './raw-client';

const text = (msg: string) => ({ type: 'txt' as const, msg });
let n = 0;
const gsend = (to: string) => ({ localId: `g${++n}`, to, chatType: 'group' as const, body: text('hi') });

async function setup() {
  const clock = createManualClock();
  const server = createEmbeddedServer({ clock });
  const owner = await login(server.connect(), 'owner');
  const bob = await login(server.connect(), 'bob');
  const eve = await login(server.connect(), 'eve');
  await owner.ok('group.create', { groupId: 'g', name: 'Group', members: ['bob'] });
  return { clock, server, owner, bob, eve };
}

describe('groups', () => {
  it('create/info/list and membership events', async () => {
    const { owner, bob, eve } = await setup();
    await bob.sync();
    expect(bob.eventsOf('group')[0]).toMatchObject({
      action: 'created',
      by: 'owner',
      group: { owner: 'owner', members: ['owner', 'bob'] },
    });
    expect((await bob.ok('group.list', {})).groups.map((g) => g.groupId)).toEqual(['g']);
    expect(await eve.code('group.info', { groupId: 'g' })).toBe(602);
    expect(await eve.code('group.info', { groupId: 'missing' })).toBe(605);
    expect(await owner.code('group.create', { groupId: 'g', name: 'again' })).toBe(4090);
    const added = await owner.ok('group.addMembers', { groupId: 'g', users: ['eve'] });
    expect(added.group.members).toEqual(['owner', 'bob', 'eve']);
    await eve.sync();
    expect(eve.eventsOf('group').at(-1)).toMatchObject({ action: 'memberAdded', users: ['eve'] });
  });

  it('members only: 602 for outsiders sending or reading, 605 for unknown groups', async () => {
    const { eve } = await setup();
    expect(await eve.code('send', gsend('g'))).toBe(602);
    expect(await eve.code('history', { conversation: 'group:g' })).toBe(602);
    expect(await eve.code('send', gsend('nope'))).toBe(605);
    expect(await eve.code('history', { conversation: 'group:nope' })).toBe(605);
  });

  it('mute refuses the muted sender with 507 until the mute ends or is lifted', async () => {
    const { clock, owner, bob } = await setup();
    expect(await bob.code('group.mute', { groupId: 'g', user: 'owner', mute: true })).toBe(510);
    await owner.ok('group.mute', { groupId: 'g', user: 'bob', mute: true, durationMs: 60_000 });
    expect(await bob.code('send', gsend('g'))).toBe(507);
    expect((await bob.ok('group.info', { groupId: 'g' })).group.muted).toEqual({ bob: clock.now() + 60_000 });
    clock.advance(60_001);
    expect((await bob.call('send', gsend('g'))).t).toBe('ok');
    expect((await bob.ok('group.info', { groupId: 'g' })).group.muted).toEqual({});
    await owner.ok('group.mute', { groupId: 'g', user: 'bob', mute: true });
    clock.advance(10_000_000);
    expect(await bob.code('send', gsend('g'))).toBe(507);
    await owner.ok('group.mute', { groupId: 'g', user: 'bob', mute: false });
    expect((await bob.call('send', gsend('g'))).t).toBe('ok');
  });

  it('whitelist mode lets only whitelisted members and managers send (506)', async () => {
    const { owner, bob } = await setup();
    await owner.ok('group.whitelist', { groupId: 'g', enabled: true });
    expect(await bob.code('send', gsend('g'))).toBe(506);
    expect((await owner.call('send', gsend('g'))).t).toBe('ok');
    await owner.ok('group.whitelist', { groupId: 'g', add: ['bob'] });
    expect((await bob.call('send', gsend('g'))).t).toBe('ok');
  });

  it('remove, leave and destroy', async () => {
    const { owner, bob, eve } = await setup();
    await owner.ok('group.addMembers', { groupId: 'g', users: ['eve'] });
    await owner.ok('send', gsend('g'));
    expect((await bob.ok('conversations', {})).conversations.map((c) => c.id)).toEqual(['group:g']);
    expect(await bob.code('group.removeMembers', { groupId: 'g', users: ['eve'] })).toBe(510);
    await owner.ok('group.removeMembers', { groupId: 'g', users: ['eve'] });
    await eve.sync();
    expect(eve.eventsOf('group').at(-1)).toMatchObject({ action: 'memberRemoved', users: ['eve'] });
    expect(await eve.code('send', gsend('g'))).toBe(602);
    expect(await owner.code('group.leave', { groupId: 'g' })).toBe(510);
    await bob.ok('group.leave', { groupId: 'g' });
    expect(await bob.code('send', gsend('g'))).toBe(602);
    expect(await bob.code('group.destroy', { groupId: 'g' })).toBe(602);
    expect((await bob.ok('conversations', {})).conversations.map((c) => c.id)).toEqual([]);
    await owner.ok('group.destroy', { groupId: 'g' });
    expect(await owner.code('send', gsend('g'))).toBe(605);
    expect((await owner.ok('conversations', {})).conversations).toEqual([]);
  });

  it('group read receipts: count pushed to the sender, readers for the sender only, only with allowGroupAck', async () => {
    const { owner, bob, server } = await setup();
    const carol = await login(server.connect(), 'carol');
    await owner.ok('group.addMembers', { groupId: 'g', users: ['carol'] });
    const acked = await owner.ok('send', { ...gsend('g'), config: { allowGroupAck: true } });
    const plain = await owner.ok('send', gsend('g'));
    await bob.ok('read', { serverId: acked.message.serverId });
    await bob.ok('read', { serverId: acked.message.serverId });
    await carol.ok('read', { serverId: acked.message.serverId });
    await owner.sync();
    expect(owner.eventsOf('groupRead').map((e) => [e.by, e.count])).toEqual([
      ['bob', 1],
      ['carol', 2],
    ]);
    expect(await owner.ok('groupReaders', { serverId: acked.message.serverId })).toEqual({ readers: ['bob', 'carol'] });
    expect(await bob.code('groupReaders', { serverId: acked.message.serverId })).toBe(510);
    expect(await bob.code('read', { serverId: plain.message.serverId })).toBe(510);
    expect(await owner.code('read', { serverId: acked.message.serverId })).toBe(510);
  });
});

describe('single chat receipts and blocklist', () => {
  it('delivery and read receipts reach the sender once', async () => {
    const { owner, bob } = await setup();
    const m = await owner.ok('send', { localId: 'd1', to: 'bob', chatType: 'single', body: text('x') });
    await bob.ok('delivered', { serverIds: [m.message.serverId, m.message.serverId, 'unknown'] });
    await bob.ok('read', { serverId: m.message.serverId });
    await owner.sync();
    expect(owner.eventsOf('delivered')).toEqual([
      { type: 'delivered', serverId: m.message.serverId, conversation: 'single:bob', by: 'bob', seq: m.message.seq },
    ]);
    expect(owner.eventsOf('read')).toEqual([
      { type: 'read', serverId: m.message.serverId, conversation: 'single:bob', by: 'bob', seq: m.message.seq },
    ]);
  });

  it('a blocked sender gets 603 until unblocked; blocklist changes reach all devices', async () => {
    const { server, owner, bob } = await setup();
    const bob2 = await login(server.connect(), 'bob', { device: 'second' });
    expect(await bob.ok('block', { user: 'owner' })).toEqual({ blocked: ['owner'] });
    expect(await owner.code('send', { localId: 'b1', to: 'bob', chatType: 'single', body: text('x') })).toBe(603);
    expect((await bob.call('send', { localId: 'b2', to: 'owner', chatType: 'single', body: text('x') })).t).toBe('ok');
    await bob2.sync();
    expect(bob2.eventsOf('blocklist')).toEqual([{ type: 'blocklist', blocked: ['owner'] }]);
    expect(await bob.ok('unblock', { user: 'owner' })).toEqual({ blocked: [] });
    expect((await owner.call('send', { localId: 'b1', to: 'bob', chatType: 'single', body: text('x') })).t).toBe('ok');
    expect(await bob.code('block', { user: 'bob' })).toBe(4002);
  });

  it('the moderation hook rejects with 501 and intercepts with 502', async () => {
    const server = createEmbeddedServer({
      moderate: (m) =>
        m.body.type === 'txt' && m.body.msg.includes('badword')
          ? 'reject'
          : m.body.type === 'txt' && m.body.msg.includes('spam')
            ? { verdict: 'intercept', reason: 'spam rule' }
            : 'allow',
    });
    const a = await login(server.connect(), 'a');
    expect(await a.code('send', { localId: 'm1', to: 'b', chatType: 'single', body: text('a badword') })).toBe(501);
    const r = await a.call('send', { localId: 'm2', to: 'b', chatType: 'single', body: text('buy spam') });
    expect(r).toMatchObject({ t: 'err', code: 502, message: 'spam rule' });
    expect((await a.call('send', { localId: 'm3', to: 'b', chatType: 'single', body: text('fine') })).t).toBe('ok');
    expect((await a.ok('history', { conversation: 'single:b' })).messages).toHaveLength(1);
  });
});

describe('chat rooms', () => {
  it('join/leave, members only, rooms without history deliver live only', async () => {
    const { owner, bob, eve } = await setup();
    await owner.ok('room.create', { roomId: 'r', name: 'Room' });
    expect(await bob.code('send', { localId: 'r1', to: 'r', chatType: 'room', body: text('x') })).toBe(602);
    expect(await bob.code('room.join', { roomId: 'nope' })).toBe(4043);
    await bob.ok('room.join', { roomId: 'r' });
    await owner.sync();
    expect(owner.eventsOf('room').at(-1)).toMatchObject({
      action: 'joined',
      users: ['bob'],
      room: { members: ['owner', 'bob'] },
    });
    const m = await bob.ok('send', { localId: 'r2', to: 'r', chatType: 'room', body: text('hello room') });
    await owner.sync();
    expect(owner.eventsOf('message').at(-1)).toMatchObject({
      conversation: 'room:r',
      message: { serverId: m.message.serverId },
    });
    expect((await owner.ok('history', { conversation: 'room:r' })).messages).toHaveLength(1);
    expect(await eve.code('history', { conversation: 'room:r' })).toBe(602);
    await bob.ok('room.leave', { roomId: 'r' });
    expect(await bob.code('room.leave', { roomId: 'r' })).toBe(602);
    await owner.ok('room.create', { roomId: 'live', name: 'Live', keepHistory: false });
    await eve.ok('room.join', { roomId: 'live' });
    await owner.ok('send', { localId: 'r3', to: 'live', chatType: 'room', body: text('now') });
    await eve.sync();
    const live = eve.events.find((e) => e.e.type === 'message');
    expect(live?.pos).toBeUndefined();
    expect((await eve.ok('history', { conversation: 'room:live' })).messages).toEqual([]);
    expect((await eve.ok('room.list', {})).rooms.map((r) => r.roomId).sort()).toEqual(['live', 'r']);
  });
});
