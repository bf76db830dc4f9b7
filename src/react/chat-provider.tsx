// Owns ChatProvider: it creates the store for a client, binds it to the
// client's events for as long as it is mounted, connects the client if asked,
// and provides the QueryClient natter's paged and one-shot fetches use.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { QueryClient } from '@tanstack/react-query';
import type { ChatClient } from '../client/chat-client-types';
import { bindClient, type ChatBinding } from '../store/bind-client';
import { createChatStore, type ChatStore } from '../store/create-chat-store';
import type { Scheduler } from '../store/ingest-queue';
import { ChatContext, type ChatContextValue } from './chat-context';

export interface ChatProviderProps {
  /**
   * The client to mirror. Required: the React layer may not import the server, so a page that
   * wants the embedded server creates it (`createEmbeddedServer`) and a client on
   * `server.connect()` itself, then passes the client here.
   */
  client: ChatClient;
  /**
   * QueryClient for history pages and one-shot fetches. natter passes it to its own queries
   * explicitly, so it does not replace an app's QueryClientProvider. Default: a private one.
   */
  queryClient?: QueryClient;
  /** Use an existing store (e.g. shared with non-React code); default: one created for `client`. */
  store?: ChatStore;
  /** Call `client.connect()` when the client is idle (default true). */
  autoConnect?: boolean;
  /** When batched events are applied (default: once per animation frame). */
  schedule?: Scheduler;
  children?: ReactNode;
}

/** Provides a chat session to natter's hooks. */
export function ChatProvider({ client, queryClient, store: givenStore, autoConnect = true, schedule, children }: ChatProviderProps): ReactNode {
  const [ownQueryClient] = useState(() => queryClient ?? new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } }));
  const qc = queryClient ?? ownQueryClient;
  const store = useMemo(() => givenStore ?? createChatStore(client), [givenStore, client]);
  const binding = useRef<ChatBinding | null>(null);

  useEffect(() => {
    const b = bindClient(client, store, schedule ? { schedule } : {});
    binding.current = b;
    if (autoConnect && client.state === 'idle') client.connect().catch(() => undefined); // failures arrive as state events
    return () => {
      if (binding.current === b) binding.current = null;
      b();
    };
  }, [client, store, schedule, autoConnect]);

  const value = useMemo<ChatContextValue>(
    () => ({
      client,
      store,
      queryClient: qc,
      resync: () => binding.current?.resync() ?? Promise.resolve(),
      ingest: (...inputs) => {
        const b = binding.current;
        if (!b) return store.apply(inputs);
        for (const input of inputs) b.queue.push(input);
        b.flush();
      },
    }),
    [client, store, qc],
  );
  return <ChatContext.Provider value={value}>{children}</ChatContext.Provider>;
}
