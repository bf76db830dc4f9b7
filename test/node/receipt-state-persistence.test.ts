// The receipt state a sender reads back later (peer read/delivered markers,
// group read counts) is kept in SQLite: after a restart of `natter serve`, a
// sender who was offline when the receipts happened sees them through
// ChatClient's `conversations()` and `history()`.
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createChatClient } from '../../src/client/chat-client';
import type { ChatClient } from '../../src/client/chat-client-types';
import { createToken } from '../../src/node/token';
import type { RunningServer } from '../../src/node/serve';
import { SECRET, startTestServer, tempDir } from './support/servers';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
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

describe('receipt state across a restart of natter serve', () => {
  it('keeps the peer markers of a single chat and the read counts of group messages', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    let server = await startTestServer(tmp.dir);
    const alice = await chat(server, 'alice');
    const m1 = await alice.sendText('single:bob', 'one');
    const m2 = await alice.sendText('single:bob', 'two');
    await alice.createGroup({ groupId: 'team', name: 'Team', members: ['bob', 'carol'] });
    const asked = await alice.send(
      'team',
      'group',
      { type: 'txt', msg: 'read me' },
      { config: { allowGroupAck: true } },
    );
    alice.close();

    const bob = await chat(server, 'bob');
    await bob.sendDeliveryReceipt([m1.serverId, m2.serverId]);
    await bob.markRead('single:alice', m1.seq);
    await bob.sendReadReceipt(asked.serverId);
    bob.close();
    await server.close();

    server = await startTestServer(tmp.dir);
    cleanups.push(() => server.close());
    const back = await chat(server, 'alice');
    const single = (await back.conversations()).find((c) => c.id === 'single:bob');
    expect(single).toMatchObject({ peerReadSeq: m1.seq, peerDeliveredSeq: m2.seq });
    expect(await back.history('single:bob')).toMatchObject({ peerReadSeq: m1.seq, peerDeliveredSeq: m2.seq });
    expect((await back.history('group:team')).groupReadCounts).toEqual({ [asked.serverId]: 1 });
  });
});
