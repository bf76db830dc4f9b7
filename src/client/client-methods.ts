// Owns assembling the method groups a ChatClient carries besides its core
// (client-sending, message-features, client-conversations, and the rarely
// called ones that load with their first call: lazy-client-apis) from the
// parts the client owns: one place that says which part each group uses.
import type { ChangeQueue } from './change-queue';
import type { ClientInput } from './client-input';
import { createConversationApi, type ConversationApi } from './client-conversations';
import { createSendingApi, type SendingApi, type SendingDeps } from './client-sending';
import { lazyRareMethods } from './lazy-client-apis';
import { createMessageFeatures, type MessageFeatureApi } from './message-features';

export type ClientMethods = SendingApi & MessageFeatureApi & ConversationApi & ReturnType<typeof lazyRareMethods>;

interface ClientMethodDeps extends SendingDeps {
  changes: ChangeQueue;
  /** Hands an input to the client's input stream (the store hears it). */
  input: (i: ClientInput) => void;
}

export function clientMethods(deps: ClientMethodDeps): ClientMethods {
  const { changes, input, ...sending } = deps;
  const conversationDeps = { request: deps.request, input, user: deps.user };
  return Object.assign(
    createSendingApi(sending),
    // react, editText, deleteMessage, pin, pins, thread, forward… (message-features.ts)
    createMessageFeatures({
      changes,
      request: deps.request,
      newId: deps.newId,
      threadUnread: (unread) => input({ kind: 'threadUnread', unread }),
      input,
    }),
    createConversationApi(conversationDeps),
    // groups, push, invitation steps, recall / delete / mute (client-rare-methods.ts)
    lazyRareMethods(conversationDeps),
  );
}
