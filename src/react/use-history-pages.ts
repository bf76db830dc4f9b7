// Owns paging back through history with TanStack Query's infinite queries:
// each page is fetched with `client.history` and written into the store (the
// query itself keeps only cursors), so live and paged messages share one list.
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ConversationId } from '../protocol/ids';
import type { NatterError } from '../protocol/errors';
import { useChatContext } from './chat-context';
import { useChatSelector } from './use-chat-selector';

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

function historyQueryKey(user: string, conversation: ConversationId, generation: number) {
  return ['natter', user, 'history', conversation, generation] as const;
}

export function useHistoryPages(conversation: ConversationId, pageSize: number): HistoryPagesResult {
  const { client, queryClient } = useChatContext();
  const generation = useChatSelector((s) => s.connection.syncGeneration);
  const live = useChatSelector((s) => s.connection.state !== 'idle' && s.connection.state !== 'closed');
  const q = useInfiniteQuery(
    {
      queryKey: historyQueryKey(client.user, conversation, generation),
      queryFn: async ({ pageParam }): Promise<PageInfo> => {
        // The client hands the page to the store (its input stream); the query keeps only cursors.
        const page = await client.history(conversation, { limit: pageSize, ...(pageParam !== undefined ? { before: pageParam } : {}) });
        return { cursor: page.cursor, hasMore: page.hasMore, count: page.messages.length };
      },
      initialPageParam: undefined as number | undefined,
      getNextPageParam: (last: PageInfo) => (last.hasMore && last.cursor !== null ? last.cursor : undefined),
      enabled: live,
      staleTime: Infinity,
      retry: false,
    },
    queryClient,
  );
  return {
    loadOlder: async () => {
      if (q.hasNextPage && !q.isFetchingNextPage) await q.fetchNextPage();
    },
    hasMore: q.hasNextPage,
    loading: q.isFetching,
    loaded: q.isSuccess,
    error: (q.error as NatterError | null) ?? null,
  };
}
