// Owns paging back through history: each page is fetched with
// `client.history`, which hands its messages to the store (the client's input
// stream), so live and paged messages share one list; this hook keeps only the
// cursors, in the session's fetch cache, per conversation and sync generation,
// and tells the offline cache which conversation is open.
import { useEffect } from 'react';
import type { ConversationId } from '../protocol/ids';
import type { NatterError } from '../protocol/errors';
import { useChatContext } from './chat-context';
import { useChatSelector } from './use-chat-selector';
import { useFetch } from './use-fetch';
import { definedFields } from '../protocol/defined-fields';

interface PageInfo {
  cursor: number | null;
  hasMore: boolean;
  count: number;
}

export interface HistoryPagesResult {
  /** Loads the next older page. */
  loadOlder(): Promise<void>;
  /** Older messages exist on the server. */
  hasMore: boolean;
  /** A page is loading (the first one included). */
  loading: boolean;
  /** The newest page has been fetched. */
  loaded: boolean;
  error: NatterError | null;
}

export function useHistoryPages(conversation: ConversationId, pageSize: number): HistoryPagesResult {
  const { client, fetchCache } = useChatContext();
  // The offline cache reads an open conversation's page first, on this start and the next.
  useEffect(() => client.offline?.want(conversation), [client, conversation]);
  const generation = useChatSelector((s) => s.connection.syncGeneration);
  const live = useChatSelector((s) => s.connection.state !== 'idle' && s.connection.state !== 'closed');
  const key = `${client.user}\u0000history\u0000${conversation}\u0000${generation}`;
  const page = async (before: number | undefined): Promise<PageInfo> => {
    const p = await client.history(conversation, { limit: pageSize, ...definedFields({ before }) });
    return { cursor: p.cursor, hasMore: p.hasMore, count: p.messages.length };
  };
  const first = useFetch<PageInfo[]>(key, async () => [await page(undefined)], { enabled: live });
  const last = first.data?.[first.data.length - 1];
  const next = last && last.hasMore && last.cursor !== null ? last.cursor : null;
  // The next older page has a key of its own, so its loading and error show in every hook instance.
  const nextKey = `${key}\u0000${next ?? ''}`;
  const older = useFetch<PageInfo>(nextKey, () => page(next ?? undefined), { enabled: false });
  return {
    loadOlder: async () => {
      if (next === null) return;
      try {
        const p = await fetchCache.fetch(nextKey, () => page(next));
        fetchCache.update<PageInfo[]>(key, (pages = []) =>
          pages[pages.length - 1]?.cursor === next ? [...pages, p] : pages,
        );
      } catch {
        // The failure is in the state (`error`); loadOlder can be called again.
      }
    },
    hasMore: next !== null,
    loading: first.loading || older.loading,
    loaded: first.data !== undefined,
    error: older.error ?? first.error,
  };
}
