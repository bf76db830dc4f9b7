// The store applies the client's input stream as it is: a send's pending
// entry, its stored copy from whichever input brings it first, recalls with the
// server's unread count, and discards — with no bookkeeping of its own about
// which ids were acknowledged. The client is real but offline: these inputs are
// what it would emit.
import { describe, expect, it } from 'vitest';
import { createChatClient } from '../../src/client/chat-client';
import type { PendingMessage } from '../../src/client/chat-client-types';
import type { ConversationId } from '../../src/protocol/ids';
import type { Message } from '../../src/protocol/message';
import { createChatStore } from '../../src/store/create-chat-store';

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

const BOB = 'single:bob' as ConversationId;

function stored(from: string, seq: number, localId = `l-${from}-${seq}`): Message {
  return {
    serverId: `s-${seq}`,
    localId,
    from,
    to: from === 'me' ? 'bob' : 'me',
    chatType: 'single',
    seq,
    ts: 1000 + seq,
    body: { type: 'txt', msg: `m${seq}` },
  };
}

function pending(localId: string): PendingMessage {
  return {
    localId,
    to: 'bob',
    chatType: 'single',
    body: { type: 'txt', msg: 'mine' },
    from: 'me',
    conversation: BOB,
    createdAt: 1,
    status: 'pending',
  };
}

describe('store fed by client inputs', () => {
  it('shows a send pending, then once stored, whichever of the answer and the event comes first', () => {
    for (const answerFirst of [true, false]) {
      const store = offlineStore();
      const m = stored('me', 1, 'L');
      store.apply([{ kind: 'outbox', pending: pending('L') }]);
      expect(
        store
          .getState()
          .conversationMessages.get(BOB)
          ?.pending.map((p) => p.localId),
      ).toEqual(['L']);
      const event = {
        kind: 'event' as const,
        event: { type: 'message' as const, message: m, conversation: BOB, unread: 0 },
      };
      const sent = { kind: 'sent' as const, conversation: BOB, message: m };
      store.apply(answerFirst ? [sent] : [event]);
      store.apply(answerFirst ? [event] : []);
      const entry = store.getState().conversationMessages.get(BOB);
      expect(entry?.pending).toEqual([]);
      expect(entry?.items.map((x) => x.localId)).toEqual(['L']);
    }
  });

  it('keeps upload progress carried by the outbox entry and drops a discarded send', () => {
    const store = offlineStore();
    store.apply([
      { kind: 'outbox', pending: pending('F') },
      { kind: 'outbox', pending: { ...pending('F'), progress: 0.5 } },
    ]);
    expect(store.getState().conversationMessages.get(BOB)?.pending[0]?.progress).toBe(0.5);
    store.apply([{ kind: 'discarded', conversation: BOB, localId: 'F' }]);
    expect(store.getState().conversationMessages.get(BOB)).toBeUndefined();
  });

  it("takes the unread count after a recall from the server's event, not from a rule of its own", () => {
    const store = offlineStore();
    const events = [1, 2, 3].map((seq) => ({
      kind: 'event' as const,
      event: { type: 'message' as const, message: stored('bob', seq), conversation: BOB, unread: seq },
    }));
    store.apply(events);
    expect(store.getState().conversations.summaries.get(BOB)?.unread).toBe(3);
    const tombstone: Message = {
      ...stored('bob', 3),
      body: { type: 'recalled', recalledAt: 2000, by: 'bob' },
      excluded: true,
    };
    // The server says 1 (say, the user had cleared part of the history on another device): the store shows 1.
    store.apply([{ kind: 'event', event: { type: 'recall', message: tombstone, conversation: BOB, unread: 1 } }]);
    const s = store.getState();
    expect(s.conversations.summaries.get(BOB)?.unread).toBe(1);
    expect(s.conversations.summaries.get(BOB)?.lastMessage?.body.type).toBe('recalled');
    expect(s.conversationMessages.get(BOB)?.items.at(-1)?.body.type).toBe('recalled');
    // A repeat changes nothing.
    const before = store.getState();
    store.apply([{ kind: 'event', event: { type: 'recall', message: tombstone, conversation: BOB, unread: 1 } }]);
    expect(store.getState()).toBe(before);
  });

  it("moves the read marker and takes the unread count from this client's markRead answer", () => {
    const store = offlineStore();
    store.apply(
      [1, 2, 3].map((seq) => ({
        kind: 'event' as const,
        event: { type: 'message' as const, message: stored('bob', seq), conversation: BOB, unread: seq },
      })),
    );
    store.apply([{ kind: 'readMarker', conversation: BOB, readSeq: 2, unread: 1 }]);
    expect(store.getState().conversations.summaries.get(BOB)).toMatchObject({ readSeq: 2, unread: 1 });
  });
});
