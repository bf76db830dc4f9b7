// Web Push end to end on a real `natter serve`: a push service run by the test
// on 127.0.0.1 receives the server's pushes, verifies their VAPID JWT and
// decrypts them with the subscription's keys. A user with no live session is
// pushed new messages (text only when the server allows it) and invitations
// (with offlinePushInfo); a connected one is not; a subscription the push
// service says is gone (410) is deleted; subscribing is validated.
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createChatClient } from '../../src/client/chat-client';
import type { ChatClient } from '../../src/client/chat-client-types';
import { getPresence } from '../../src/client/people';
import { generateVapidKeys } from '../../src/node/push-sender';
import type { RunningServer } from '../../src/node/serve';
import { createToken } from '../../src/node/token';
import { ErrorCode } from '../../src/protocol/errors';
import type { PushPayload } from '../../src/protocol/push';
import { startPushService, type PushService } from './support/push-service';
import { SECRET, spawnServer, startTestServer, tempDir } from './support/servers';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const VAPID = generateVapidKeys();
const SUBJECT = 'mailto:ops@natter.test';

async function pushService(): Promise<PushService> {
  const service = await startPushService();
  cleanups.push(() => service.close());
  return service;
}

async function serve(options: { includeText?: boolean; webPush?: boolean } = {}): Promise<RunningServer> {
  const tmp = tempDir();
  const server = await startTestServer(tmp.dir, {
    ...(options.webPush === false
      ? {}
      : {
          webPush: {
            ...VAPID,
            subject: SUBJECT,
            allowLoopbackHttp: true,
            ...(options.includeText ? { includeText: true } : {}),
          },
        }),
  });
  cleanups.push(tmp.remove, () => server.close());
  return server;
}

async function chat(url: string, user: string): Promise<ChatClient> {
  const client = createChatClient({ url, WebSocket, token: createToken(user, { secret: SECRET }), reconnect: false });
  cleanups.push(() => client.close());
  await client.connect();
  return client;
}

/**
 * `user` subscribes on one device, then closes the app. Returns once the
 * server has seen the session end: a watcher who shares a conversation with
 * `user` sees them offline (closing the socket here does not wait for that).
 */
async function subscribeAndLeave(url: string, user: string, service: PushService, gone = false): Promise<void> {
  const client = await chat(url, user);
  expect(await client.pushPublicKey()).toBe(VAPID.publicKey);
  await client.registerPush(service.subscribe(user, { gone }));
  const watcher = await chat(url, `${user}-watcher`);
  await client.sendText(`single:${user}-watcher`, 'watch me leave');
  await expect.poll(async () => (await getPresence(watcher, [user]))[0]?.status).toBe('online');
  client.close();
  await expect.poll(async () => (await getPresence(watcher, [user]))[0]?.status, { timeout: 10_000 }).toBe('offline');
}

/** What the server stored for `user` (SQLite or PostgreSQL storage). */
const stored = async (server: RunningServer, user: string) => server.storage.listPushSubscriptions(user);

const payloads = (service: PushService, name: string): PushPayload[] =>
  service.received.filter((r) => r.name === name).map((r) => JSON.parse(r.text) as PushPayload);

describe('Web Push on natter serve', () => {
  it('pushes a message to a user with no live session: VAPID-signed for the push service, aes128gcm for the subscription, no text by default', async () => {
    const service = await pushService();
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    const child = await spawnServer(tmp.dir, [
      '--vapid-public-key',
      VAPID.publicKey,
      '--vapid-private-key',
      VAPID.privateKey,
      '--vapid-subject',
      SUBJECT,
      '--push-allow-loopback-http',
    ]);
    cleanups.push(() => child.stop());

    await subscribeAndLeave(child.url, 'bob', service);
    const alice = await chat(child.url, 'alice');
    const sent = await alice.sendText('single:bob', 'see you at 6');

    await expect.poll(() => service.received.length, { timeout: 10_000 }).toBe(1);
    expect(service.rejected).toEqual([]);
    const [push] = service.received;
    expect(push!.vapidKey).toBe(VAPID.publicKey);
    expect(push!.claims.aud).toBe(service.origin);
    expect(push!.claims.sub).toBe(SUBJECT);
    expect(JSON.parse(push!.text)).toEqual({
      kind: 'message',
      conversation: 'single:alice',
      serverId: sent.serverId,
      from: 'alice',
      bodyType: 'txt',
    });
  });

  it('includes the text when the server allows it, and pushes invitations with their offlinePushInfo', async () => {
    const service = await pushService();
    const server = await serve({ includeText: true });
    await subscribeAndLeave(server.url, 'bob', service);
    const alice = await chat(server.url, 'alice');
    await alice.sendText('single:bob', '你好 👋');
    const { invitation } = await alice.invite('bob', {
      data: '{"game":"chess"}',
      timeout: 60,
      offlinePushInfo: { title: 'Alice', description: 'wants to play chess', extension: '{"open":"chess"}' },
    });

    await expect.poll(() => payloads(service, 'bob').length, { timeout: 10_000 }).toBe(2);
    expect(service.rejected).toEqual([]);
    const got = payloads(service, 'bob');
    expect(got).toContainEqual(expect.objectContaining({ kind: 'message', text: '你好 👋', from: 'alice' }));
    expect(got).toContainEqual({
      kind: 'invitation',
      inviteId: invitation.inviteId,
      inviter: 'alice',
      title: 'Alice',
      description: 'wants to play chess',
      extension: '{"open":"chess"}',
    });
  });

  it('pushes nothing to a user who is connected, nor for commands', async () => {
    const service = await pushService();
    const server = await serve();
    await subscribeAndLeave(server.url, 'bob', service);
    await subscribeAndLeave(server.url, 'carol', service);
    const bob = await chat(server.url, 'bob');
    const alice = await chat(server.url, 'alice');
    const arrived = new Promise((resolve) => bob.on('message', resolve));
    await alice.sendText('single:bob', 'you are here');
    await arrived;
    await alice.send('carol', 'single', { type: 'cmd', action: 'typing' });
    // Carol's text is pushed after the messages above were handled: by then any push to bob or for the command was sent.
    await alice.sendText('single:carol', 'are you there?');
    await expect.poll(() => payloads(service, 'carol').length, { timeout: 10_000 }).toBe(1);
    expect(payloads(service, 'carol')[0]).toMatchObject({ kind: 'message', bodyType: 'txt' });
    expect(payloads(service, 'bob')).toEqual([]);
  });

  it('deletes a subscription the push service answers 410 Gone to', async () => {
    const service = await pushService();
    const server = await serve();
    await subscribeAndLeave(server.url, 'bob', service, true);
    expect(await stored(server, 'bob')).toHaveLength(1);
    const alice = await chat(server.url, 'alice');
    await alice.sendText('single:bob', 'hello?');
    await expect.poll(() => service.received.length, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => stored(server, 'bob')).toEqual([]);
  });

  it('a device unsubscribes; a re-subscribed endpoint moves to the device that registered it last', async () => {
    const service = await pushService();
    const server = await serve();
    const sub = service.subscribe('bob');
    const first = await chat(server.url, 'bob');
    await first.registerPush(sub);
    const second = await chat(server.url, 'bob');
    await second.registerPush(sub);
    expect((await stored(server, 'bob')).map((r) => r.device)).toEqual([second.device]);
    await second.unregisterPush();
    expect(await stored(server, 'bob')).toEqual([]);
  });

  it('refuses malformed subscriptions (4002), endpoints it will not send to (4071), and subscribing when push is off (4070)', async () => {
    const service = await pushService();
    const server = await serve();
    const bob = await chat(server.url, 'bob');
    const good = service.subscribe('bob');
    await expect(bob.registerPush({ ...good, keys: { ...good.keys, auth: 'short' } })).rejects.toMatchObject({
      code: ErrorCode.INVALID_PARAMS,
    });
    await expect(bob.registerPush({ ...good, endpoint: 'javascript:alert(1)' })).rejects.toMatchObject({
      code: ErrorCode.INVALID_PARAMS,
    });
    await expect(bob.registerPush({ ...good, endpoint: 'http://push.example.com/x' })).rejects.toMatchObject({
      code: ErrorCode.PUSH_ENDPOINT_NOT_ALLOWED,
    });
    expect(await stored(server, 'bob')).toEqual([]);

    const plain = await serve({ webPush: false });
    const carol = await chat(plain.url, 'carol');
    expect(await carol.pushPublicKey()).toBeNull();
    await expect(carol.registerPush(good)).rejects.toMatchObject({ code: ErrorCode.PUSH_NOT_CONFIGURED });
  });
});
