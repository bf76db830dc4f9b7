// Owns useChatClient: the raw client for anything the hooks do not cover.
import type { ChatClient } from '../client/chat-client-types';
import { useChatContext } from './chat-context';

/** The {@link ChatClient} of the surrounding ChatProvider (requests only: subscribe through hooks). */
export function useChatClient(): ChatClient {
  return useChatContext().client;
}
