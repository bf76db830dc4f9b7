// Receipt state is recoverable after the fact: a sender that was offline when
// its messages were delivered and read learns it from `conversations()` (the
// peer's read and delivered markers) and `history()` (the same markers for
// single chats, read counts for its group messages sent with allowGroupAck)
// — through ChatClient against the real embedded server.
import { afterEach, describe, expect, it } from 'vitest';
import { createChatClient } from '../../src/client/chat-client';
import type { ChatClient } from '../../src/client/chat-client-types';
import { createEmbeddedServer, type EmbeddedServer } from '../../src/server/embedded-server';

const servers: EmbeddedServer[] = [];
const clients: ChatClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
  for (const s of servers.splice(0)) s.close();
});

function server(): EmbeddedServer {
  const s = createEmbeddedServer();
  servers.push(s);
  return s;
}

/** A connected client; `close()` it to take the user offline. */
async function online(srv: EmbeddedServer, user: string): Promise<ChatClient> {
  const c = createChatClient({ transport: srv.connect(), user, reconnect: false });
  clients.push(c);
  await c.connect();
  return c;
}

describe('receipt state kept by the server', () => {
  it('shows a single chat’s delivered and read markers to a sender who was offline when they moved', async () => {
    const srv = server();
    const alice = await online(srv, 'alice');
    const m1 = await alice.sendText('single:bob', 'one');
    const m2 = await alice.sendText('single:bob', 'two');
    const m3 = await alice.sendText('single:bob', 'three');
    expect((await alice.conversations())[0]).toMatchObject({ id: 'single:bob', peerReadSeq: 0, peerDeliveredSeq: 0 });
    alice.close();

    const bob = await online(srv, 'bob');
    await bob.sendDeliveryReceipt([m1.serverId, m2.serverId]);
    await bob.sendReadReceipt(m1.serverId);
    bob.close();

    let back = await online(srv, 'alice');
    expect((await back.conversations())[0]).toMatchObject({
      id: 'single:bob',
      peerReadSeq: m1.seq,
      peerDeliveredSeq: m2.seq,
    });
    const page = await back.history('single:bob');
    expect(page.messages.map((m) => m.seq)).toEqual([m3.seq, m2.seq, m1.seq]);
    expect([page.peerReadSeq, page.peerDeliveredSeq]).toEqual([m1.seq, m2.seq]);
    back.close();

    // The peer's channel ack (markRead) moves both markers to the end; they never go back.
    const bobAgain = await online(srv, 'bob');
    await bobAgain.markRead('single:alice');
    await bobAgain.sendDeliveryReceipt([m1.serverId]);
    bobAgain.close();
    back = await online(srv, 'alice');
    expect((await back.conversations())[0]).toMatchObject({ peerReadSeq: m3.seq, peerDeliveredSeq: m3.seq });
    expect(await back.history('single:bob')).toMatchObject({ peerReadSeq: m3.seq, peerDeliveredSeq: m3.seq });
  });

  it('keeps each side’s markers apart: what the peer read of mine, not what I read of theirs', async () => {
    const srv = server();
    const alice = await online(srv, 'alice');
    const bob = await online(srv, 'bob');
    const fromAlice = await alice.sendText('single:bob', 'hi bob');
    const fromBob = await bob.sendText('single:alice', 'hi alice');
    await alice.markRead('single:bob');
    expect((await bob.conversations())[0]).toMatchObject({
      id: 'single:alice',
      peerReadSeq: fromBob.seq,
      peerDeliveredSeq: fromBob.seq,
    });
    expect((await alice.conversations())[0]).toMatchObject({ id: 'single:bob', peerReadSeq: 0, peerDeliveredSeq: 0 });
    expect(fromAlice.seq).toBeLessThan(fromBob.seq);
  });

  it('gives the group read count of each own allowGroupAck message in history after the sender comes back', async () => {
    const srv = server();
    const alice = await online(srv, 'alice');
    await alice.createGroup({ groupId: 'team', name: 'Team', members: ['bob', 'carol'] });
    const asked = await alice.send(
      'team',
      'group',
      { type: 'txt', msg: 'read me' },
      { config: { allowGroupAck: true } },
    );
    const plain = await alice.send('team', 'group', { type: 'txt', msg: 'no receipts' });
    alice.close();

    const bob = await online(srv, 'bob');
    const carol = await online(srv, 'carol');
    const own = await bob.sendText('group:team', 'from bob');
    await bob.sendReadReceipt(asked.serverId);
    await carol.sendReadReceipt(asked.serverId);
    await carol.sendReadReceipt(asked.serverId);
    bob.close();
    carol.close();

    const back = await online(srv, 'alice');
    const page = await back.history('group:team');
    expect(page.messages.map((m) => m.serverId)).toEqual([own.serverId, plain.serverId, asked.serverId]);
    expect(page.groupReadCounts).toEqual({ [asked.serverId]: 2 });
    expect(page.peerReadSeq).toBeUndefined();
    // Counts are for the sender's own messages only.
    const bobBack = await online(srv, 'bob');
    expect((await bobBack.history('group:team')).groupReadCounts).toBeUndefined();
    expect((await back.conversations()).find((c) => c.id === 'group:team')?.peerReadSeq).toBeUndefined();
  });
});
