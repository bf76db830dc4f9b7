// natter's state without React, through the public `natter/store` entry only:
// a store bound to a client, read with selectors and `subscribe`, kept live
// by the client's input stream — the zustand vanilla model.
import { afterEach, describe, expect, it } from 'vitest';
import { createChatClient } from '../../src/client/chat-client';
import { createEmbeddedServer, type EmbeddedServer } from '../../src/server/embedded-server';
import {
  bindClient,
  createChatStore,
  createMessageViewBuilder,
  microtaskScheduler,
  selectConversationList,
  selectMessages,
  selectReceipts,
  selectUnread,
  type ChatBinding,
  type ChatClient,
  type ConversationId,
} from '../../src/entries/store';
import { until } from './chat-harness';

let server: EmbeddedServer | null = null;
const clients: ChatClient[] = [];
const bindings: ChatBinding[] = [];
afterEach(() => {
  for (const b of bindings.splice(0)) b();
  for (const c of clients.splice(0)) c.close();
  server?.close();
});

describe('natter/store without React', () => {
  it('mirrors a client in a store read with selectors; subscribers see each change once per batch', async () => {
    server = createEmbeddedServer();
    const alice = createChatClient({ transport: server.connect(), user: 'alice' });
    const bob = createChatClient({ transport: server.connect(), user: 'bob' });
    clients.push(alice, bob);
    const store = createChatStore(alice);
    bindings.push(bindClient(alice, store, { schedule: microtaskScheduler }));
    const seen: number[] = [];
    store.subscribe((s) => seen.push(selectUnread(s)));
    await Promise.all([alice.connect(), bob.connect()]);
    await until(() => store.getState().conversations.loaded, 'bootstrap');

    await bob.sendText('single:alice', 'one');
    await bob.sendText('single:alice', 'two');
    const bobChat = 'single:bob' as ConversationId;
    await until(() => selectUnread(store.getState(), bobChat) === 2, 'two unread');
    expect(selectConversationList(store.getState()).map((c) => c.id)).toEqual([bobChat]);
    expect(selectConversationList(store.getState())).toBe(selectConversationList(store.getState()));
    expect(seen.at(-1)).toBe(2);

    await alice.sendText(bobChat, 'three');
    await alice.markRead(bobChat);
    const build = createMessageViewBuilder('alice', bobChat);
    const views = build(selectMessages(store.getState(), bobChat), selectReceipts(store.getState(), bobChat));
    expect(views.map((m) => [m.body.type === 'txt' ? m.body.msg : '', m.own])).toEqual([
      ['one', false],
      ['two', false],
      ['three', true],
    ]);
    expect(selectUnread(store.getState())).toBe(0);
  });
});
