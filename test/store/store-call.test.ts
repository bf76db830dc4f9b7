// The call slice: the store mirrors the client's CallClient through its one
// writer (bindClient), whether the CallClient is made before or after the
// binding, and stops when unbound. Node has no microphone, so a call cannot
// start here: what reaches the store is the media error, as a page without
// media access would see it (real calls are in test/browser/calls.test.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { callClientFor } from '../../src/client/call/call-client';
import { createChatClient } from '../../src/client/chat-client';
import type { ChatClient } from '../../src/client/chat-client-types';
import { conversationId } from '../../src/protocol/ids';
import { createEmbeddedServer, type EmbeddedServer } from '../../src/server/embedded-server';
import { bindClient, createChatStore, microtaskScheduler, type ChatBinding } from '../../src/entries/store';
import { until } from './chat-harness';

let server: EmbeddedServer | null = null;
const clients: ChatClient[] = [];
const bindings: ChatBinding[] = [];
afterEach(() => {
  for (const b of bindings.splice(0)) b();
  for (const c of clients.splice(0)) c.close();
  server?.close();
  server = null;
});

async function connected(user: string): Promise<ChatClient> {
  server ??= createEmbeddedServer();
  const c = createChatClient({ transport: server.connect(), user });
  clients.push(c);
  await c.connect();
  return c;
}

describe('call slice', () => {
  it('starts empty, then holds the media error of a call that could not start (made after binding), until dismissed', async () => {
    const alice = await connected('alice');
    const bob = await connected('bob');
    const store = createChatStore(alice);
    const bobStore = createChatStore(bob);
    bindings.push(
      bindClient(alice, store, { schedule: microtaskScheduler }),
      bindClient(bob, bobStore, { schedule: microtaskScheduler }),
    );
    expect(store.getState().call).toEqual({
      current: null,
      mediaError: null,
      devices: { audioinput: null, videoinput: null, audiooutput: null },
    });

    const calls = callClientFor(alice);
    await expect(calls.start(conversationId('single', 'bob'), 'video')).rejects.toMatchObject({
      name: 'CallMediaError',
      kind: 'media-failed',
    });
    // Applied at once, like an answer: the store says so when the Promise settles.
    expect(store.getState().call.mediaError?.kind).toBe('media-failed');
    expect(store.getState().call.current).toBeNull();
    // Nobody was rung for a call that could not open its media.
    await until(() => bobStore.getState().conversations.loaded, "bob's bootstrap");
    expect(bobStore.getState().invitations.incoming).toEqual([]);

    calls.dismiss();
    expect(store.getState().call.mediaError).toBeNull();
  });

  it('a store bound after the CallClient was made starts from its state; unbinding stops the mirror', async () => {
    const alice = await connected('alice');
    await connected('bob');
    const calls = callClientFor(alice);
    await calls.start(conversationId('single', 'bob'), 'audio').catch(() => undefined);
    expect(calls.mediaError?.kind).toBe('media-failed');

    const store = createChatStore(alice);
    const unbind = bindClient(alice, store, { schedule: microtaskScheduler });
    await until(() => store.getState().call.mediaError !== null, 'the call slice from the existing CallClient');
    expect(store.getState().call.mediaError?.kind).toBe('media-failed');

    unbind();
    calls.dismiss();
    expect(calls.mediaError).toBeNull();
    expect(store.getState().call.mediaError?.kind).toBe('media-failed');
  });

  it('holds the devices chosen before a call (a speaker needs no media), and the default again', async () => {
    const alice = await connected('alice');
    const store = createChatStore(alice);
    bindings.push(bindClient(alice, store, { schedule: microtaskScheduler }));
    const calls = callClientFor(alice);
    await calls.chooseDevice('audiooutput', 'speaker-2');
    await calls.chooseDevice('videoinput', 'camera-3');
    expect(store.getState().call.devices).toEqual({
      audioinput: null,
      videoinput: 'camera-3',
      audiooutput: 'speaker-2',
    });
    expect(calls.devices).toBe(store.getState().call.devices);
    await calls.chooseDevice('videoinput', null);
    expect(store.getState().call.devices.videoinput).toBeNull();
  });

  it('one CallClient per ChatClient, whoever asks', async () => {
    const alice = await connected('alice');
    expect(callClientFor(alice)).toBe(callClientFor(alice));
  });
});
