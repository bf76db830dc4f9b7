import { describe, expect, it } from 'vitest';
import { createEmbeddedServer } from '../../src/server/embedded-server';
import { RawClient, login } from './raw-client';

const text = (msg: string) => ({ type: 'txt' as const, msg });

describe('malformed, oversized and unknown frames', () => {
  it('answers each with an err frame and keeps serving this and other clients', async () => {
    const server = createEmbeddedServer({ limits: { maxFrameBytes: 2048 } });
    const alice = await login(server.connect(), 'alice');
    const bob = await login(server.connect(), 'bob');
    const before = alice.frames.length;
    alice.sendRaw('not json at all');
    alice.sendRaw(JSON.stringify({ v: 1, t: 'req', id: 'big', op: 'send', p: { pad: 'x'.repeat(4000) } }));
    alice.sendRaw(JSON.stringify({ v: 1, t: 'nonsense' }));
    alice.sendRaw(JSON.stringify({ v: 1, t: 'req', id: 'u1', op: 'launchRockets', p: {} }));
    alice.sendRaw(JSON.stringify({ v: 7, t: 'req', id: 'v1', op: 'conversations', p: {} }));
    await alice.sync();
    const errs = alice.frames.slice(before).filter((f) => f.t === 'err');
    expect(errs.map((f) => (f.t === 'err' ? [f.code, f.id] : null))).toEqual([
      [4000, undefined],
      [511, 'big'],
      [4000, undefined],
      [4001, 'u1'],
      [4003, 'v1'],
    ]);
    const sent = await alice.ok('send', { localId: 'after', to: 'bob', chatType: 'single', body: text('still here') });
    await bob.sync();
    expect(bob.eventsOf('message').map((e) => e.message.serverId)).toEqual([sent.message.serverId]);
    expect(alice.closed).toBeNull();
  });

  it('refuses requests before hello with 4010 and hello without a user in dev mode', async () => {
    const server = createEmbeddedServer({});
    const anon = new RawClient(server.connect());
    const r = await anon.call('conversations', {});
    expect(r).toMatchObject({ t: 'err', code: 4010 });
    const w = await anon.hello('');
    expect(w.t).toBe('err');
  });

  it('uses the authenticated user, never a client-sent from', async () => {
    const server = createEmbeddedServer({});
    const mallory = await login(server.connect(), 'mallory');
    const bob = await login(server.connect(), 'bob');
    mallory.send({
      v: 1,
      t: 'req',
      id: 'f',
      op: 'send',
      p: { localId: 'x', to: 'bob', chatType: 'single', from: 'alice', body: text('I am alice') },
    });
    await mallory.waitFor((f) => f.t === 'ok' && f.id === 'f');
    await bob.sync();
    expect(bob.eventsOf('message')[0]?.message.from).toBe('mallory');
  });

  it('uses a custom authenticate hook and closes refused sessions with bye', async () => {
    const server = createEmbeddedServer({
      authenticate: (h) => (h.token === 'good' ? { user: 'tok-user' } : { code: 4012 }),
    });
    const good = new RawClient(server.connect());
    good.send({ v: 1, t: 'hello', token: 'good' });
    const w = await good.waitFor((f) => f.t === 'welcome');
    expect(w).toMatchObject({ user: 'tok-user' });
    const bad = new RawClient(server.connect());
    bad.send({ v: 1, t: 'hello', token: 'bad' });
    await bad.waitFor((f) => f.t === 'bye');
    expect(bad.frames.map((f) => f.t)).toEqual(['err', 'bye']);
    await new Promise((r) => setTimeout(r, 0));
    expect(bad.closed?.code).toBe(4012);
  });

  it('limits the request rate per connection with 509 and retryAfter', async () => {
    const { createManualClock } = await import('../../src/server/clock');
    const clock = createManualClock();
    const server = createEmbeddedServer({ clock, rateLimit: { perSecond: 2, burst: 3 } });
    const a = await login(server.connect(), 'a');
    const b = await login(server.connect(), 'b');
    const answers = await Promise.all([1, 2, 3, 4].map(() => a.call('blocklist', {})));
    expect(answers.map((f) => f.t)).toEqual(['ok', 'ok', 'ok', 'err']);
    expect(answers[3]).toMatchObject({ code: 509, retryAfter: 500 });
    expect((await b.call('blocklist', {})).t).toBe('ok');
    clock.advance(500);
    expect((await a.call('blocklist', {})).t).toBe('ok');
  });

  it('refuses the login when the authenticate hook throws, and reserves ~localIds for the server', async () => {
    const errors: unknown[] = [];
    const server = createEmbeddedServer({
      authenticate: () => {
        throw new Error('db down');
      },
      onError: (e) => errors.push(e),
    });
    const c = new RawClient(server.connect());
    const w = await c.hello('x');
    expect(w).toMatchObject({ t: 'err', code: 4010 });
    expect(errors).toHaveLength(1);
    const dev = createEmbeddedServer({});
    const a = await login(dev.connect(), 'a');
    expect(await a.code('send', { localId: '~sig-1', to: 'b', chatType: 'single', body: text('x') })).toBe(4002);
  });
});
