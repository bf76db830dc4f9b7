import { describe, expect, it } from 'vitest';
import { createEmbeddedServer } from '../../src/server/embedded-server';
import { createManualClock } from '../../src/server/clock';
import { localId, login } from './raw-client';

const text = (msg: string) => ({ type: 'txt' as const, msg });

describe('per-user event log and resume', () => {
  it('gives durable events increasing positions and replays exactly what was missed, in order', async () => {
    const server = createEmbeddedServer({});
    const alice = await login(server.connect(), 'alice');
    let bob = await login(server.connect(), 'bob', { device: 'b1' });
    await alice.ok('send', { localId: localId(), to: 'bob', chatType: 'single', body: text('one') });
    await bob.sync();
    const seen = bob.lastPos();
    expect(bob.events.map((e) => e.pos)).toEqual([1]);
    bob.close();
    const m2 = await alice.ok('send', { localId: localId(), to: 'bob', chatType: 'single', body: text('two') });
    const m3 = await alice.ok('send', { localId: localId(), to: 'bob', chatType: 'single', body: text('three') });
    await alice.ok('recall', { serverId: m2.message.serverId });
    bob = await login(server.connect(), 'bob', { device: 'b1', resume: seen });
    expect(bob.welcome).toMatchObject({ resumed: true, reset: false, pos: 4 });
    await bob.sync();
    expect(bob.events.map((e) => [e.pos, e.e.type])).toEqual([
      [2, 'message'],
      [3, 'message'],
      [4, 'recall'],
    ]);
    expect(bob.eventsOf('message').map((e) => e.message.serverId)).toEqual([m2.message.serverId, m3.message.serverId]);
    // Live events continue after the replay without gaps.
    await alice.ok('send', { localId: localId(), to: 'bob', chatType: 'single', body: text('four') });
    await bob.sync();
    expect(bob.events.map((e) => e.pos)).toEqual([2, 3, 4, 5]);
  });

  it('resets when the resume position was pruned or is unknown', async () => {
    const server = createEmbeddedServer({ eventRetention: 3 });
    const alice = await login(server.connect(), 'alice');
    for (let i = 0; i < 1030; i++)
      await alice.ok('send', { localId: localId(), to: 'bob', chatType: 'single', body: text(`m${i}`) });
    const old = await login(server.connect(), 'bob', { resume: 1 });
    expect(old.welcome).toMatchObject({ resumed: false, reset: true, pos: 1030 });
    const future = await login(server.connect(), 'bob', { resume: 5000 });
    expect(future.welcome).toMatchObject({ resumed: false, reset: true });
    const recent = await login(server.connect(), 'bob', { resume: 1029 });
    expect(recent.welcome).toMatchObject({ resumed: true, reset: false });
    await recent.sync();
    expect(recent.events.map((e) => e.pos)).toEqual([1030]);
  });

  it('trims both members’ logs of a chat in which only one of them writes', async () => {
    const server = createEmbeddedServer({ eventRetention: 3 });
    const alice = await login(server.connect(), 'alice');
    // Fewer than 1024 each: only the periodic trim can reach either log.
    for (let i = 0; i < 600; i++)
      await alice.ok('send', { localId: localId(), to: 'bob', chatType: 'single', body: text(`m${i}`) });
    for (const user of ['alice', 'bob']) {
      const back = await login(server.connect(), user, { resume: 1 });
      expect(back.welcome, user).toMatchObject({ resumed: false, reset: true, pos: 600 });
    }
  });

  it('a fresh hello without resume neither resumes nor resets', async () => {
    const server = createEmbeddedServer({});
    const c = await login(server.connect(), 'carol');
    expect(c.welcome).toMatchObject({ resumed: false, reset: false, pos: 0, user: 'carol' });
  });

  it('ends the older session with bye when the same device connects again', async () => {
    const server = createEmbeddedServer({});
    const first = await login(server.connect(), 'dave', { device: 'phone' });
    await login(server.connect(), 'dave', { device: 'phone' });
    await first.waitFor((f) => f.t === 'bye');
    await new Promise((r) => setTimeout(r, 0));
    expect(first.closed).not.toBeNull();
  });

  it('delivers own messages to the other devices of the sender', async () => {
    const clock = createManualClock();
    const server = createEmbeddedServer({ clock });
    const a1 = await login(server.connect(), 'alice', { device: 'd1' });
    const a2 = await login(server.connect(), 'alice', { device: 'd2' });
    const sent = await a1.ok('send', { localId: localId(), to: 'bob', chatType: 'single', body: text('hi') });
    await a2.sync();
    expect(a2.eventsOf('message')).toEqual([
      { type: 'message', message: sent.message, conversation: 'single:bob', unread: 0 },
    ]);
  });
});
