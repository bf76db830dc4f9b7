// Owns useMentionCount (the server's unread-mention badge of a conversation)
// and mentionCandidates: the members an `@` prefix may complete to, for a
// mention picker in an input.
import type { ConversationId } from '../protocol/ids';
import { useChatSelector } from './use-chat-selector';

/** Unread messages in the conversation that mention this user (by name or @all); 0 when none. */
export function useMentionCount(conversation: ConversationId): number {
  return useChatSelector((s) => s.conversations.summaries.get(conversation)?.mentions ?? 0);
}

/** The `@word` being typed at `caret` in `text`, or null. */
export function mentionQueryAt(text: string, caret: number): { query: string; start: number } | null {
  const before = text.slice(0, caret);
  const m = /(^|\s)@([^\s@]*)$/.exec(before);
  if (!m) return null;
  return { query: m[2] ?? '', start: before.length - (m[2]?.length ?? 0) - 1 };
}

/** Members whose id starts with (or contains) the query, prefix matches first, at most `limit`. */
export function mentionCandidates(members: readonly string[], query: string, self: string, limit = 8): string[] {
  const q = query.toLowerCase();
  const others = members.filter((u) => u !== self);
  const starts = others.filter((u) => u.toLowerCase().startsWith(q));
  const contains = others.filter((u) => !u.toLowerCase().startsWith(q) && u.toLowerCase().includes(q));
  return [...starts, ...contains].slice(0, limit);
}
