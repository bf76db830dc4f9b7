// Owns which CallClient belongs to which ChatClient, and telling whoever
// watches a client when its CallClient appears. Tiny on purpose: the store's
// binding watches through it without pulling in the call machinery, so an
// app that never calls pays nothing for calls.
import type { ChatClient, Unsubscribe } from '../chat-client-types';
import type { CallClient } from './call-types';

const byClient = new WeakMap<ChatClient, CallClient>();
const watchers = new WeakMap<ChatClient, Set<(calls: CallClient) => void>>();

/** The CallClient made for `client`, if any. */
export function existingCallClient(client: ChatClient): CallClient | undefined {
  return byClient.get(client);
}

/** Records `calls` as `client`'s and tells the watchers. */
export function registerCallClient(client: ChatClient, calls: CallClient): void {
  byClient.set(client, calls);
  for (const w of [...(watchers.get(client) ?? [])]) w(calls);
}

/** Calls `found` with `client`'s CallClient now if it exists, else once it is made. */
export function watchCallClient(client: ChatClient, found: (calls: CallClient) => void): Unsubscribe {
  const existing = byClient.get(client);
  if (existing) {
    found(existing);
    return () => undefined;
  }
  let set = watchers.get(client);
  if (!set) watchers.set(client, (set = new Set()));
  const once = (calls: CallClient): void => {
    set.delete(once);
    found(calls);
  };
  set.add(once);
  return () => set.delete(once);
}
