// Owns useConversationList: the conversation list in display order, loaded
// page by page (the first with the sync, the next ones when the caller asks).
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
  /** Unread messages over every conversation, the ones not loaded yet included (the server's total). */
  totalUnread: number;
  /** More conversations are on the server than loaded: call `loadMore` (e.g. when the reader scrolls near the end). */
  hasMore: boolean;
  /** Loads the next page of conversations (one request at a time; resolves when it is in the list). */
  loadMore(): Promise<void>;
  /** Fetch the list's first page (and open invitations) again. */
  refresh(): Promise<void>;
}

/** The current user's conversations, kept live by the store. */
export function useConversationList(): ConversationListResult {
  const { resync, loadMoreConversations } = useChatContext();
  const conversations = useChatSelector(selectConversationList);
  const loaded = useChatSelector((s) => s.conversations.loaded);
  const totalUnread = useChatSelector((s) => s.conversations.totalUnread);
  const syncing = useChatSelector((s) => s.connection.syncing);
  const hasMore = useChatSelector((s) => s.conversations.cursor !== null);
  return { conversations, loaded, syncing, totalUnread, hasMore, loadMore: loadMoreConversations, refresh: resync };
}
