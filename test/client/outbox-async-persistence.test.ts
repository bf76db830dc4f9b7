// An outbox kept in asynchronous storage (IndexedDB in browsers): the saved
// sends arrive after the client started, so nothing is written before they
// are read (a new send must not replace them), the merged outbox is saved
// once they are in, and they are sent when the client is already connected —
// against the real embedded server.
import { afterEach, describe, expect, it } from 'vitest';
import { createChatClient } from '../../src/client/chat-client';
import type { ChatClient, OutboxPersistence, PendingMessage } from '../../src/client/chat-client-types';
import { createEmbeddedServer, type EmbeddedServer } from '../../src/server/embedded-server';

const servers: EmbeddedServer[] = [];
const clients: ChatClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
  for (const s of servers.splice(0)) s.close();
});

/** Storage whose load answers when the test says so; every save is recorded. */
function slowStorage(saved: PendingMessage[]) {
  let answer!: () => void;
  const gate = new Promise<void>((resolve) => (answer = resolve));
  const saves: string[][] = [];
  const persistence: OutboxPersistence = {
    load: () => gate.then(() => saved),
    save: (pending) => void saves.push(pending.map((p) => p.localId)),
  };
  return { persistence, saves, release: () => answer() };
}

const restored: PendingMessage = {
  localId: '01JRESTORED000000000000000',
  to: 'bob',
  chatType: 'single',
  body: { type: 'txt', msg: 'from last time' },
  from: 'alice',
  conversation: 'single:bob',
  createdAt: 1,
  status: 'pending',
};

describe('outbox in asynchronous storage', () => {
  it('writes nothing until the saved sends are read, then saves both and sends the restored one once connected', async () => {
    const server = createEmbeddedServer();
    servers.push(server);
    const storage = slowStorage([restored]);
    const alice = createChatClient({ transport: server.connect(), user: 'alice', outbox: storage.persistence });
    clients.push(alice);
    await alice.connect();
    const fresh = alice.sendText('single:bob', 'written now');
    expect(storage.saves).toEqual([]);

    storage.release();
    await fresh;
    await expect.poll(() => alice.pending().length).toBe(0);
    expect(storage.saves[0]?.sort()).toEqual([restored.localId, expect.any(String)].sort());
    const history = await alice.history('single:bob');
    expect(history.messages.map((m) => (m.body.type === 'txt' ? m.body.msg : '')).sort()).toEqual([
      'from last time',
      'written now',
    ]);
    await expect.poll(() => storage.saves.at(-1)).toEqual([]);
  });
});
