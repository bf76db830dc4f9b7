// Owns the React context that carries one chat session: the client, its store
// (read-only here: the provider's binding is its one writer), resync, paging and the
// fetch cache natter's hooks use for what they fetch once or page by page.
import { createContext, useContext } from 'react';
import type { ChatClient } from '../client/chat-client-types';
import type { ChatStore } from '../store/create-chat-store';
import type { FetchCache } from './fetch-cache';

export interface ChatContextValue {
  client: ChatClient;
  store: ChatStore;
  fetchCache: FetchCache;
  /** Fetches the conversation list and open invitations again. */
  resync(): Promise<void>;
  /** Fetches the conversation list's next page, if there is one. */
  loadMoreConversations(): Promise<void>;
}

export const ChatContext = createContext<ChatContextValue | null>(null);

/** The current chat session; throws outside a ChatProvider. */
export function useChatContext(): ChatContextValue {
  const ctx = useContext(ChatContext);
  if (!ctx) throw new Error('natter: this hook must be used inside <ChatProvider>');
  return ctx;
}
