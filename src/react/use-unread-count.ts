// Owns useUnreadCount: one conversation's unread count, or the total.
import type { ConversationId } from '../protocol/ids';
import { selectUnread } from '../store/selectors';
import { useChatSelector } from './use-chat-selector';

/**
 * The server's unread count for `conversationId`, or the sum over all conversations when omitted.
 * Never negative; re-renders only when that number changes.
 */
export function useUnreadCount(conversationId?: ConversationId): number {
  return useChatSelector((s) => selectUnread(s, conversationId));
}
