// Owns useConversation: one conversation's messages (stored, pending and
// failed, each with its status), every send, recall, retry, read marking and
// paging back through history. Selects only this conversation's slices, so
// activity elsewhere does not re-render it.
import { useMemo } from 'react';
import type { ConversationSummary } from '../protocol/entities';
import type { NatterError } from '../protocol/errors';
import type { ConversationId } from '../protocol/ids';
import type { Message } from '../protocol/message';
import { createMessageViewBuilder, type ChatMessage } from '../store/message-view';
import { selectMessages, selectReceipts, selectSummary } from '../store/selectors';
import { useChatContext } from './chat-context';
import { createMessageSenders, type MessageSenders } from './message-senders';
import { useChatSelector } from './use-chat-selector';
import { useHistoryPages } from './use-history-pages';

export interface UseConversationOptions {
  /** Messages per history page (default 30). */
  pageSize?: number;
}

export interface ConversationResult extends MessageSenders {
  /** The conversation's summary (last message, unread, read marker), or undefined before it exists. */
  conversation: ConversationSummary | undefined;
  /**
   * Messages in order: stored ones by seq, then this client's pending and failed sends.
   * Each carries `status` ('pending' | 'sent' | 'delivered' | 'read' | 'failed' | 'recalled' |
   * 'received'), `error` ({code, message} when failed), `progress` (upload 0..1) and a stable `key`.
   * Unchanged messages keep their object identity across updates. The array is read-only and
   * lazy (each entry is made when read, so a long history costs nothing until rows show it):
   * index, iterate, `map` or spread it; writing to it throws (its type has no writing methods).
   */
  messages: readonly ChatMessage[];
  /** The server's unread count for this conversation. */
  unread: number;
  /** Recalls one of this user's messages (rejects with NatterError: 504 window passed, 505 disabled, …). */
  recall(serverId: string): Promise<Message>;
  /** Marks the conversation read up to `upToSeq` (default: everything) on all devices; resolves with the read marker. */
  markRead(upToSeq?: number): Promise<number>;
  /** Loads the next older page of history (TanStack infinite query). */
  loadOlder(): Promise<void>;
  /** Older messages exist on the server. */
  hasMore: boolean;
  /** A history page is loading. */
  loadingHistory: boolean;
  /** The newest history page has been fetched. */
  historyLoaded: boolean;
  /** The last history fetch failed. */
  historyError: NatterError | null;
}

/** Everything to show and act on one conversation. */
export function useConversation(
  conversationId: ConversationId,
  options: UseConversationOptions = {},
): ConversationResult {
  const { client } = useChatContext();
  const user = useChatSelector((s) => s.user);
  const data = useChatSelector((s) => selectMessages(s, conversationId));
  const receipts = useChatSelector((s) => selectReceipts(s, conversationId));
  const conversation = useChatSelector((s) => selectSummary(s, conversationId));
  const history = useHistoryPages(conversationId, options.pageSize ?? 30);

  const build = useMemo(() => createMessageViewBuilder(user, conversationId), [user, conversationId]);
  // This user's edits and reactions waiting for the server, shown over their messages.
  const changes = useChatSelector((st) => st.features.changes);
  const messages = useMemo(() => build(data, receipts, changes), [build, data, receipts, changes]);
  const senders = useMemo(() => createMessageSenders(client, conversationId), [client, conversationId]);
  const actions = useMemo(
    () => ({
      recall: (serverId: string) => client.recall(serverId),
      markRead: (upToSeq?: number) => client.markRead(conversationId, upToSeq),
    }),
    [client, conversationId],
  );

  return {
    ...senders,
    ...actions,
    conversation,
    messages,
    unread: conversation?.unread ?? 0,
    loadOlder: history.loadOlder,
    hasMore: history.hasMore,
    loadingHistory: history.loading,
    historyLoaded: history.loaded,
    historyError: history.error,
  };
}
