// The overlay of waiting edits and reactions loads with the first change that
// waits: a conversation's view built before it has loaded shows the message as
// the server has it; once it has, the store is told (so a rendered list reads
// its views again, with nothing else changed) and the same view draws the change.
import { afterEach, expect, it } from 'vitest';
import { createChatClient } from '../../src/client/chat-client';
import type { ChatClient } from '../../src/client/chat-client-types';
import { bindClient } from '../../src/store/bind-client';
import { createChatStore, type ChatStore } from '../../src/store/create-chat-store';
import { pendingChangeView } from '../../src/store/lazy-pending-change-view';
import { createMessageViewBuilder } from '../../src/store/message-view';
import { selectMessages, selectReceipts } from '../../src/store/selectors';
import { createHarness, until, type Harness } from './chat-harness';

const BOB = 'single:bob' as const;
let h: Harness;
const offs: Array<() => void> = [];
afterEach(() => {
  for (const off of offs.splice(0)) off();
  h?.close();
});

it('the store is told when the overlay has loaded, and a view built before draws the waiting edit', async () => {
  h = createHarness();
  await h.client('bob');
  const ann = await h.client('ann');
  const mine = await ann.sendText(BOB, 'first draft');
  const page = await ann.history(BOB);
  ann.close();

  // ann again, not connected: her edit waits.
  const client: ChatClient = createChatClient({ transport: h.server.connect(), user: 'ann', delivery: false });
  offs.push(() => client.close());
  const store: ChatStore = createChatStore(client);
  const binding = bindClient(client, store);
  offs.push(binding);
  binding.queue.push({ kind: 'history', conversation: BOB, page });
  binding.flush();

  const build = createMessageViewBuilder('ann', BOB);
  const view = () => {
    const s = store.getState();
    return build(selectMessages(s, BOB), selectReceipts(s, BOB), s.features.changes).find(
      (v) => v.serverId === mine.serverId,
    );
  };
  expect(pendingChangeView()).toBeNull();
  void client.editText(mine.serverId, 'final text');
  binding.flush();
  // Queued in the store, not drawn yet: the overlay is still loading.
  const queued = store.getState().features.changes;
  expect(queued.size).toBe(1);
  expect(view()).toMatchObject({ changing: false, body: { type: 'txt', msg: 'first draft' } });

  // Nothing else reaches this store: only the overlay's arrival updates it.
  await until(() => store.getState().features.changes !== queued, 'the store told of the overlay');
  expect(pendingChangeView()).not.toBeNull();
  expect(view()?.changing).toBe(true);
  expect(view()?.body).toEqual({ type: 'txt', msg: 'final text' });
});
