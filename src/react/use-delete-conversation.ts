// Owns useDeleteConversation: removing a conversation from this user's list
// on every device, optionally with its history for this user. The store
// follows the server's `conversationDeleted` event.
import { useCallback } from 'react';
import type { ConversationId } from '../protocol/ids';
import { useChatContext } from './chat-context';

export interface DeleteConversationOptions {
  /** Also delete this user's roaming history of it (other members keep theirs). */
  deleteHistory?: boolean;
}

/** A function deleting a conversation; rejects with NatterError when the server refuses. */
export function useDeleteConversation(): (
  conversationId: ConversationId,
  options?: DeleteConversationOptions,
) => Promise<void> {
  const { client } = useChatContext();
  return useCallback((conversationId, options = {}) => client.deleteConversation(conversationId, options), [client]);
}
