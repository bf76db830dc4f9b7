// The WebSocket host of a real server on 127.0.0.1: token auth on hello,
// messages between connected users, frames over maxPayload, peers that stop
// answering pings, slow readers, and a graceful shutdown.
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunningServer } from '../../src/node/serve';
import type { SqliteStorage } from '../../src/node/sqlite-storage';
import { createToken } from '../../src/node/token';
import { ErrorCode } from '../../src/protocol/errors';
import type { Message } from '../../src/protocol/message';
import { RawClient } from './support/raw-client';
import { memoryLogger, SECRET, startTestServer, tempDir } from './support/servers';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
async function serve(options: Parameters<typeof startTestServer>[1] = {}): Promise<RunningServer> {
  const tmp = tempDir();
  const server = await startTestServer(tmp.dir, options);
  cleanups.push(tmp.remove, () => server.close());
  return server;
}
async function client(
  server: RunningServer,
  user: string,
  extra: Parameters<typeof RawClient.connect>[2] = {},
): Promise<RawClient> {
  const c = await RawClient.connect(
    server.url,
    { token: createToken(user, { secret: SECRET }), device: `${user}-d1` },
    extra,
  );
  cleanups.push(() => c.close());
  return c;
}
const text = (localId: string, to: string, msg: string) => ({
  localId,
  to,
  chatType: 'single',
  body: { type: 'txt', msg },
});
const refusal = (c: RawClient) => c.frames.find((f) => f.t === 'err' || f.t === 'bye') as { code: number } | undefined;

describe('natter serve over WebSocket', () => {
  it('welcomes a valid token and refuses missing, forged and expired ones', async () => {
    const server = await serve();
    const alice = await client(server, 'alice');
    expect(alice.welcome?.user).toBe('alice');
    const cases: [Record<string, string>, number][] = [
      [{ user: 'alice' }, ErrorCode.NOT_AUTHENTICATED],
      [{ token: createToken('alice', { secret: 'not-the-secret' }) }, ErrorCode.TOKEN_INVALID],
      [{ token: createToken('alice', { secret: SECRET, ttlSeconds: -1 }) }, ErrorCode.TOKEN_EXPIRED],
    ];
    for (const [hello, code] of cases) {
      const c = await RawClient.connect(server.url, hello);
      cleanups.push(() => c.close());
      expect(c.welcome).toBeNull();
      expect(refusal(c)?.code).toBe(code);
    }
  });

  it('upgrades only on /ws; other paths answer 404', async () => {
    const server = await serve();
    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(server.url.replace(/\/ws$/, '/elsewhere'));
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => reject(new Error('upgraded on the wrong path')));
      ws.on('error', () => undefined);
    });
    expect(status).toBe(404);
    expect((await fetch(`${server.httpUrl}/nothing`)).status).toBe(404);
    expect(await (await fetch(`${server.httpUrl}/health`)).json()).toEqual({ ok: true, connections: 0 });
  });

  it('accepts a bare user id in dev mode', async () => {
    const server = await serve({ dev: true, secret: null });
    const c = await RawClient.connect(server.url, { user: 'dev-user' });
    cleanups.push(() => c.close());
    expect(c.welcome?.user).toBe('dev-user');
  });

  it('delivers a message to the recipient, stored with a server id and seq', async () => {
    const server = await serve();
    const [alice, bob] = [await client(server, 'alice'), await client(server, 'bob')];
    const { message } = await alice.call<{ message: Message }>('send', text('L1', 'bob', 'hi bob'));
    expect(message).toMatchObject({ from: 'alice', to: 'bob', seq: 1, localId: 'L1' });
    await bob.until(() => bob.eventsOf('message').length === 1);
    expect(bob.eventsOf('message')[0]!.message.serverId).toBe(message.serverId);
  });

  it('closes a connection whose frame exceeds maxPayload (1009) and keeps serving the others', async () => {
    const server = await serve();
    const [alice, bob] = [await client(server, 'alice'), await client(server, 'bob')];
    alice.ws.send('x'.repeat(server.core.limits.maxFrameBytes * 2 + 1024 * 1024 + 1));
    await alice.until(() => alice.closed !== null);
    expect(alice.closed?.code).toBe(1009);
    const other = await client(server, 'carol');
    await other.call('send', text('L2', 'bob', 'still here'));
    await bob.until(() => bob.eventsOf('message').length === 1);
  });

  it('refuses requests over the per-connection rate with 509 and a retry-after, and keeps the connection', async () => {
    const server = await serve({ core: { rateLimit: { perSecond: 1, burst: 3 } } });
    const alice = await client(server, 'alice');
    const answers = await Promise.all(Array.from({ length: 6 }, () => alice.request('blocklist', {})));
    expect(answers.filter((a) => a.ok)).toHaveLength(3);
    const limited = alice.frames.filter((f) => f.t === 'err' && f.code === ErrorCode.RATE_LIMITED) as {
      retryAfter?: number;
    }[];
    expect(limited).toHaveLength(3);
    for (const f of limited) expect(f.retryAfter).toBeGreaterThan(0);
    expect(alice.closed).toBeNull();
  });

  it('drops a peer that stops answering pings', async () => {
    const logger = memoryLogger();
    const server = await serve({ pingIntervalMs: 50, logger });
    const mute = await client(server, 'mute', { autoPong: false });
    const fine = await client(server, 'fine');
    await mute.until(() => mute.closed !== null);
    expect(logger.lines.some((l) => l.event === 'ws.dead_peer')).toBe(true);
    expect(fine.closed).toBeNull();
    expect((await fine.call<{ conversations: unknown[] }>('conversations', {})).conversations).toEqual([]);
  });

  it('closes a connection whose outbound queue passes its bound (slow reader) with 4008', async () => {
    const logger = memoryLogger();
    const server = await serve({
      logger,
      maxBufferedBytes: 256 * 1024,
      limits: { maxTextLength: 100_000 },
      core: { rateLimit: false },
    });
    const [alice, bob] = [await client(server, 'alice'), await client(server, 'bob')];
    bob.ws.pause();
    const big = 'y'.repeat(90_000);
    // Bounded: at most 400 × 90 kB (36 MB) before the socket buffers of a paused reader overflow.
    for (let i = 0; i < 400 && !logger.lines.some((l) => l.event === 'ws.slow_consumer'); i++) {
      await alice.call('send', text(`B${i}`, 'bob', big));
    }
    expect(logger.lines.some((l) => l.event === 'ws.slow_consumer')).toBe(true);
    bob.ws.resume();
    await bob.until(() => bob.closed !== null, 15_000);
    expect(bob.closed?.code).toBe(4008);
    expect(alice.closed).toBeNull();
  });

  it('shuts down gracefully: sockets closed with 1001, new connections refused, database closed', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    const server = await startTestServer(tmp.dir);
    const alice = await RawClient.connect(server.url, { token: createToken('alice', { secret: SECRET }) });
    await alice.call('send', text('L1', 'bob', 'before shutdown'));
    await server.close();
    await alice.until(() => alice.closed !== null);
    expect(alice.closed?.code).toBe(1001);
    expect((server.storage as SqliteStorage).db.open).toBe(false);
    await expect(RawClient.connect(server.url, { user: 'x' })).rejects.toThrow();
    await server.close();
  });
});
