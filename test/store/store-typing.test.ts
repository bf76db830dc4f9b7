// Typing in the store: the ephemeral `typing` event and an older client's
// `typing` command message feed the same indicator (an expiry time per user),
// `stop` or a message from that user ends it, expired ones are swept, this
// user's own signals are ignored, and neither kind adds anything to history
// or to the conversation list.
import { describe, expect, it } from 'vitest';
import { createChatClient } from '../../src/client/chat-client';
import type { ConversationId } from '../../src/protocol/ids';
import type { Message, MessageBody } from '../../src/protocol/message';
import type { TypingState } from '../../src/protocol/typing';
import { createChatStore } from '../../src/store/create-chat-store';
import { TYPING_TTL_MS } from '../../src/store/reduce-messages';
import { selectConversationList, selectMessages, selectTyping } from '../../src/store/selectors';
import type { StoreInput } from '../../src/store/store-input';

const BOB = 'single:bob' as ConversationId;

function offlineStore(now: () => number) {
  const client = createChatClient({
    transport: {
      connect: () => {
        throw new Error('offline');
      },
    },
    user: 'me',
  });
  return createChatStore(client, { now });
}

const typing = (by: string, state: TypingState, conversation = BOB): StoreInput => ({
  kind: 'event',
  event: { type: 'typing', conversation, by, state },
});

function message(from: string, seq: number, body: MessageBody): StoreInput {
  const m: Message = {
    serverId: `s-${seq}`,
    localId: `l-${seq}`,
    from,
    to: from === 'me' ? 'bob' : 'me',
    chatType: 'single',
    seq,
    ts: 1000 + seq,
    body,
  };
  return { kind: 'event', event: { type: 'message', message: m, conversation: BOB, unread: 0 } };
}

describe('store typing', () => {
  it('shows a typing event until its stop, and ignores this user’s own', () => {
    let now = 10_000;
    const store = offlineStore(() => now);
    store.apply([typing('bob', 'start'), typing('me', 'start')]);
    expect(selectTyping(store.getState(), BOB)).toEqual({ bob: 10_000 + TYPING_TTL_MS });
    now += 1000;
    store.apply([typing('bob', 'start')]);
    expect(selectTyping(store.getState(), BOB)).toEqual({ bob: 11_000 + TYPING_TTL_MS });
    store.apply([typing('bob', 'stop')]);
    expect(selectTyping(store.getState(), BOB)).toEqual({});
    expect(selectMessages(store.getState(), BOB).items).toEqual([]);
    expect(selectConversationList(store.getState())).toEqual([]);
  });

  it('changes nothing for a stop from someone not typing', () => {
    const store = offlineStore(() => 1);
    const before = store.getState();
    store.apply([typing('bob', 'stop')]);
    expect(store.getState()).toBe(before);
  });

  it('ends the indicator when that user’s message arrives, and sweeps expired ones', () => {
    let now = 50_000;
    const store = offlineStore(() => now);
    const group = 'group:g' as ConversationId;
    store.apply([typing('bob', 'start'), typing('carol', 'start', group)]);
    store.apply([message('bob', 1, { type: 'txt', msg: 'hi' })]);
    expect(selectTyping(store.getState(), BOB)).toEqual({});
    expect(selectTyping(store.getState(), group)).toEqual({ carol: 50_000 + TYPING_TTL_MS });
    now += TYPING_TTL_MS;
    store.apply([{ kind: 'typingExpired', now }]);
    expect(selectTyping(store.getState(), group)).toEqual({});
  });

  it('still honours typing command messages from older clients, without showing them', () => {
    const store = offlineStore(() => 5);
    store.apply([message('bob', 1, { type: 'cmd', action: 'typing' })]);
    expect(selectTyping(store.getState(), BOB)).toEqual({ bob: 5 + TYPING_TTL_MS });
    store.apply([message('bob', 2, { type: 'cmd', action: 'typing:stop' })]);
    expect(selectTyping(store.getState(), BOB)).toEqual({});
    expect(selectMessages(store.getState(), BOB).items).toEqual([]);
  });
});
