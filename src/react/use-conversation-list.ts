// Owns useConversationList: the conversation list in display order.
import { useMemo } from 'react';
import type { ConversationSummary } from '../protocol/entities';
import { useChatContext } from './chat-context';
import { useChatSelector } from './use-chat-selector';

export interface ConversationListResult {
  /** Conversations, most recently updated first, each with its last message and the server's unread count. */
  conversations: ConversationSummary[];
  /** The list was fetched from the server at least once. */
  loaded: boolean;
  /** A full sync is running. */
  syncing: boolean;
  /** Sum of unread counts. */
  totalUnread: number;
  /** Fetch the list (and open invitations) again. */
  refresh(): Promise<void>;
}

/** The current user's conversations, kept live by the store. */
export function useConversationList(): ConversationListResult {
  const { resync } = useChatContext();
  const order = useChatSelector((s) => s.conversations.order);
  const summaries = useChatSelector((s) => s.conversations.summaries);
  const loaded = useChatSelector((s) => s.conversations.loaded);
  const totalUnread = useChatSelector((s) => s.conversations.totalUnread);
  const syncing = useChatSelector((s) => s.connection.syncing);
  const conversations = useMemo(() => order.flatMap((id) => summaries.get(id) ?? []), [order, summaries]);
  return { conversations, loaded, syncing, totalUnread, refresh: resync };
}
