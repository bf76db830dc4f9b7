import { afterEach, describe, expect, it } from 'vitest';
import { createChatClient } from '../../src/client/chat-client';
import type { Transport } from '../../src/protocol/link';
import { createEmbeddedServer } from '../../src/server/embedded-server';
import { bindClient } from '../../src/store/bind-client';
import { createChatStore } from '../../src/store/create-chat-store';
import { createHarness, until, type Harness } from './chat-harness';

let h: Harness;
afterEach(() => h?.close());

describe('conversations and unread counts in the store', () => {
  it('follows the server count, clears it when another device marks the conversation read, and orders by update', async () => {
    h = createHarness();
    const alice = await h.session('alice');
    const alicePhone = await h.session('alice', { device: 'phone' });
    const bob = await h.client('bob');
    const carol = await h.client('carol');
    await bob.sendText('single:alice', 'one');
    await bob.sendText('single:alice', 'two');
    await carol.sendText('single:alice', 'three');
    await until(() => alice.store.getState().conversations.totalUnread === 3, 'total unread 3');
    expect(alice.store.getState().conversations.order).toEqual(['single:carol', 'single:bob']);
    await bob.sendText('single:alice', 'four');
    await until(() => alice.store.getState().conversations.order[0] === 'single:bob', 'bob first again');
    expect(alice.store.getState().conversations.summaries.get('single:bob')?.unread).toBe(3);

    await alicePhone.client.markRead('single:bob');
    await until(
      () => alice.store.getState().conversations.summaries.get('single:bob')?.unread === 0,
      'read on the other device',
    );
    expect(alice.store.getState().conversations.totalUnread).toBe(1);
    const server = await alice.client.conversations();
    expect(server.find((c) => c.id === 'single:bob')?.unread).toBe(0);
  });

  it('does not drift when events repeat or arrive out of order, and never goes negative', async () => {
    h = createHarness();
    const alice = await h.session('alice');
    const bob = await h.client('bob');
    const events: import('../../src/protocol/frames').ChatEvent[] = [];
    alice.client.on('message', (e) => events.push(e));
    alice.client.on('readState', (e) => events.push(e));
    for (let i = 0; i < 3; i++) await bob.sendText('single:alice', `m${i}`);
    await alice.client.markRead('single:bob', 2);
    await bob.sendText('single:alice', 'm3');
    await until(() => events.length === 5, 'five events');
    await until(() => alice.store.getState().conversations.summaries.get('single:bob')?.lastSeq === 4, 'all applied');
    alice.binding.flush();
    const settled = alice.store.getState().conversations.summaries.get('single:bob');
    expect(settled?.unread).toBe(2);
    // The same events again, then in reverse: nothing moves.
    alice.store.apply(events.map((event) => ({ kind: 'event' as const, event })));
    alice.store.apply([...events].reverse().map((event) => ({ kind: 'event' as const, event })));
    expect(alice.store.getState().conversations.summaries.get('single:bob')).toBe(settled);
    // A read marker further on with a nonsense count clamps at zero.
    alice.store.apply([
      { kind: 'event', event: { type: 'readState', conversation: 'single:bob', readSeq: 9, unread: -4 } },
    ]);
    expect(alice.store.getState().conversations.summaries.get('single:bob')?.unread).toBe(0);
    expect(alice.store.getState().conversations.totalUnread).toBe(0);
  });

  it('drops a conversation deleted on another device, and its messages when history is deleted too', async () => {
    h = createHarness();
    const alice = await h.session('alice');
    const phone = await h.session('alice', { device: 'phone' });
    const bob = await h.client('bob');
    await bob.sendText('single:alice', 'hello');
    await until(() => alice.store.getState().conversationMessages.get('single:bob')?.items.length === 1, 'message');
    await phone.client.deleteConversation('single:bob', { deleteHistory: true });
    await until(() => !alice.store.getState().conversations.summaries.get('single:bob'), 'removed from the list');
    alice.binding.flush();
    expect(alice.store.getState().conversations.order).toEqual([]);
    expect(alice.store.getState().conversations.totalUnread).toBe(0);
    expect(alice.store.getState().conversationMessages.get('single:bob')?.items ?? []).toEqual([]);
  });

  it('bootstraps the list on the first welcome', async () => {
    h = createHarness();
    const bob = await h.client('bob');
    await bob.sendText('single:alice', 'before alice came');
    await bob.invite('alice', { timeout: 60 });
    const alice = await h.session('alice');
    const server = await alice.client.conversations();
    // The message and the invitation's signaling message both count.
    expect(server.find((c) => c.id === 'single:bob')?.unread).toBe(2);
    expect(alice.store.getState().conversations.summaries.get('single:bob')?.unread).toBe(2);
    expect(alice.store.getState().invitations.incoming.length).toBe(1);
  });

  it('resyncs the list after a reset (the server lost the session position)', async () => {
    h = createHarness();
    const replacement = createEmbeddedServer();
    let target: Transport = h.server.connect();
    // A transport that can be pointed at another server: a restart that lost the event log.
    const switching: Transport = { connect: (handlers) => target.connect(handlers) };
    const client = createChatClient({
      transport: switching,
      user: 'alice',
      reconnect: { initialDelayMs: 5, maxDelayMs: 20 },
    });
    const store = createChatStore(client);
    const unbind = bindClient(client, store);
    try {
      await client.connect();
      const bob = await h.client('bob');
      // Enough events that alice's position is past the end of the replacement's log.
      for (let i = 0; i < 6; i++) await bob.sendText('single:alice', `on the first server ${i}`);
      await until(() => store.getState().conversations.summaries.get('single:bob')?.unread === 6, 'first messages');
      const generation = store.getState().connection.syncGeneration;

      const bob2 = createChatClient({ transport: replacement.connect(), user: 'bob' });
      await bob2.connect();
      await bob2.createGroup({ groupId: 'team', name: 'Team', members: ['alice'] });
      await bob2.sendText('group:team', 'hi team');
      target = replacement.connect();
      client.dropConnection();
      await until(() => store.getState().connection.syncGeneration > generation, 'a reset resync');
      await until(
        () => store.getState().conversations.summaries.get('group:team')?.unread === 1,
        'the new server list',
      );
      expect(store.getState().conversations.summaries.get('single:bob')).toBeUndefined();
      expect(store.getState().conversations.totalUnread).toBe(1);
      bob2.close();
    } finally {
      unbind();
      client.close();
      replacement.close();
    }
  });
});
