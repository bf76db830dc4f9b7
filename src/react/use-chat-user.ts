// Owns useChatUser: who this chat session is logged in as.
import type { UserId } from '../protocol/message';
import { useChatSelector } from './use-chat-selector';

/** The session's user (a token login learns it at the welcome: '' until then). */
export function useChatUser(): UserId {
  return useChatSelector((s) => s.user);
}
