// Live messages into a long loaded conversation list (the path order-patch.ts
// takes: a few conversations move or change per batch): the order, the display
// list selectConversationList gives and the references of what did not change
// stay what a full sort of the store's own summaries gives.
import { describe, expect, it } from 'vitest';
import { createChatClient } from '../../src/client/chat-client';
import type { ConversationSummary } from '../../src/protocol/entities';
import type { ConversationId } from '../../src/protocol/ids';
import type { Message } from '../../src/protocol/message';
import { createChatStore } from '../../src/store/create-chat-store';
import { selectConversationList } from '../../src/store/selectors';
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

function wire(peer: string, seq: number, ts: number): Message {
  return {
    serverId: `s-${peer}-${seq}`,
    localId: `l-${peer}-${seq}`,
    from: peer,
    to: 'me',
    chatType: 'single',
    seq,
    ts,
    body: { type: 'txt', msg: `${peer} ${seq}` },
  };
}

const message = (peer: string, seq: number, ts: number): StoreInput => ({
  kind: 'event',
  event: { type: 'message', message: wire(peer, seq, ts), conversation: conv(peer), unread: seq },
});

/** A loaded first page of `n` conversations; several share a time, so ties are exercised. */
function bootstrap(n: number): StoreInput {
  const conversations: ConversationSummary[] = Array.from({ length: n }, (_, i) => {
    const ts = 1_000_000 - Math.floor(i / 3) * 1000;
    return {
      id: conv(`u${i}`),
      type: 'single',
      target: `u${i}`,
      lastMessage: wire(`u${i}`, 1, ts),
      unread: 1,
      readSeq: 0,
      lastSeq: 1,
      updatedAt: ts,
    };
  });
  return { kind: 'conversations', conversations, startedAt: 0, cursor: null, unreadTotal: n };
}

/** Newest first; on equal times the order the store keeps (a stable sort of the current order). */
function sortedIds(s: ReturnType<ReturnType<typeof offlineStore>['getState']>): ConversationId[] {
  const { order, summaries } = s.conversations;
  return [...order].sort((a, b) => summaries.get(b)!.updatedAt - summaries.get(a)!.updatedAt);
}

describe('live messages in a long conversation list', () => {
  it('moves each conversation with a new message to the top and keeps the displayed list in step', () => {
    const store = offlineStore();
    store.apply([bootstrap(600)]);
    let list = selectConversationList(store.getState());
    let ts = 2_000_000;
    for (let k = 0; k < 200; k++) {
      const peer = `u${(k * 37) % 600}`;
      const before = store.getState();
      store.apply([message(peer, 2 + k, ts++)]);
      const s = store.getState();
      expect(s.conversations.order[0]).toBe(conv(peer));
      expect(s.conversations.order).toEqual(sortedIds(s));
      expect(s.conversations.order).toHaveLength(600);
      const next = selectConversationList(s);
      expect(next).toEqual(s.conversations.order.map((id) => s.conversations.summaries.get(id)));
      // Only the conversation that changed has a new summary.
      const changed = next.filter((c) => !list.includes(c));
      expect(changed.map((c) => c.id)).toEqual([conv(peer)]);
      expect(s.conversations.totalUnread).toBe(before.conversations.totalUnread + 1 + k);
      list = next;
    }
  });

  it('keeps the order array when the topmost conversation gets another message, and replaces only its row', () => {
    const store = offlineStore();
    store.apply([bootstrap(100), message('u50', 2, 3_000_000)]);
    const before = store.getState();
    const list = selectConversationList(before);
    store.apply([message('u50', 3, 3_000_001)]);
    const after = store.getState();
    expect(after.conversations.order).toBe(before.conversations.order);
    const next = selectConversationList(after);
    expect(next[0]?.lastMessage?.seq).toBe(3);
    expect(next.slice(1)).toEqual(list.slice(1));
    next.slice(1).forEach((c, i) => expect(c).toBe(list[i + 1]));
  });

  it('places several conversations moved in one batch by time, later ones first on equal times', () => {
    const store = offlineStore();
    store.apply([bootstrap(300)]);
    selectConversationList(store.getState());
    store.apply([message('u10', 2, 5_000_000), message('u200', 2, 5_000_000), message('u7', 2, 4_000_000)]);
    const s = store.getState();
    expect(s.conversations.order.slice(0, 3)).toEqual([conv('u200'), conv('u10'), conv('u7')]);
    expect(s.conversations.order).toEqual(sortedIds(s));
    expect(selectConversationList(s)).toEqual(s.conversations.order.map((id) => s.conversations.summaries.get(id)));
  });

  it('updates a read conversation in place without moving it', () => {
    const store = offlineStore();
    store.apply([bootstrap(200)]);
    const before = store.getState();
    selectConversationList(before);
    const id = conv('u120');
    const index = before.conversations.order.indexOf(id);
    store.apply([{ kind: 'event', event: { type: 'readState', conversation: id, readSeq: 1, unread: 0 } }]);
    const s = store.getState();
    expect(s.conversations.order).toBe(before.conversations.order);
    const list = selectConversationList(s);
    expect(list[index]).toMatchObject({ id, unread: 0 });
    expect(list).toEqual(s.conversations.order.map((i) => s.conversations.summaries.get(i)));
    expect(s.conversations.totalUnread).toBe(199);
  });
});
