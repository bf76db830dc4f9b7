// Owns the history window of a jump to a message: the page around the target
// (history.around), older pages above it and newer pages below it, kept apart
// from the store's live list (which holds the newest messages contiguously),
// so a jump 100,000 messages back loads three pages, not 100,000 messages.
// Once the window reaches the newest message it continues with the store's
// live messages, so new ones show up in it as they arrive.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { historyAfter, historyAround } from '../client/people';
import type { NatterError } from '../protocol/errors';
import type { ConversationId } from '../protocol/ids';
import type { Message } from '../protocol/message';
import { EMPTY_MESSAGES, EMPTY_RECEIPTS, type ConversationMessages } from '../store/chat-state';
import { createMessageViewBuilder, type ChatMessage } from '../store/message-view';
import { useChatContext } from './chat-context';
import { useChatSelector } from './use-chat-selector';

export interface MessageWindowResult {
  /** The window's messages in order (with the live ones after it once it reached the newest). */
  messages: readonly ChatMessage[];
  /** Index of the target in `messages`; -1 until loaded. */
  targetIndex: number;
  loaded: boolean;
  hasOlder: boolean;
  hasNewer: boolean;
  loading: boolean;
  error: NatterError | null;
  loadOlder(): Promise<void>;
  loadNewer(): Promise<void>;
}

interface WindowState {
  items: Message[];
  hasOlder: boolean;
  hasNewer: boolean;
}

/** Command messages are not shown (the store does not keep them either). */
const shown = (ms: readonly Message[]) => ms.filter((m) => m.body.type !== 'cmd');

export function useMessageWindow(conversationId: ConversationId, target: string, pageSize = 30): MessageWindowResult {
  const { client } = useChatContext();
  const user = useChatSelector((s) => s.user);
  const live = useChatSelector((s) => s.conversationMessages.get(conversationId) ?? EMPTY_MESSAGES);
  const receipts = useChatSelector((s) => s.receipts[conversationId] ?? EMPTY_RECEIPTS);
  const [state, setState] = useState<WindowState | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<NatterError | null>(null);
  const busy = useRef(false);

  useEffect(() => {
    let cancelled = false;
    setState(null);
    setLoading(true);
    historyAround(client, target, { limit: pageSize }).then(
      (w) => {
        if (cancelled) return;
        setState({ items: shown([...w.messages].reverse()), hasOlder: w.hasOlder, hasNewer: w.hasNewer });
        setLoading(false);
      },
      (e: NatterError) => {
        if (cancelled) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, target, pageSize]);

  const page = useCallback(
    async (direction: 'older' | 'newer') => {
      if (!state || busy.current || (direction === 'older' ? !state.hasOlder : !state.hasNewer)) return;
      busy.current = true;
      setLoading(true);
      try {
        if (direction === 'older') {
          const oldest = state.items[0]?.seq ?? 1;
          const p = await client.history(conversationId, { before: oldest, limit: pageSize });
          setState((s) => s && { ...s, items: [...shown([...p.messages].reverse()), ...s.items], hasOlder: p.hasMore });
        } else {
          const newest = state.items[state.items.length - 1]?.seq ?? 0;
          const p = await historyAfter(client, conversationId, newest, { limit: pageSize });
          setState((s) => s && { ...s, items: [...s.items, ...shown(p.messages)], hasNewer: p.hasNewer });
        }
        setError(null);
      } catch (e) {
        setError(e as NatterError);
      } finally {
        busy.current = false;
        setLoading(false);
      }
    },
    [client, conversationId, pageSize, state],
  );

  // Once the window reaches the newest message, the live list continues it (new messages included).
  const data = useMemo<ConversationMessages>(() => {
    if (!state) return EMPTY_MESSAGES;
    if (state.hasNewer) return { items: state.items, pending: EMPTY_MESSAGES.pending };
    const newest = state.items[state.items.length - 1]?.seq ?? 0;
    const after = live.items.filter((m) => m.seq > newest);
    return { items: after.length > 0 ? [...state.items, ...after] : state.items, pending: live.pending };
  }, [state, live]);
  const build = useMemo(() => createMessageViewBuilder(user, conversationId), [user, conversationId]);
  // This user's edits and reactions waiting for the server, shown over their messages.
  const changes = useChatSelector((st) => st.features.changes);
  const messages = useMemo(() => build(data, receipts, changes), [build, data, receipts, changes]);
  const targetIndex = state ? state.items.findIndex((m) => m.serverId === target) : -1;
  const loadOlder = useCallback(() => page('older'), [page]);
  const loadNewer = useCallback(() => page('newer'), [page]);

  return {
    messages,
    targetIndex,
    loaded: state !== null,
    hasOlder: state?.hasOlder ?? false,
    hasNewer: state?.hasNewer ?? false,
    loading,
    error,
    loadOlder,
    loadNewer,
  };
}
