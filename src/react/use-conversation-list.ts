// Owns useConversationList: the conversation list in display order.
import type { ConversationSummary } from '../protocol/entities';
import { selectConversationList } from '../store/selectors';
import { useChatContext } from './chat-context';
import { useChatSelector } from './use-chat-selector';

export interface ConversationListResult {
  /** Conversations, most recently updated first, each with its last message and the server's unread count. */
  conversations: readonly ConversationSummary[];
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
  const conversations = useChatSelector(selectConversationList);
  const loaded = useChatSelector((s) => s.conversations.loaded);
  const totalUnread = useChatSelector((s) => s.conversations.totalUnread);
  const syncing = useChatSelector((s) => s.connection.syncing);
  return { conversations, loaded, syncing, totalUnread, refresh: resync };
}
