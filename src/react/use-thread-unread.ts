// Owns useThreadUnread: this user's unread replies in one thread they follow,
// as the server counted them (0 when they do not follow it). Re-renders only
// when that thread's count changes.
import { useChatSelector } from './use-chat-selector';

export function useThreadUnread(rootServerId: string): number {
  return useChatSelector((s) => s.features.threadUnread.get(rootServerId) ?? 0);
}
