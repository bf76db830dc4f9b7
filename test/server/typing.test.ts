// Typing on the wire: the `typing` event frame carries no position (a
// resuming device is not replayed it), a chat room's members may signal and
// outsiders may not (602, 4043 for no such room), and a flood of signals is
// rate-limited like any other request (509) without reaching the peer.
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/server/clock';
import { createEmbeddedServer } from '../../src/server/embedded-server';
import { localId, login } from './raw-client';

describe('typing', () => {
  it('pushes an evt frame without pos that a resuming device does not get again', async () => {
    const server = createEmbeddedServer({});
    const alice = await login(server.connect(), 'alice');
    const bob = await login(server.connect(), 'bob', { device: 'bob-1' });
    await alice.ok('typing', { conversation: 'single:bob', state: 'start' });
    const frame = await bob.waitFor((f) => f.t === 'evt' && f.e.type === 'typing');
    expect(frame).toEqual({
      v: 1,
      t: 'evt',
      e: { type: 'typing', conversation: 'single:alice', by: 'alice', state: 'start' },
    });
    const before = bob.welcome!.pos;
    expect(bob.lastPos()).toBe(before);
    const again = await login(server.connect(), 'bob', { device: 'bob-2', resume: before });
    await again.sync();
    expect(again.welcome).toMatchObject({ resumed: true, pos: before });
    expect(again.eventsOf('typing')).toEqual([]);
  });

  it("lets a chat room's members signal and refuses others", async () => {
    const server = createEmbeddedServer({});
    const alice = await login(server.connect(), 'alice');
    const bob = await login(server.connect(), 'bob');
    const carol = await login(server.connect(), 'carol');
    await alice.ok('room.create', { roomId: 'lobby', name: 'Lobby' });
    await bob.ok('room.join', { roomId: 'lobby' });
    await alice.ok('typing', { conversation: 'room:lobby', state: 'start' });
    await bob.nextEvent('typing');
    expect(bob.eventsOf('typing')).toEqual([
      { type: 'typing', conversation: 'room:lobby', by: 'alice', state: 'start' },
    ]);
    expect(await carol.code('typing', { conversation: 'room:lobby', state: 'start' })).toBe(602);
    expect(await carol.code('typing', { conversation: 'room:nowhere', state: 'start' })).toBe(4043);
    await carol.sync();
    expect(carol.eventsOf('typing')).toEqual([]);
  });

  it('is rate-limited like any request: refused signals reach no one', async () => {
    const clock = createManualClock();
    const server = createEmbeddedServer({ clock, rateLimit: { perSecond: 2, burst: 3 } });
    const alice = await login(server.connect(), 'alice');
    const bob = await login(server.connect(), 'bob');
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => alice.call('typing', { conversation: 'single:bob', state: 'start' })),
    );
    expect(answers.map((f) => f.t)).toEqual(['ok', 'ok', 'ok', 'err']);
    expect(answers[3]).toMatchObject({ code: 509 });
    await bob.sync();
    expect(bob.eventsOf('typing')).toHaveLength(3);
  });
});

describe('typing after a send on the same connection', () => {
  it('reaches the peer after the message sent before it', async () => {
    const server = createEmbeddedServer({});
    const alice = await login(server.connect(), 'alice');
    const bob = await login(server.connect(), 'bob');
    const sent = alice.call('send', {
      localId: localId(),
      to: 'bob',
      chatType: 'single',
      body: { type: 'txt', msg: 'hi' },
    });
    const typed = alice.call('typing', { conversation: 'single:bob', state: 'start' });
    expect((await sent).t).toBe('ok');
    expect((await typed).t).toBe('ok');
    await bob.nextEvent('typing');
    await bob.nextEvent('message');
    expect(bob.events.map((f) => f.e.type)).toEqual(['message', 'typing']);
  });
});
