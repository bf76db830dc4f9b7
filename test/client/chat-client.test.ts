// ChatClient behaviour beyond the conformance suite: connection states,
// login refusal, resume after close, requests while away, serverNow, upload
// fallback and refused uploads — against the real embedded server.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createChatClient } from '../../src/client/chat-client';
import type { ChatClient, ChatClientOptions, ConnectionState } from '../../src/client/chat-client-types';
import { conversationId } from '../../src/protocol/ids';
import { createManualClock } from '../../src/server/clock';
import { createEmbeddedServer, type EmbeddedServer } from '../../src/server/embedded-server';
import { PNG } from '../conformance/fixtures';
import { Recorder, codeOf } from '../conformance/support';

const servers: EmbeddedServer[] = [];
const clients: ChatClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
  for (const s of servers.splice(0)) s.close();
});

function server(options: Parameters<typeof createEmbeddedServer>[0] = {}): EmbeddedServer {
  const s = createEmbeddedServer(options);
  servers.push(s);
  return s;
}

function client(srv: EmbeddedServer, user: string, options: Partial<ChatClientOptions> = {}): ChatClient {
  const c = createChatClient({
    transport: srv.connect(),
    user,
    reconnect: { initialDelayMs: 5, maxDelayMs: 20 },
    ...options,
  });
  clients.push(c);
  return c;
}

describe('ChatClient connection', () => {
  it('goes idle → connecting → open with a ready event; after close, requests fail with 4999 and connect() resumes', async () => {
    const srv = server();
    const c = client(srv, 'ann');
    const states: ConnectionState[] = [];
    c.on('state', (e) => states.push(e.state));
    const rec = new Recorder(c);
    expect(c.state).toBe('idle');
    expect(await codeOf(c.conversations())).toBe(4999);
    await c.connect();
    expect(states).toEqual(['connecting', 'open']);
    expect(rec.all('ready')).toEqual([{ user: 'ann', resumed: false, reset: false }]);
    expect(c.user).toBe('ann');
    expect(c.limits?.maxTextLength).toBeGreaterThan(0);

    c.close();
    expect(c.state).toBe('closed');
    expect(await codeOf(c.conversations())).toBe(4999);
    await c.connect();
    expect(rec.all('ready').at(-1)).toEqual({ user: 'ann', resumed: true, reset: false });
  });

  it('with reconnect disabled, a dropped connection closes the client until connect() is called', async () => {
    const srv = server();
    const c = client(srv, 'ann', { reconnect: false });
    await c.connect();
    c.dropConnection();
    expect(c.state).toBe('closed');
    await c.connect();
    expect(c.state).toBe('open');
  });

  it("a refused login rejects connect() with the server's code and does not retry", async () => {
    const srv = server({ authenticate: () => ({ code: 4012, message: 'token invalid' }) });
    const c = client(srv, 'ann');
    const states: ConnectionState[] = [];
    c.on('state', (e) => states.push(e.state));
    expect(await codeOf(c.connect())).toBe(4012);
    expect(c.state).toBe('closed');
    expect(states).not.toContain('reconnecting');
  });

  it('requests made while reconnecting wait for the connection and then succeed', async () => {
    const srv = server();
    const c = client(srv, 'ann');
    await c.connect();
    c.dropConnection();
    expect(c.state).toBe('reconnecting');
    const list = await c.conversations();
    expect(list).toEqual([]);
    expect(c.state).toBe('open');
  });

  it('serverNow() follows the server clock rather than the local one', async () => {
    const clock = createManualClock(1_600_000_000_000);
    const srv = server({ clock });
    const c = client(srv, 'ann');
    await c.connect();
    expect(Math.abs(c.serverNow() - clock.now())).toBeLessThan(60_000);
  });

  it('a throwing event handler is reported and does not stop other handlers', async () => {
    const srv = server();
    const a = client(srv, 'ann');
    const b = client(srv, 'ben');
    await a.connect();
    await b.connect();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    b.on('message', () => {
      throw new Error('app bug');
    });
    const rec = new Recorder(b);
    const m = await a.sendText(conversationId('single', 'ben'), 'hi');
    await rec.waitFor('message', (e) => e.message.serverId === m.serverId);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});

describe('ChatClient uploads', () => {
  it('falls back to the file.put operation when the transport has no upload, reporting progress', async () => {
    const srv = server();
    const loopback = srv.connect();
    const c = createChatClient({ transport: { connect: (h) => loopback.connect(h) }, user: 'ann' });
    clients.push(c);
    await c.connect();
    const progress: Array<[number, number]> = [];
    const file = await c.upload(new Blob([PNG], { type: 'image/png' }), {
      name: 'dot.png',
      onProgress: (l, t) => progress.push([l, t]),
    });
    expect(file).toMatchObject({ name: 'dot.png', size: PNG.length, mime: 'image/png' });
    expect(progress).toEqual([
      [0, PNG.length],
      [PNG.length, PNG.length],
    ]);
    const m = await c.sendFile(conversationId('single', 'ben'), 'img', new Blob([PNG], { type: 'image/png' }), {
      name: 'again.png',
    });
    expect(m.body).toMatchObject({ type: 'img', name: 'again.png', size: PNG.length });
  });

  it("a refused upload fails the file message with the server's code; it stays in the outbox until discarded", async () => {
    const srv = server();
    const c = client(srv, 'ann');
    await c.connect();
    const rec = new Recorder(c);
    const fake = new Blob(['this is not a png'], { type: 'image/png' });
    const code = await codeOf(c.sendFile(conversationId('single', 'ben'), 'img', fake, { name: 'fake.png' }));
    expect(code).toBe(4151);
    const [failed] = c.pending();
    expect(failed).toMatchObject({ status: 'failed', error: { code: 4151 } });
    expect(rec.all('outbox').at(-1)?.status).toBe('failed');
    expect(await codeOf(c.retry(failed!.localId))).toBe(4151);
    c.discard(failed!.localId);
    expect(c.pending()).toEqual([]);
  });
});

describe('ChatClient resume', () => {
  it('when the server can no longer replay what was missed, ready says reset and only newer events are applied', async () => {
    const srv = server({ eventRetention: 3 });
    const ann = client(srv, 'ann');
    const ben = client(srv, 'ben');
    await ann.connect();
    await ben.connect();
    const rec = new Recorder(ben);
    ben.close();
    // The server prunes its per-user log in amortised steps: send enough for a prune to happen.
    for (let i = 0; i < 600; i++) await ann.sendText(conversationId('single', 'ben'), `missed ${i}`);
    await ben.connect();
    expect(rec.all('ready').at(-1)).toMatchObject({ resumed: false, reset: true });
    const after = await ann.sendText(conversationId('single', 'ben'), 'after the reset');
    await rec.waitFor('message', (e) => e.message.serverId === after.serverId);
    expect(rec.all('message').map((e) => e.message.serverId)).toEqual([after.serverId]);
    // The full sync a store does on reset finds everything.
    const [summary] = await ben.conversations();
    expect(summary).toMatchObject({ id: conversationId('single', 'ann'), lastSeq: 601, unread: 601 });
  });
});

describe('ChatClient heartbeat', () => {
  it('a connection that goes silent (half-open link) is dropped after a missed ping and resumed on a new one', async () => {
    const srv = server();
    const loopback = srv.connect();
    let silenced = false;
    // The real server behind a link that, once silenced, loses everything the server sends on it.
    const lossy = {
      connect: (h: Parameters<typeof loopback.connect>[0]) =>
        loopback.connect({
          ...h,
          frame: (d) => {
            if (!silenced) h.frame(d);
          },
        }),
    };
    const ann = client(srv, 'ann');
    const ben = createChatClient({
      transport: lossy,
      user: 'ben',
      heartbeatMs: 20,
      reconnect: { initialDelayMs: 5, maxDelayMs: 10 },
    });
    clients.push(ben);
    await ann.connect();
    await ben.connect();
    const rec = new Recorder(ben);
    silenced = true;
    const m = await ann.sendText(conversationId('single', 'ben'), 'sent into the void');
    const drop = await rec.waitFor('state', (e) => e.state === 'reconnecting');
    expect(drop.error?.message).toBe('no answer to ping');
    silenced = false;
    await rec.waitFor('message', (e) => e.message.serverId === m.serverId);
    expect(rec.all('ready').at(-1)).toMatchObject({ resumed: true });
  });
});

describe('ChatClient API errors', () => {
  it('a malformed conversation id rejects with 4002 instead of throwing', async () => {
    const srv = server();
    const c = client(srv, 'ann');
    await c.connect();
    expect(await codeOf(c.sendText('nonsense' as never, 'hi'))).toBe(4002);
    expect(await codeOf(c.sendFile('single:', 'img', new Blob([PNG], { type: 'image/png' })))).toBe(4002);
  });
});

describe('ChatClient replaced by the same device', () => {
  it('when the same device connects again, the older client is told (bye 4090) and stops instead of fighting back', async () => {
    const srv = server();
    const first = client(srv, 'ann', { device: 'laptop' });
    const rec = new Recorder(first);
    await first.connect();
    const second = client(srv, 'ann', { device: 'laptop' });
    await second.connect();
    const err = await rec.waitFor('error');
    expect(err.code).toBe(4090);
    await rec.waitFor('state', (e) => e.state === 'closed');
    expect(rec.all('state', (e) => e.state === 'reconnecting')).toEqual([]);
    expect(second.state).toBe('open');
  });

  it('the group owner makes a member an admin and takes it back; others may not', async () => {
    const srv = server();
    const owner = client(srv, 'owner');
    const bob = client(srv, 'bob');
    await owner.connect();
    await bob.connect();
    await owner.createGroup({ groupId: 'crew', name: 'Crew', members: ['bob', 'carol'] });
    expect((await owner.setGroupAdmin('crew', 'bob', true)).admins).toEqual(['bob']);
    expect((await bob.group('crew')).admins).toEqual(['bob']);
    expect(await codeOf(bob.setGroupAdmin('crew', 'carol', true))).toBe(510);
    expect(await codeOf(owner.setGroupAdmin('crew', 'stranger', true))).toBe(602);
    expect((await owner.setGroupAdmin('crew', 'bob', false)).admins).toEqual([]);
  });
});
