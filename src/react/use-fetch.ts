// Owns useFetch: one key of the session's fetch cache as React state — fetched
// when enabled and missing or older than `staleMs`, shared by every component
// asking for the same key, re-rendering only on that key's changes.
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useChatContext } from './chat-context';
import type { FetchState } from './fetch-cache';

export function useFetch<T>(
  key: string,
  fetcher: () => Promise<T>,
  options: { enabled: boolean; staleMs?: number },
): FetchState<T> {
  const { fetchCache } = useChatContext();
  const subscribe = useCallback((l: () => void) => fetchCache.subscribe(key, l), [fetchCache, key]);
  const read = useCallback(() => fetchCache.read<T>(key), [fetchCache, key]);
  const state = useSyncExternalStore(subscribe, read, read);
  const { enabled, staleMs } = options;
  useEffect(() => {
    // Failures are in the state; the promise is only for callers that await.
    if (enabled) fetchCache.fetch(key, fetcher, staleMs).catch(() => undefined);
    // The fetcher is tied to the key: a new function for the same key must not refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetchCache, key, enabled, staleMs]);
  return state;
}
