// The store follows the conversation features through its one writer: a
// reaction or edit replaces the loaded message (a later revision wins, a
// tombstone stays), thread replies stay out of the conversation's messages,
// deleted-for-me ids, pins, the mention badge and thread unread counts
// (from events and from every answer holding messages) come from the server.
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatClient } from '../../src/client/chat-client-types';
import { historyAround, searchMessages } from '../../src/client/people';
import { createHarness, until, type Harness } from './chat-harness';

let h: Harness;
afterEach(() => h?.close());

describe('conversation features in the store', () => {
  it('reactions and edits replace the loaded copy and the last message; a recall wins over both', async () => {
    h = createHarness();
    const alice = await h.session('alice');
    const bob = await h.session('bob');
    const m = await alice.client.sendText('single:bob', 'hello');
    const bobItems = () => bob.store.getState().conversationMessages.get('single:alice')?.items ?? [];
    await until(() => bobItems().length === 1, 'bob has it');
    await bob.client.react(m.serverId, '👍');
    await alice.client.editText(m.serverId, 'hello, edited');
    await until(
      () => bobItems()[0]?.body.type === 'txt' && (bobItems()[0]?.body as { msg: string }).msg === 'hello, edited',
      'edit',
    );
    expect(bobItems()[0]?.reactions).toEqual([{ emoji: '👍', users: ['bob'] }]);
    expect(bob.store.getState().conversations.summaries.get('single:alice')?.lastMessage?.edited).toBeDefined();
    await alice.client.recall(m.serverId);
    await until(() => bobItems()[0]?.body.type === 'recalled', 'tombstone');
    await bob.client.react(m.serverId, '👍').catch(() => undefined);
    expect(bobItems()).toHaveLength(1);
    expect(bobItems()[0]?.body.type).toBe('recalled');
  });

  it('thread replies stay out of the conversation and gather under their root, recalls included', async () => {
    h = createHarness();
    const alice = await h.session('alice');
    const bob = await h.session('bob');
    const root = await alice.client.sendText('single:bob', 'topic');
    const r1 = await bob.client.sendText('single:alice', 'first', { threadOf: root.serverId });
    await bob.client.sendText('single:alice', 'second', { threadOf: root.serverId });
    const thread = () => alice.store.getState().features.threads.get(root.serverId) ?? [];
    await until(() => thread().length === 2, 'two replies');
    await bob.client.recall(r1.serverId);
    await until(() => thread()[0]?.body.type === 'recalled', 'recalled reply');
    const items = alice.store.getState().conversationMessages.get('single:bob')?.items ?? [];
    expect(items.map((m) => m.serverId)).toEqual([root.serverId]);
    await until(
      () => alice.store.getState().conversationMessages.get('single:bob')?.items[0]?.thread?.count === 1,
      'root count after the recall',
    );
  });

  it('keeps each followed thread’s unread count as the server says, on every device of the user', async () => {
    h = createHarness();
    const alice = await h.session('alice');
    const aliceOther = await h.session('alice');
    const bob = await h.session('bob');
    const root = await alice.client.sendText('single:bob', 'topic');
    const unread = (s: typeof alice) => s.store.getState().features.threadUnread.get(root.serverId);
    await bob.client.sendText('single:alice', 'first', { threadOf: root.serverId });
    await bob.client.sendText('single:alice', 'second', { threadOf: root.serverId });
    await until(() => unread(alice) === 2 && unread(aliceOther) === 2, 'two unread on both devices');
    // Bob's own replies are read for him; he follows the thread since he replied (his store
    // hears it in its own time: on a busy machine after alice's devices).
    await until(() => unread(bob) === 0, 'bob follows with none unread');
    await alice.client.markThreadRead(root.serverId);
    await until(() => unread(alice) === 0 && unread(aliceOther) === 0, 'read on both devices');
    await bob.client.sendText('single:alice', 'third', { threadOf: root.serverId });
    await until(() => unread(aliceOther) === 1, 'one new');
    // A history page brings the count of the roots it holds.
    await h.session('alice').then(async (fresh) => {
      await fresh.client.history('single:bob');
      await until(() => unread(fresh) === 1, 'count from a page');
    });
  });

  it('takes thread unread counts from every answer that holds a followed root: jump window, pins, lookup, search', async () => {
    h = createHarness();
    const alice = await h.session('alice');
    const bob = await h.session('bob');
    const root = await alice.client.sendText('single:bob', 'roadmap review');
    await bob.client.sendText('single:alice', 'first', { threadOf: root.serverId });
    await bob.client.sendText('single:alice', 'second', { threadOf: root.serverId });
    await alice.client.pin(root.serverId);
    const asks: ((c: ChatClient) => Promise<unknown>)[] = [
      (c) => historyAround(c, root.serverId),
      (c) => c.pins('single:bob'),
      (c) => c.messagesById([root.serverId]),
      (c) => searchMessages(c, 'roadmap'),
    ];
    for (const ask of asks) {
      // A device that has seen nothing of the thread learns the count from the answer alone.
      const fresh = await h.session('alice', { device: `d${asks.indexOf(ask)}` });
      expect(fresh.store.getState().features.threadUnread.get(root.serverId)).toBeUndefined();
      await ask(fresh.client);
      await until(() => fresh.store.getState().features.threadUnread.get(root.serverId) === 2, String(ask));
    }
  });

  it('a thread marked read offline is cleared once the ack is sent on reconnect', async () => {
    h = createHarness();
    const alice = await h.session('alice', { reconnectDelayMs: 50 });
    const bob = await h.session('bob');
    const root = await alice.client.sendText('single:bob', 'topic');
    await bob.client.sendText('single:alice', 'first', { threadOf: root.serverId });
    const unread = () => alice.store.getState().features.threadUnread.get(root.serverId);
    await until(() => unread() === 1, 'one unread');
    alice.client.dropConnection();
    const marked = alice.client.markThreadRead(root.serverId);
    expect(alice.client.state).not.toBe('open');
    expect(unread()).toBe(1);
    expect(await marked).toMatchObject({ unread: 0 });
    await until(() => unread() === 0, 'cleared after the reconnect');
  });

  it('keeps deleted-for-me ids, pins and the mention badge as the server says', async () => {
    h = createHarness();
    const alice = await h.session('alice');
    const bob = await h.session('bob');
    await alice.client.createGroup({ groupId: 'g', name: 'G', members: ['bob'] });
    const m = await alice.client.sendText('group:g', '@bob hi', { mentions: { users: ['bob'] } });
    await until(() => bob.store.getState().conversations.summaries.get('group:g')?.mentions === 1, 'badge');
    await alice.client.pin(m.serverId);
    await until(() => bob.store.getState().features.pins.get('group:g')?.length === 1, 'pinned');
    await bob.client.deleteMessage(m.serverId, 'me');
    await until(() => bob.store.getState().features.hidden.has(m.serverId), 'hidden');
    expect(bob.store.getState().conversations.summaries.get('group:g')?.mentions).toBeUndefined();
    expect(alice.store.getState().features.hidden.size).toBe(0);
  });
});
