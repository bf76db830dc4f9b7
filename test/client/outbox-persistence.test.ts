// Unsent messages survive a reload: a client made with webStorageOutbox saves
// its pending and failed sends, and the next client with the same storage key
// lists them and sends them once connected — stored once even when the first
// attempt reached the server — against the real embedded server.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createChatClient } from '../../src/client/chat-client';
import type { ChatClient } from '../../src/client/chat-client-types';
import { webStorageOutbox, type KeyValueStorage } from '../../src/client/outbox-persistence';
import { createEmbeddedServer, type EmbeddedServer } from '../../src/server/embedded-server';
import { memoryWebStorage } from '../support/memory-web-storage';

const servers: EmbeddedServer[] = [];
const clients: ChatClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
  for (const s of servers.splice(0)) s.close();
  vi.restoreAllMocks();
});

function setup() {
  const server = createEmbeddedServer();
  servers.push(server);
  const storage = memoryWebStorage();
  const make = (user: string, withOutbox = true): ChatClient => {
    const c = createChatClient({
      transport: server.connect(),
      user,
      ...(withOutbox ? { outbox: webStorageOutbox(`natter:outbox:${user}`, storage) } : {}),
    });
    clients.push(c);
    return c;
  };
  return { server, storage, make };
}

/** The conversation's texts, oldest first (history pages come newest first). */
const texts = async (c: ChatClient, conversation: `single:${string}`) =>
  (await c.history(conversation)).messages.map((m) => (m.body.type === 'txt' ? m.body.msg : m.body.type)).reverse();

describe('outbox persistence', () => {
  it('sends after a reload what was written offline, in order, once', async () => {
    const { storage, make } = setup();
    const before = make('alice');
    void before.sendText('single:bob', 'first').catch(() => undefined);
    void before.sendText('single:bob', 'second').catch(() => undefined);
    expect(before.pending().map((p) => p.status)).toEqual(['pending', 'pending']);
    before.close(); // the page goes away before it ever connected
    expect(JSON.parse(storage.getItem('natter:outbox:alice') ?? '[]')).toHaveLength(2);

    const after = make('alice');
    expect(after.pending().map((p) => [p.body.type === 'txt' ? p.body.msg : '', p.status])).toEqual([
      ['first', 'pending'],
      ['second', 'pending'],
    ]);
    const bob = make('bob', false);
    await bob.connect();
    const received: string[] = [];
    bob.on('message', (e) => received.push(e.message.body.type === 'txt' ? e.message.body.msg : ''));
    await after.connect();
    await vi.waitFor(() => expect(after.pending()).toEqual([]));
    await vi.waitFor(() => expect(received).toEqual(['first', 'second']));
    expect(await texts(bob, 'single:alice')).toEqual(['first', 'second']);
    // Sent messages leave the saved outbox shortly after (a reload before that only sends them again).
    await expect.poll(() => storage.getItem('natter:outbox:alice')).toBeNull();
  });

  it('stores a send once when its first attempt reached the server before the reload', async () => {
    const { storage, make } = setup();
    const before = make('alice');
    await before.connect();
    void before.sendText('single:bob', 'in flight').catch(() => undefined);
    before.close(); // unloaded before the answer
    expect(storage.getItem('natter:outbox:alice')).toContain('in flight');
    const after = make('alice');
    await after.connect();
    await vi.waitFor(() => expect(after.pending()).toEqual([]));
    const bob = make('bob', false);
    await bob.connect();
    expect(await texts(bob, 'single:alice')).toEqual(['in flight']);
  });

  it('keeps a refused send as failed with its code across the reload', async () => {
    const { make } = setup();
    const before = make('alice');
    await before.connect();
    await expect(before.sendText('group:nowhere', 'hello?')).rejects.toMatchObject({ code: 605 });
    before.close();
    const after = make('alice');
    expect(after.pending()).toMatchObject([{ status: 'failed', error: { code: 605 }, conversation: 'group:nowhere' }]);
    after.discard(after.pending()[0]!.localId);
    expect(after.pending()).toEqual([]);
    // A reload runs in a later task: the discard is written by then.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(make('alice').pending()).toEqual([]);
  });

  it('writes the outbox once for sends queued together, and a few times while hundreds drain', async () => {
    const { storage, make } = setup();
    const writes: number[] = [];
    const setItem = storage.setItem;
    storage.setItem = (key, value) => {
      writes.push((JSON.parse(value) as unknown[]).length);
      setItem(key, value);
    };
    const alice = make('alice');
    const sent = Array.from({ length: 300 }, (_, i) => alice.sendText('single:bob', `queued ${i}`));
    expect(writes).toEqual([]); // at the end of this task, with all of them
    await Promise.resolve();
    expect(writes).toEqual([300]);
    await alice.connect();
    const stored = await Promise.all(sent);
    // Stored in the order they were written.
    expect(stored.every((m, i) => i === 0 || m.seq > stored[i - 1]!.seq)).toBe(true);
    await expect.poll(() => storage.getItem('natter:outbox:alice')).toBeNull();
    // Written once per message, this was 300 writes of the shrinking outbox (45,150 entries).
    expect(writes.length).toBeLessThan(10);
  });

  it('ignores saved data it cannot use, and keeps sending when the storage refuses writes', async () => {
    const { storage, make } = setup();
    storage.setItem(
      'natter:outbox:alice',
      JSON.stringify([
        { localId: 'x' },
        'junk',
        {
          localId: 'y',
          to: 'bob',
          chatType: 'single',
          from: 'alice',
          conversation: 'single:bob',
          createdAt: 1,
          status: 'sent',
          body: { type: 'txt', msg: 'done' },
        },
      ]),
    );
    expect(make('alice').pending()).toEqual([]);
    storage.setItem('natter:outbox:alice', '{not json');
    expect(make('alice').pending()).toEqual([]);

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const server = createEmbeddedServer();
    servers.push(server);
    const alice = createChatClient({ transport: server.connect(), user: 'alice', outbox: webStorageOutbox('k', full) });
    clients.push(alice);
    await alice.connect();
    await expect(alice.sendText('single:bob', 'still sent')).resolves.toMatchObject({ body: { msg: 'still sent' } });
    await alice.sendText('single:bob', 'and again');
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
