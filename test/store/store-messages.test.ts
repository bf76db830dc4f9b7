import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../src/protocol/message';
import type { ChatState } from '../../src/store/chat-state';
import { createHarness, until, type Harness } from './chat-harness';

let h: Harness;
afterEach(() => h?.close());

function texts(s: ChatState, conv: `single:${string}` | `group:${string}`): string[] {
  const m = s.conversationMessages.get(conv);
  if (!m) return [];
  return [...m.items, ...m.pending].map((x) => (x.body.type === 'txt' ? x.body.msg : x.body.type));
}

describe('messages in the store', () => {
  it('keeps incoming messages in seq order, once each, in both conversations', async () => {
    h = createHarness();
    const alice = await h.session('alice');
    const bob = await h.session('bob');
    for (let i = 0; i < 20; i++) await bob.client.sendText('single:alice', `m${i}`);
    await until(
      () => alice.store.getState().conversationMessages.get('single:bob')?.items.length === 20,
      '20 messages',
    );
    const items = alice.store.getState().conversationMessages.get('single:bob')?.items ?? [];
    expect(items.map((m) => m.seq)).toEqual([...Array(20).keys()].map((i) => i + 1));
    expect(texts(alice.store.getState(), 'single:bob')).toEqual([...Array(20).keys()].map((i) => `m${i}`));
    await until(
      () => bob.store.getState().conversationMessages.get('single:alice')?.items.length === 20,
      'sender copies',
    );
    expect(bob.store.getState().conversationMessages.get('single:alice')?.pending).toEqual([]);
  });

  it('shows an own send as pending, then replaces it with the stored copy without ever showing it twice', async () => {
    h = createHarness();
    const alice = await h.session('alice');
    await h.session('bob');
    let maxCopies = 0;
    let sawPending = false;
    alice.store.subscribe((s) => {
      const m = s.conversationMessages.get('single:bob');
      if (!m) return;
      if (m.pending.length > 0) sawPending = true;
      const ids = [...m.items.map((x) => x.localId), ...m.pending.map((x) => x.localId)];
      maxCopies = Math.max(maxCopies, ids.filter((x) => x === ids[0]).length);
    });
    const sent = await alice.client.sendText('single:bob', 'hello');
    await until(() => alice.store.getState().conversationMessages.get('single:bob')?.items.length === 1, 'stored copy');
    alice.binding.flush();
    const m = alice.store.getState().conversationMessages.get('single:bob');
    expect(m?.pending).toEqual([]);
    expect(m?.items[0]?.serverId).toBe(sent.serverId);
    expect(sawPending || m?.items.length === 1).toBe(true);
    expect(maxCopies).toBe(1);
  });

  it('ignores repeated and out-of-order copies of stored messages', async () => {
    h = createHarness();
    const alice = await h.session('alice');
    const bob = await h.session('bob');
    for (let i = 0; i < 5; i++) await bob.client.sendText('single:alice', `m${i}`);
    await until(() => alice.store.getState().conversationMessages.get('single:bob')?.items.length === 5, '5 messages');
    const page = await alice.client.history('single:bob', { limit: 50 });
    const before = alice.store.getState().conversationMessages.get('single:bob');
    alice.store.apply([{ kind: 'history', conversation: 'single:bob', page }]);
    alice.store.apply([
      { kind: 'history', conversation: 'single:bob', page: { ...page, messages: [...page.messages].reverse() } },
    ]);
    expect(alice.store.getState().conversationMessages.get('single:bob')).toBe(before);
  });

  it('replaces a recalled message with its tombstone for both sides and lowers the unread count', async () => {
    h = createHarness();
    const alice = await h.session('alice');
    const bob = await h.session('bob');
    await bob.client.sendText('single:alice', 'keep');
    const oops = await bob.client.sendText('single:alice', 'oops');
    await until(() => alice.store.getState().conversations.summaries.get('single:bob')?.unread === 2, 'unread 2');
    await bob.client.recall(oops.serverId);
    await until(
      () => alice.store.getState().conversationMessages.get('single:bob')?.items[1]?.body.type === 'recalled',
      'tombstone at alice',
    );
    await until(
      () => bob.store.getState().conversationMessages.get('single:alice')?.items[1]?.body.type === 'recalled',
      'tombstone at bob',
    );
    const s = alice.store.getState();
    expect(s.conversationMessages.get('single:bob')?.items.length).toBe(2);
    expect(s.conversations.summaries.get('single:bob')?.unread).toBe(1);
    expect(s.conversations.summaries.get('single:bob')?.lastMessage?.body.type).toBe('recalled');
    const fresh = await alice.client.conversations();
    expect(fresh.find((c) => c.id === 'single:bob')?.unread).toBe(1);
  });

  it('marks a send to a group one is not in as failed with code 602', async () => {
    h = createHarness();
    const alice = await h.session('alice');
    const carol = await h.session('carol');
    await alice.client.createGroup({ groupId: 'g1', name: 'G', members: ['bob'] });
    await expect(carol.client.sendText('group:g1', 'let me in')).rejects.toMatchObject({ code: 602 });
    await until(
      () => carol.store.getState().conversationMessages.get('group:g1')?.pending[0]?.status === 'failed',
      'failed entry',
    );
    expect(carol.store.getState().conversationMessages.get('group:g1')?.pending[0]?.error?.code).toBe(602);
  });

  it('keeps an offline send pending, then shows it sent once after reconnecting', async () => {
    h = createHarness();
    const alice = await h.session('alice');
    await h.session('bob');
    const copies: number[] = [];
    const statuses: string[] = [];
    alice.store.subscribe((s) => {
      const m = s.conversationMessages.get('single:bob');
      if (!m) return;
      copies.push(m.items.length + m.pending.length);
      statuses.push(m.pending[0]?.status ?? (m.items[0] ? 'stored' : 'none'));
    });
    alice.client.dropConnection();
    expect(alice.client.state).not.toBe('open');
    const p = alice.client.sendText('single:bob', 'while offline');
    alice.binding.flush(); // apply the outbox event now, while the connection is still down
    expect(alice.client.state).not.toBe('open');
    expect(alice.store.getState().conversationMessages.get('single:bob')?.pending[0]?.status).toBe('pending');
    const sent: Message = await p;
    await until(
      () => alice.store.getState().conversationMessages.get('single:bob')?.items[0]?.serverId === sent.serverId,
      'stored copy',
    );
    alice.binding.flush();
    expect(alice.store.getState().conversationMessages.get('single:bob')?.pending).toEqual([]);
    expect(alice.store.getState().conversationMessages.get('single:bob')?.items.length).toBe(1);
    expect(Math.max(...copies)).toBe(1);
    expect(statuses[0]).toBe('pending');
    expect(statuses[statuses.length - 1]).toBe('stored');
  });

  it('applies a burst of 2,000 incoming messages in far fewer store updates', async () => {
    h = createHarness();
    const alice = await h.session('alice');
    const bob = await h.client('bob');
    const before = alice.updates();
    await Promise.all([...Array(2000).keys()].map((i) => bob.sendText('single:alice', `b${i}`)));
    await until(
      () => alice.store.getState().conversationMessages.get('single:bob')?.items.length === 2000,
      '2000 messages',
      15000,
    );
    const updates = alice.updates() - before;
    expect(updates).toBeLessThan(200);
    expect(alice.store.getState().conversations.summaries.get('single:bob')?.unread).toBe(2000);
  });
});
