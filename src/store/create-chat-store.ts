// Owns the chat store itself: one vanilla Zustand store per client (no React),
// with a single write path, `apply(inputs)`, that runs the batching reducer and
// publishes at most one new state per batch.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ChatClient } from '../client/chat-client-types';
import { applyInputs } from './apply-inputs';
import { initialChatState, type ChatState } from './chat-state';
import type { EngineContext } from './store-draft';
import type { StoreInput } from './store-input';

/** `state.user` starts as `client.user` and follows the welcome (token logins learn their user there). */
export interface ChatStore extends Pick<StoreApi<ChatState>, 'getState' | 'getInitialState' | 'subscribe'> {
  /** The client this store mirrors (its `user` owns the store). */
  readonly client: ChatClient;
  /** Applies a batch of inputs as one state update (no update when nothing changed). */
  apply(inputs: readonly StoreInput[]): void;
  /** Number of batches applied so far; bootstrap requests record it as their `startedAt`. */
  batchCount(): number;
}

export interface ChatStoreOptions {
  /** Local clock for typing expiry; defaults to Date.now. */
  now?: () => number;
}

/** Creates the store for one client. Feed it with {@link bindClient}; read it with selectors. */
export function createChatStore(client: ChatClient, options: ChatStoreOptions = {}): ChatStore {
  const api = createStore<ChatState>()(() => initialChatState(client.user));
  const ctx: EngineContext = {
    committed: api.getState(),
    batch: 0,
    slots: new Map(),
    inviteTouchedAt: new Map(),
    now: options.now ?? Date.now,
  };
  return {
    client,
    getState: api.getState,
    getInitialState: api.getInitialState,
    subscribe: api.subscribe,
    apply(inputs) {
      if (inputs.length === 0) return;
      const base = api.getState();
      const next = applyInputs(base, ctx, inputs);
      if (next !== base) api.setState(next, true);
    },
    batchCount: () => ctx.batch,
  };
}
