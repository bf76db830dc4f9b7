// Owns useMessageSearch: server-side full-text search over the conversations
// this user can read (or one of them), newest first, page by page, with the
// highlight ranges of each hit.
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { searchMessages } from '../client/people';
import type { ConversationId } from '../protocol/ids';
import type { MessageSearchHit, MessageSearchPage } from '../protocol/people';
import { useChatContext } from './chat-context';
import { useChatSelector } from './use-chat-selector';

export interface MessageSearchResult {
  hits: MessageSearchHit[];
  hasMore: boolean;
  loadMore(): void;
  loading: boolean;
  error: Error | null;
}

const NONE: MessageSearchHit[] = [];

export function useMessageSearch(query: string, options: { conversation?: ConversationId; pageSize?: number } = {}): MessageSearchResult {
  const { client, queryClient } = useChatContext();
  const user = useChatSelector((s) => s.user);
  const ready = useChatSelector((s) => s.connection.ready);
  const q = query.trim();
  const result = useInfiniteQuery(
    {
      queryKey: ['natter', user, 'search', q, options.conversation ?? '', options.pageSize ?? 0],
      queryFn: ({ pageParam }): Promise<MessageSearchPage> =>
        searchMessages(client, q, {
          ...(options.conversation !== undefined ? { conversation: options.conversation } : {}),
          ...(options.pageSize !== undefined ? { limit: options.pageSize } : {}),
          ...(pageParam !== null ? { cursor: pageParam } : {}),
        }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => (last.hasMore ? last.cursor : undefined),
      enabled: ready && q.length > 0,
      placeholderData: keepPreviousData,
      staleTime: 10_000,
      retry: false,
    },
    queryClient,
  );
  const pages = result.data?.pages;
  const hits = useMemo(() => (q.length > 0 && pages ? pages.flatMap((p) => p.hits) : NONE), [q, pages]);
  return {
    hits,
    hasMore: q.length > 0 && result.hasNextPage,
    loadMore: () => void result.fetchNextPage(),
    loading: result.isFetching,
    error: result.error,
  };
}
