// Shared by the store tests of changes that wait for the server: ann's client
// that has not connected (its changes wait), a store bound to it and drawn
// with history pages as the offline cache draws them, and ann's message views.
import { createChatClient } from '../../src/client/chat-client';
import type { ChatClient } from '../../src/client/chat-client-types';
import type { HistoryPage } from '../../src/protocol/frames';
import type { ConversationId } from '../../src/protocol/ids';
import { bindClient, type ChatBinding } from '../../src/store/bind-client';
import { createChatStore, type ChatStore } from '../../src/store/create-chat-store';
import { createMessageViewBuilder, type ChatMessage } from '../../src/store/message-view';
import { selectMessages, selectReceipts } from '../../src/store/selectors';
import type { Harness } from './chat-harness';

/** A client of ann on the harness's server that has not connected yet; `offs` closes it. */
export function offlineAnn(h: Harness, offs: Array<() => void>): ChatClient {
  const client = createChatClient({
    transport: h.server.connect(),
    user: 'ann',
    reconnect: { initialDelayMs: 5, maxDelayMs: 20 },
    delivery: false,
  });
  offs.push(() => client.close());
  return client;
}

/** A store bound to `client`, drawn with `pages`; `offs` unbinds it. */
export function boundStore(
  client: ChatClient,
  pages: Array<[ConversationId, HistoryPage]>,
  offs: Array<() => void>,
): { store: ChatStore; binding: ChatBinding } {
  const store = createChatStore(client);
  const binding = bindClient(client, store);
  offs.push(binding);
  for (const [conversation, page] of pages) binding.queue.push({ kind: 'history', conversation, page });
  binding.flush();
  return { store, binding };
}

/** The messages of `conversation` as ann's list shows them. */
export function annViews(store: ChatStore, conversation: ConversationId): readonly ChatMessage[] {
  const s = store.getState();
  return createMessageViewBuilder('ann', conversation)(
    selectMessages(s, conversation),
    selectReceipts(s, conversation),
    s.features.changes,
  );
}
