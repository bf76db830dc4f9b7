// Owns the React context that carries one chat session: the client, its store,
// the binding (for resyncs) and the QueryClient natter's hooks use.
import { createContext, useContext } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { ChatClient } from '../client/chat-client-types';
import type { ChatStore } from '../store/create-chat-store';
import type { StoreInput } from '../store/store-input';

export interface ChatContextValue {
  client: ChatClient;
  store: ChatStore;
  queryClient: QueryClient;
  /**
   * Applies results of the hooks' own requests (answers, history pages) now, after any events
   * still queued, so they are ordered with the live stream.
   */
  ingest(...inputs: StoreInput[]): void;
  /** Fetches the conversation list, open invitations and the outbox again. */
  resync(): Promise<void>;
}

export const ChatContext = createContext<ChatContextValue | null>(null);

/** The current chat session; throws outside a ChatProvider. */
export function useChatContext(): ChatContextValue {
  const ctx = useContext(ChatContext);
  if (!ctx) throw new Error('natter: this hook must be used inside <ChatProvider>');
  return ctx;
}
