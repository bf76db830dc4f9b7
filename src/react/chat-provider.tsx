// Owns ChatProvider: it creates the store for a client, binds it to the
// client's events for as long as it is mounted, connects the client if asked,
// and provides the fetch cache natter's paged and one-shot fetches use. Given
// no client, it makes one on the page's embedded server (loaded lazily).
import { useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { ChatClient } from '../client/chat-client-types';
import { bindClient, type ChatBinding } from '../store/bind-client';
import { createChatStore, type ChatStore } from '../store/create-chat-store';
import type { Scheduler } from '../store/ingest-queue';
import { loadOfflineSync } from '../store/lazy-offline-sync';
import { ChatContext, type ChatContextValue } from './chat-context';
import { FetchCache } from './fetch-cache';

export interface ChatProviderProps {
  /**
   * The client to mirror. When omitted, the provider makes a client for `user` on an embedded
   * server shared by every such provider on the page (loaded on first use, memory storage: for
   * demos, prototypes and tests), renders `fallback` until it is ready, and closes it on unmount.
   */
  client?: ChatClient;
  /** The user of the embedded client made when no `client` is given (default `'me'`). */
  user?: string;
  /** Shown while the embedded client loads (only when no `client` is given; default nothing). */
  fallback?: ReactNode;
  /** Use an existing store (e.g. shared with non-React code); default: one created for `client`. */
  store?: ChatStore;
  /** Call `client.connect()` when the client is idle (default true). */
  autoConnect?: boolean;
  /** When batched events are applied (default: once per animation frame). */
  schedule?: Scheduler;
  children?: ReactNode;
}

/** Provides a chat session to natter's hooks: for `client`, or for `user` on the page's embedded server. */
export function ChatProvider({ client, user = 'me', fallback = null, ...rest }: ChatProviderProps): ReactNode {
  const embedded = useEmbeddedClient(client ? null : user);
  const active = client ?? embedded;
  return active ? <BoundProvider {...rest} client={active} /> : fallback;
}

/** A client for `user` on the embedded server while mounted (null while loading, or when `user` is null). */
function useEmbeddedClient(user: string | null): ChatClient | null {
  const [made, setMade] = useState<{ user: string; client: ChatClient } | null>(null);
  useEffect(() => {
    if (user === null) return;
    let live = true;
    let client: ChatClient | null = null;
    // The embedded session's code is a chunk of its own too: an app that passes its client never loads it.
    import('./embedded-session')
      .then(({ createEmbeddedClient }) => createEmbeddedClient(user))
      .then(
        (c) => {
          client = c;
          if (live) setMade({ user, client: c });
          else c.close();
        },
        (e: unknown) => console.error('natter: the embedded server could not be loaded', e),
      );
    return () => {
      live = false;
      client?.close();
      setMade(null);
    };
  }, [user]);
  return made && made.user === user ? made.client : null;
}

/** A layout effect in the browser (before the paint); a plain one where there is no DOM (no warning on the server). */
const useBeforePaint = typeof document === 'undefined' ? useEffect : useLayoutEffect;

type BoundProviderProps = Omit<ChatProviderProps, 'client' | 'user' | 'fallback'> & { client: ChatClient };

function BoundProvider({
  client,
  store: givenStore,
  autoConnect = true,
  schedule,
  children,
}: BoundProviderProps): ReactNode {
  // What one client fetched is that client's: a new client starts with an empty cache.
  const fetchCache = useMemo(() => new FetchCache(() => client.serverNow()), [client]);
  const store = useMemo(() => givenStore ?? createChatStore(client), [givenStore, client]);
  // The binding below (an effect: after the first paint) draws the offline cache's start snapshot
  // with this chunk; fetched from the first render on, beside the snapshot's read.
  useMemo(() => {
    if (client.offline) loadOfflineSync().catch(() => undefined); // reported by the binding
  }, [client]);
  const binding = useRef<ChatBinding | null>(null);
  const [, wake] = useReducer((n: number) => n + 1, 0);

  // Bound (and connected) before the first paint, not after it: the first requests, such as the
  // conversation list's first page, go out at once, and an answer that comes before the frame (an
  // in-page server's) is in it, instead of a loading frame and a second one with the data.
  useBeforePaint(() => {
    const b = bindClient(client, store, schedule ? { schedule } : {});
    binding.current = b;
    // The hooks below subscribe to the store in passive effects, which React runs after the first
    // paint: the store's first change (an in-page server answers within this task) would be drawn a
    // frame late. A sync update makes React run those effects (the hooks see the change) and draw
    // now; from a microtask, as React cannot flush while it renders or commits.
    const off = store.subscribe(() => {
      off();
      queueMicrotask(() => flushSync(wake));
    });
    if (autoConnect && client.state === 'idle') client.connect().catch(() => undefined); // failures arrive as state events
    return () => {
      off();
      if (binding.current === b) binding.current = null;
      b();
    };
  }, [client, store, schedule, autoConnect]);

  const value = useMemo<ChatContextValue>(
    () => ({
      client,
      store,
      fetchCache,
      resync: () => binding.current?.resync() ?? Promise.resolve(),
      loadMoreConversations: () => binding.current?.loadMoreConversations() ?? Promise.resolve(),
    }),
    [client, store, fetchCache],
  );
  return <ChatContext.Provider value={value}>{children}</ChatContext.Provider>;
}
