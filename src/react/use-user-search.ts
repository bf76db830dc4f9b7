// Owns useUserSearch: the directory search (users whose name, a word of it,
// or id starts with the query) as a one-shot fetch per query.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { searchUsers } from '../client/people';
import type { Profile } from '../protocol/people';
import { useChatContext } from './chat-context';
import { useChatSelector } from './use-chat-selector';

export interface UserSearchResult {
  /** Matches for the query (the previous query's while the next one loads); empty for a blank query. */
  profiles: Profile[];
  loading: boolean;
  error: Error | null;
}

const NONE: Profile[] = [];

/** Users matching `query` in the directory the server lets this user search. */
export function useUserSearch(query: string, options: { limit?: number } = {}): UserSearchResult {
  const { client, queryClient } = useChatContext();
  const user = useChatSelector((s) => s.user);
  const ready = useChatSelector((s) => s.connection.ready);
  const q = query.trim();
  const result = useQuery(
    {
      queryKey: ['natter', user, 'users', q, options.limit ?? 0],
      queryFn: () => searchUsers(client, q, options.limit !== undefined ? { limit: options.limit } : {}),
      enabled: ready && q.length > 0,
      placeholderData: keepPreviousData,
      staleTime: 30_000,
      retry: false,
    },
    queryClient,
  );
  return { profiles: q.length > 0 ? (result.data ?? NONE) : NONE, loading: result.isFetching, error: result.error };
}
