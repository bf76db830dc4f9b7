// Batches applied straight to the store (the path bindClient's queue takes): the
// conversation order, unread total and references across batches that touch many
// conversations, some of them, or tie on time. The client is real but offline:
// these inputs are what it would re-emit.
import { describe, expect, it } from 'vitest';
import { createChatClient } from '../../src/client/chat-client';
import type { ConversationSummary } from '../../src/protocol/entities';
import type { ConversationId } from '../../src/protocol/ids';
import type { Message } from '../../src/protocol/message';
import { createChatStore } from '../../src/store/create-chat-store';
import type { StoreInput } from '../../src/store/store-input';

const offlineStore = () =>
  createChatStore(
    createChatClient({
      transport: {
        connect: () => {
          throw new Error('offline');
        },
      },
      user: 'me',
    }),
  );

const conv = (peer: string) => `single:${peer}` as ConversationId;

function message(peer: string, seq: number, ts: number): StoreInput {
  const m: Message = {
    serverId: `s-${peer}-${seq}`,
    localId: `l-${peer}-${seq}`,
    from: peer,
    to: 'me',
    chatType: 'single',
    seq,
    ts,
    body: { type: 'txt', msg: `${peer} ${seq}` },
  };
  return { kind: 'event', event: { type: 'message', message: m, conversation: conv(peer), unread: seq } };
}

/** Order by last message time, newest first, from the store's own summaries. */
function expectedOrder(summaries: ReadonlyMap<ConversationId, ConversationSummary>): ConversationId[] {
  return [...summaries.values()].sort((a, b) => b.updatedAt - a.updatedAt).map((s) => s.id);
}

describe('store batches', () => {
  it('keeps order, unread total and message counts right over frames that touch every conversation', () => {
    const store = offlineStore();
    const peers = Array.from({ length: 100 }, (_, i) => `u${i}`);
    let ts = 1000;
    for (let frame = 1; frame <= 20; frame++) {
      // Each frame visits the conversations in a different order.
      const inputs = peers
        .map((_, i) => peers[(i * 7 + frame) % peers.length] as string)
        .map((p) => message(p, frame, ts++));
      store.apply(inputs);
      const s = store.getState();
      expect(s.conversations.order).toEqual(expectedOrder(s.conversations.summaries));
      expect(s.conversations.totalUnread).toBe(frame * peers.length);
    }
    const s = store.getState();
    expect(s.conversations.order).toHaveLength(100);
    for (const p of peers)
      expect(s.conversationMessages.get(conv(p))?.items.map((m) => m.seq)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
  });

  it('keeps every conversation when a burst touches all of them but brings nothing new to some', () => {
    const store = offlineStore();
    const peers = Array.from({ length: 100 }, (_, i) => `u${i}`);
    store.apply(peers.map((p, i) => message(p, 1, 100 + i)));
    const before = store.getState();
    // u0 gets a repeat of what it has; every other conversation a new message.
    store.apply(peers.map((p, i) => (i === 0 ? message(p, 1, 100) : message(p, 2, 1000 + i))));
    const after = store.getState();
    expect(after.conversationMessages.size).toBe(100);
    expect(after.conversations.summaries.size).toBe(100);
    expect(after.conversationMessages.get(conv('u0'))).toBe(before.conversationMessages.get(conv('u0')));
    expect(after.conversations.summaries.get(conv('u0'))).toBe(before.conversations.summaries.get(conv('u0')));
    expect(after.conversationMessages.get(conv('u1'))?.items.map((m) => m.seq)).toEqual([1, 2]);
    expect(after.conversations.order.at(-1)).toBe('single:u0');
    expect(after.conversations.totalUnread).toBe(1 + 99 * 2);
    // Nothing new anywhere: no new state.
    store.apply(peers.map((p, i) => (i === 0 ? message(p, 1, 100) : message(p, 2, 1000 + i))));
    expect(store.getState()).toBe(after);
  });

  it('moves only the conversations a batch touched and keeps the references of the others', () => {
    const store = offlineStore();
    store.apply(['a', 'b', 'c', 'd', 'e'].map((p, i) => message(p, 1, 100 + i)));
    expect(store.getState().conversations.order).toEqual(['single:e', 'single:d', 'single:c', 'single:b', 'single:a']);
    const before = store.getState();
    store.apply([message('b', 2, 200), message('d', 2, 150)]);
    const after = store.getState();
    expect(after.conversations.order).toEqual(['single:b', 'single:d', 'single:e', 'single:c', 'single:a']);
    for (const p of ['a', 'c', 'e']) {
      expect(after.conversations.summaries.get(conv(p))).toBe(before.conversations.summaries.get(conv(p)));
      expect(after.conversationMessages.get(conv(p))).toBe(before.conversationMessages.get(conv(p)));
    }
    expect(after.conversationMessages.get(conv('b'))?.items).toHaveLength(2);
    expect(after.conversations.summaries.size).toBe(5);
    expect(after.conversations.totalUnread).toBe(1 + 2 + 1 + 2 + 1);
  });

  it('on equal times puts the later change in the batch first, and a repeat changes nothing', () => {
    const store = offlineStore();
    store.apply([message('a', 1, 100), message('b', 1, 100), message('c', 1, 50)]);
    expect(store.getState().conversations.order).toEqual(['single:b', 'single:a', 'single:c']);
    store.apply([message('a', 2, 300), message('c', 2, 300)]);
    expect(store.getState().conversations.order).toEqual(['single:c', 'single:a', 'single:b']);
    const settled = store.getState();
    store.apply([message('a', 2, 300), message('c', 1, 50)]);
    expect(store.getState()).toBe(settled);
  });

  it('keeps a conversation the server list does not show yet when a live event touched it after the request', () => {
    const store = offlineStore();
    store.apply([message('a', 1, 100)]);
    const startedAt = store.batchCount() + 1;
    store.apply([message('b', 1, 200)]);
    const listed: ConversationSummary = {
      id: conv('c'),
      type: 'single',
      target: 'c',
      lastMessage: null,
      unread: 4,
      readSeq: 0,
      lastSeq: 4,
      updatedAt: 150,
    };
    store.apply([{ kind: 'conversations', conversations: [listed], startedAt }]);
    const s = store.getState();
    expect(s.conversations.order).toEqual(['single:b', 'single:c']);
    expect(s.conversations.totalUnread).toBe(5);
    expect(s.conversations.loaded).toBe(true);
  });

  it('drops a deleted conversation and brings it back when a message arrives later in the same batch', () => {
    const store = offlineStore();
    store.apply([message('a', 1, 100), message('b', 1, 200)]);
    store.apply([
      { kind: 'event', event: { type: 'conversationDeleted', conversation: conv('a'), deleteHistory: true } },
      message('a', 2, 300),
    ]);
    const s = store.getState();
    expect(s.conversations.order).toEqual(['single:a', 'single:b']);
    expect(s.conversationMessages.get(conv('a'))?.items.map((m) => m.seq)).toEqual([2]);
    store.apply([
      { kind: 'event', event: { type: 'conversationDeleted', conversation: conv('b'), deleteHistory: true } },
    ]);
    expect(store.getState().conversations.order).toEqual(['single:a']);
    expect(store.getState().conversationMessages.has(conv('b'))).toBe(false);
    expect(store.getState().conversations.totalUnread).toBe(2);
  });
});
