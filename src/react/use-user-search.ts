// Owns useUserSearch: the directory search (users whose name, a word of it,
// or id starts with the query) as a fetch per query, kept a little while in
// the session's fetch cache (typing back to an earlier query answers at once).
import { useRef } from 'react';
import { searchUsers } from '../client/people';
import type { NatterError } from '../protocol/errors';
import type { Profile } from '../protocol/people';
import { useChatContext } from './chat-context';
import { useChatSelector } from './use-chat-selector';
import { useFetch } from './use-fetch';

export interface UserSearchResult {
  /** Matches for the query (the previous query's while the next one loads); empty for a blank query. */
  profiles: readonly Profile[];
  loading: boolean;
  error: NatterError | null;
}

const NONE: readonly Profile[] = [];
const STALE_MS = 30_000;

/** Users matching `query` in the directory the server lets this user search. */
export function useUserSearch(query: string, options: { limit?: number } = {}): UserSearchResult {
  const { client } = useChatContext();
  const ready = useChatSelector((s) => s.connection.ready);
  const q = query.trim();
  const limit = options.limit;
  const state = useFetch(
    `users:${limit ?? 0}:${q}`,
    () => searchUsers(client, q, limit !== undefined ? { limit } : {}),
    { enabled: ready && q.length > 0, staleMs: STALE_MS },
  );
  // The last answer stays on screen while the next query's is on its way.
  const last = useRef<readonly Profile[]>(NONE);
  if (state.data) last.current = state.data;
  if (q.length === 0) last.current = NONE;
  return { profiles: q.length > 0 ? (state.data ?? last.current) : NONE, loading: state.loading, error: state.error };
}
