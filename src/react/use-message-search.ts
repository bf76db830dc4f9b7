// Owns useMessageSearch: server-side full-text search over the conversations
// this user can read (or one of them), newest first, page by page, with the
// highlight ranges of each hit. A new query starts over; an answer to an
// older query is dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import { searchMessages } from '../client/people';
import type { NatterError } from '../protocol/errors';
import type { ConversationId } from '../protocol/ids';
import type { MessageSearchHit } from '../protocol/people';
import { useChatContext } from './chat-context';
import { useChatSelector } from './use-chat-selector';
import { definedFields } from '../protocol/defined-fields';

export interface MessageSearchResult {
  hits: readonly MessageSearchHit[];
  hasMore: boolean;
  loadMore(): void;
  loading: boolean;
  error: NatterError | null;
}

interface SearchState {
  key: string;
  hits: readonly MessageSearchHit[];
  cursor: string | null;
  loading: boolean;
  error: NatterError | null;
}

const NONE: readonly MessageSearchHit[] = [];

export function useMessageSearch(
  query: string,
  options: { conversation?: ConversationId; pageSize?: number } = {},
): MessageSearchResult {
  const { client } = useChatContext();
  const ready = useChatSelector((s) => s.connection.ready);
  const q = query.trim();
  const { conversation, pageSize } = options;
  const key = `${conversation ?? ''}\u0000${pageSize ?? 0}\u0000${q}`;
  const [state, setState] = useState<SearchState>({ key: '', hits: NONE, cursor: null, loading: false, error: null });
  const current = useRef(key);
  current.current = key;

  const fetchPage = useCallback(
    (forKey: string, cursor: string | null) => {
      setState((s) => ({
        ...(s.key === forKey ? s : { key: forKey, hits: s.hits, cursor: null, error: null }),
        loading: true,
      }));
      searchMessages(client, q, {
        ...definedFields({ conversation, limit: pageSize }),
        ...(cursor !== null ? { cursor } : {}),
      }).then(
        (page) => {
          if (current.current !== forKey) return;
          setState((s) => ({
            key: forKey,
            hits: cursor === null ? page.hits : [...s.hits, ...page.hits],
            cursor: page.hasMore ? page.cursor : null,
            loading: false,
            error: null,
          }));
        },
        (error: NatterError) => {
          if (current.current !== forKey) return;
          setState((s) => ({ ...s, key: forKey, loading: false, error }));
        },
      );
    },
    [client, q, conversation, pageSize],
  );

  useEffect(() => {
    if (ready && q.length > 0) fetchPage(key, null);
  }, [ready, key, q, fetchPage]);

  const loadMore = useCallback(() => {
    if (state.key === key && state.cursor !== null && !state.loading) fetchPage(key, state.cursor);
  }, [state, key, fetchPage]);

  if (q.length === 0) return { hits: NONE, hasMore: false, loadMore, loading: false, error: null };
  // Until the new query's first page arrives, the previous hits stay (marked loading).
  return {
    hits: state.hits,
    hasMore: state.key === key && state.cursor !== null,
    loadMore,
    loading: state.loading || state.key !== key,
    error: state.key === key ? state.error : null,
  };
}
