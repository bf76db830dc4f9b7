// natter's own ChatClient over its WebSocket transport against a real
// `natter serve` in-process: tokens, messages, and a file sent as a message
// (uploaded over HTTP with progress, downloadable byte for byte).
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createChatClient } from '../../src/client/chat-client';
import type { ChatClient } from '../../src/client/chat-client-types';
import { createToken } from '../../src/node/token';
import type { RunningServer } from '../../src/node/serve';
import type { Message } from '../../src/protocol/message';
import { SECRET, startTestServer, tempDir } from './support/servers';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function serve(): Promise<RunningServer> {
  const tmp = tempDir();
  const server = await startTestServer(tmp.dir);
  cleanups.push(tmp.remove, () => server.close());
  return server;
}
async function chat(server: RunningServer, user: string): Promise<ChatClient> {
  const client = createChatClient({
    url: server.url,
    WebSocket,
    token: createToken(user, { secret: SECRET }),
    reconnect: false,
  });
  cleanups.push(() => client.close());
  await client.connect();
  return client;
}
function next<T>(client: ChatClient, event: 'message'): Promise<T> {
  return new Promise((resolve) => {
    const off = client.on(event, (e) => {
      off();
      resolve(e as T);
    });
  });
}

describe('ChatClient against natter serve', () => {
  it('sends text between two users with signed tokens', async () => {
    const server = await serve();
    const [alice, bob] = [await chat(server, 'alice'), await chat(server, 'bob')];
    const received = next<{ message: Message }>(bob, 'message');
    const sent = await alice.sendText('single:bob', 'hello over ws');
    expect((await received).message.serverId).toBe(sent.serverId);
  });

  it('sends an image as a message: upload with progress, then the URL serves the same bytes', async () => {
    const server = await serve();
    const [alice, bob] = [await chat(server, 'alice'), await chat(server, 'bob')];
    const progress: number[] = [];
    const received = next<{ message: Message }>(bob, 'message');
    const sent = await alice.sendFile('single:bob', 'img', new Blob([PNG], { type: 'image/png' }), {
      name: 'dot.png',
      onProgress: (loaded) => progress.push(loaded),
    });
    const body = (await received).message.body as { type: string; url: string; size: number; name: string };
    expect(body).toMatchObject({ type: 'img', size: PNG.length, name: 'dot.png' });
    expect(sent.serverId).toBeTruthy();
    expect(progress.at(-1)).toBe(PNG.length);
    const res = await fetch(body.url);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
  });
});
