// Owns the paged answers: a page of history (or of a thread) and a page of
// the conversation list, with what the server counts for the viewer.
import type { ConversationSummary } from './entities';
import type { Message } from './message';

export interface HistoryPage {
  /** Newest first. */
  messages: Message[];
  /** Pass as `before` to get the next (older) page; null when there is none. */
  cursor: number | null;
  hasMore: boolean;
  /**
   * Single chats with another user: the peer's read marker now (same as
   * `ConversationSummary.peerReadSeq`): this user's messages with `seq <= peerReadSeq` are read.
   */
  peerReadSeq?: number;
  /** Single chats with another user: own messages with `seq <= peerDeliveredSeq` were delivered (`ConversationSummary.peerDeliveredSeq`). */
  peerDeliveredSeq?: number;
  /**
   * Group chats: for each of this user's own messages in the page that was sent with
   * `config.allowGroupAck`, keyed by serverId, how many members have sent a read receipt for it
   * (the same count as the latest live `groupRead` event). Absent when the page has no such message.
   */
  groupReadCounts?: Record<string, number>;
  /**
   * For the thread roots in the page (and a thread page's own root) whose thread this user follows,
   * keyed by root serverId: their unread replies, as the server counts them (the same count as the
   * latest `threadReadState` event). Absent when the page has none.
   */
  threadUnread?: Record<string, number>;
}

/**
 * Part of every answer that carries messages (jump windows, newer pages, pins, lookups by id,
 * search): for the thread roots among them whose thread this user follows, keyed by root
 * serverId, their unread replies as the server counts them. Absent when there is none.
 */
export interface ThreadUnreadCounts {
  threadUnread?: Record<string, number>;
}

/** One page of the conversation list, most recently updated first. */
export interface ConversationPage {
  conversations: ConversationSummary[];
  /** Pass as `cursor` to get the next page; null when there is none. */
  cursor: string | null;
  hasMore: boolean;
  /**
   * Unread messages over the whole list (every page), counted by the server; on the first page
   * only (no `cursor` asked): later changes arrive as events.
   */
  unreadTotal?: number;
}
