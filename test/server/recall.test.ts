import { describe, expect, it } from 'vitest';
import { createEmbeddedServer } from '../../src/server/embedded-server';
import { createManualClock } from '../../src/server/clock';
import { login } from './raw-client';

const text = (msg: string) => ({ type: 'txt' as const, msg });

async function setup(extra: Parameters<typeof createEmbeddedServer>[0] = {}) {
  const clock = createManualClock();
  const server = createEmbeddedServer({ clock, ...extra });
  const alice = await login(server.connect(), 'alice');
  const bob = await login(server.connect(), 'bob');
  return { clock, server, alice, bob };
}

describe('recall', () => {
  it('succeeds at window − 1 s and fails with 504 at window + 1 s (server clock)', async () => {
    const { clock, alice } = await setup();
    const early = await alice.ok('send', { localId: 'e', to: 'bob', chatType: 'single', body: text('early') });
    const late = await alice.ok('send', { localId: 'l', to: 'bob', chatType: 'single', body: text('late') });
    clock.advance(119_000);
    expect((await alice.ok('recall', { serverId: early.message.serverId })).message.body).toMatchObject({
      type: 'recalled',
      by: 'alice',
    });
    clock.advance(2_000);
    expect(await alice.code('recall', { serverId: late.message.serverId })).toBe(504);
  });

  it('honours a configured window and answers 505 when recall is disabled', async () => {
    const custom = await setup({ recallWindowMs: 1000 });
    const m = await custom.alice.ok('send', { localId: 'x', to: 'bob', chatType: 'single', body: text('x') });
    custom.clock.advance(1001);
    expect(await custom.alice.code('recall', { serverId: m.message.serverId })).toBe(504);
    const off = await setup({ recallEnabled: false });
    const n = await off.alice.ok('send', { localId: 'y', to: 'bob', chatType: 'single', body: text('y') });
    expect(await off.alice.code('recall', { serverId: n.message.serverId })).toBe(505);
    expect(off.alice.welcome?.limits.recallEnabled).toBe(false);
  });

  it('only the sender may recall; unknown ids get 508', async () => {
    const { alice, bob } = await setup();
    const m = await alice.ok('send', { localId: 'x', to: 'bob', chatType: 'single', body: text('x') });
    expect(await bob.code('recall', { serverId: m.message.serverId })).toBe(510);
    expect(await bob.code('recall', { serverId: 'nope' })).toBe(508);
  });

  it('leaves a tombstone in history, lowers unread and tells members who come back later', async () => {
    const { server, alice, bob } = await setup();
    const carolFirst = await login(server.connect(), 'carol', { device: 'c' });
    await alice.ok('group.create', { groupId: 'g', name: 'g', members: ['bob', 'carol'] });
    const m = await alice.ok('send', {
      localId: 'x',
      to: 'g',
      chatType: 'group',
      body: text('oops'),
      ext: { secret: 1 },
    });
    await carolFirst.sync();
    const seen = carolFirst.lastPos();
    carolFirst.close();
    expect((await bob.ok('conversations', {})).conversations[0]?.unread).toBe(1);
    const r = await alice.ok('recall', { serverId: m.message.serverId });
    expect(r.message).toMatchObject({ serverId: m.message.serverId, seq: m.message.seq, body: { type: 'recalled' } });
    expect(r.message.ext).toBeUndefined();
    expect((await bob.ok('history', { conversation: 'group:g' })).messages[0]?.body.type).toBe('recalled');
    expect((await bob.ok('conversations', {})).conversations[0]?.unread).toBe(0);
    await bob.sync();
    // The event carries bob's count after the recall, so his clients take it as is.
    expect(bob.eventsOf('recall')).toEqual([
      { type: 'recall', message: r.message, conversation: 'group:g', unread: 0 },
    ]);
    const carol = await login(server.connect(), 'carol', { device: 'c', resume: seen });
    await carol.sync();
    expect(carol.eventsOf('recall').map((e) => e.message.serverId)).toEqual([m.message.serverId]);
    // Recalling again answers with the same tombstone.
    expect((await alice.ok('recall', { serverId: m.message.serverId })).message).toEqual(r.message);
  });
});
