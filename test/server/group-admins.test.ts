import { describe, expect, it } from 'vitest';
import { createEmbeddedServer } from '../../src/server/embedded-server';
import { login } from './raw-client';

let n = 0;
const acked = (to: string) => ({
  localId: `a${++n}`,
  to,
  chatType: 'group' as const,
  body: { type: 'txt' as const, msg: 'please ack' },
  config: { allowGroupAck: true },
});

async function setup() {
  const server = createEmbeddedServer({});
  const owner = await login(server.connect(), 'owner');
  const bob = await login(server.connect(), 'bob');
  const eve = await login(server.connect(), 'eve');
  await owner.ok('group.create', { groupId: 'g', name: 'Group', members: ['bob', 'eve'] });
  return { owner, bob, eve };
}

describe('group admins', () => {
  it('only the owner appoints and removes admins; members hear of it', async () => {
    const { owner, bob, eve } = await setup();
    expect(await bob.code('group.setAdmin', { groupId: 'g', user: 'eve', admin: true })).toBe(510);
    expect(await owner.code('group.setAdmin', { groupId: 'g', user: 'stranger', admin: true })).toBe(602);
    expect(await owner.code('group.setAdmin', { groupId: 'g', user: 'owner', admin: true })).toBe(510);
    expect(await owner.code('group.setAdmin', { groupId: 'nope', user: 'bob', admin: true })).toBe(605);
    expect((await owner.ok('group.setAdmin', { groupId: 'g', user: 'bob', admin: true })).group.admins).toEqual([
      'bob',
    ]);
    await eve.sync();
    expect(eve.eventsOf('group').at(-1)).toMatchObject({
      action: 'updated',
      users: ['bob'],
      by: 'owner',
      group: { admins: ['bob'] },
    });
    // An admin manages (mute) but does not appoint.
    await bob.ok('group.mute', { groupId: 'g', user: 'eve', mute: true });
    expect(await bob.code('group.setAdmin', { groupId: 'g', user: 'eve', admin: true })).toBe(510);
    expect((await owner.ok('group.setAdmin', { groupId: 'g', user: 'bob', admin: false })).group.admins).toEqual([]);
    expect(await bob.code('group.mute', { groupId: 'g', user: 'eve', mute: false })).toBe(510);
  });

  it('asking for group read receipts (allowGroupAck) needs the owner or an admin (510)', async () => {
    const { owner, bob, eve } = await setup();
    expect(await bob.code('send', acked('g'))).toBe(510);
    expect((await owner.ok('send', acked('g'))).message.config).toEqual({ allowGroupAck: true });
    await owner.ok('group.setAdmin', { groupId: 'g', user: 'bob', admin: true });
    const m = await bob.ok('send', acked('g'));
    await eve.ok('read', { serverId: m.message.serverId });
    expect(await bob.nextEvent('groupRead')).toMatchObject({ serverId: m.message.serverId, by: 'eve', count: 1 });
    // Plain sends are open to every member.
    expect(
      (await eve.call('send', { localId: `p${++n}`, to: 'g', chatType: 'group', body: { type: 'txt', msg: 'hi' } })).t,
    ).toBe('ok');
  });
});
