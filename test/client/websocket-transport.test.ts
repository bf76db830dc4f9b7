// The WebSocket transport against a real Node host (`startServer`) on
// 127.0.0.1: frames over `ws` (passed in as the constructor, as a Node app
// would), reconnect and resume, uploads over the HTTP file API with Bearer
// tokens or the dev-mode user header.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createChatClient } from '../../src/client/chat-client';
import type { ChatClient, ChatClientOptions } from '../../src/client/chat-client-types';
import { httpBaseOf, socketUrl } from '../../src/client/websocket-transport';
import { silentLogger } from '../../src/node/logger';
import { startServer, type RunningServer, type StartServerOptions } from '../../src/node/serve';
import { createToken } from '../../src/node/token';
import { conversationId } from '../../src/protocol/ids';
import { PNG } from '../conformance/fixtures';
import { Recorder, codeOf } from '../conformance/support';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function host(options: Partial<StartServerOptions> = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'natter-ws-'));
  const srv = await startServer({
    port: 0,
    host: '127.0.0.1',
    db: ':memory:',
    files: dir,
    logger: silentLogger,
    dev: true,
    ...options,
  });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => srv.close());
  return srv;
}

function client(url: string, options: Partial<ChatClientOptions>): ChatClient {
  const c = createChatClient({ url, WebSocket, reconnect: { initialDelayMs: 10, maxDelayMs: 50 }, ...options });
  cleanups.push(() => c.close());
  return c;
}

describe('WebSocket transport URLs', () => {
  it('adds /ws to a bare host URL and derives the HTTP base from it', () => {
    expect(socketUrl('ws://127.0.0.1:8080')).toBe('ws://127.0.0.1:8080/ws');
    expect(socketUrl('wss://chat.example.com/ws')).toBe('wss://chat.example.com/ws');
    expect(httpBaseOf('ws://127.0.0.1:8080/ws')).toBe('http://127.0.0.1:8080');
    expect(httpBaseOf('wss://chat.example.com/natter/ws')).toBe('https://chat.example.com/natter');
  });
});

describe('WebSocket transport without a WebSocket', () => {
  it('fails connect() at once with a message naming the WebSocket option (Node 20 has no global WebSocket)', async () => {
    const g = globalThis as { WebSocket?: unknown };
    const saved = g.WebSocket;
    delete g.WebSocket;
    try {
      const client = createChatClient({ url: 'ws://127.0.0.1:1/ws', user: 'alice' });
      const err = await client.connect().then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(err?.message).toContain('WebSocket option');
      expect(client.state).toBe('closed');
      client.close();
    } finally {
      if (saved !== undefined) g.WebSocket = saved;
    }
  });
});

describe('WebSocket transport with a Node host', () => {
  it('sends and receives, and after a dropped connection resumes with what was missed', async () => {
    const srv = await host();
    const ann = client(srv.url, { user: 'ann' });
    const ben = client(`ws://127.0.0.1:${srv.port}`, { user: 'ben' });
    const rec = new Recorder(ben);
    await ann.connect();
    await ben.connect();
    const first = await ann.sendText(conversationId('single', 'ben'), 'over the wire');
    await rec.waitFor('message', (e) => e.message.serverId === first.serverId);

    ben.dropConnection();
    const missed = await ann.sendText(conversationId('single', 'ben'), 'while you were away');
    await rec.waitFor('message', (e) => e.message.serverId === missed.serverId);
    expect(rec.all('ready').at(-1)).toMatchObject({ resumed: true });
    expect(rec.all('message').map((e) => e.message.serverId)).toEqual([first.serverId, missed.serverId]);
  });

  it('uploads over HTTP with progress (dev-mode user header) and the file downloads byte for byte', async () => {
    const srv = await host();
    const ann = client(srv.url, { user: 'ann' });
    await ann.connect();
    const progress: Array<[number, number]> = [];
    const m = await ann.sendFile(conversationId('single', 'ben'), 'img', new Blob([PNG], { type: 'image/png' }), {
      name: 'dot.png',
      width: 1,
      height: 1,
      onProgress: (l, t) => progress.push([l, t]),
    });
    expect(m.body).toMatchObject({ type: 'img', name: 'dot.png', size: PNG.length, mime: 'image/png', width: 1 });
    expect(progress.at(-1)).toEqual([PNG.length, PNG.length]);
    const url = (m.body as { url: string }).url;
    expect(url.startsWith(srv.httpUrl)).toBe(true);
    const res = await fetch(url);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG);
  });

  it('with signed tokens: a valid token logs in and uploads; a forged one is refused without retrying', async () => {
    const secret = 'test-secret';
    const srv = await host({ dev: false, secret });
    const ann = client(srv.url, { token: createToken('ann', { secret }) });
    await ann.connect();
    expect(ann.user).toBe('ann');
    const file = await ann.upload(new Blob([PNG], { type: 'image/png' }), { name: 'dot.png' });
    expect(file.size).toBe(PNG.length);

    const forged = client(srv.url, { token: createToken('ann', { secret: 'wrong' }) });
    expect(await codeOf(forged.connect())).toBe(4012);
    expect(forged.state).toBe('closed');
  });

  it("a refused upload rejects with natter's code from the HTTP answer", async () => {
    const srv = await host();
    const ann = client(srv.url, { user: 'ann' });
    await ann.connect();
    expect(await codeOf(ann.upload(new Blob(['not a png at all'], { type: 'image/png' }), { name: 'x.png' }))).toBe(
      4151,
    );
  });
});
