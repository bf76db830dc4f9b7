// Owns what "deleted for me" means for a user's view of a conversation: the
// serverIds in their state's `hiddenIds` are left out of their history pages,
// and a hidden message that would still count as unread is subtracted when
// unread is recounted from storage (so a partial ack never brings it back).
import type { Message } from '../protocol/message';
import type { ConversationStateRecord, Storage } from './storage';

/** Hidden messages that `countUnread` still counts for this state (after seq `after`). */
export async function hiddenStillCounted(
  storage: Storage,
  state: ConversationStateRecord,
  after: number,
): Promise<number> {
  let n = 0;
  for (const id of state.hiddenIds ?? []) {
    const record = await storage.getMessage(id);
    if (!record || record.key !== state.key) continue;
    const m = record.message;
    if (!m.excluded && m.from !== state.user && m.seq > after) n++;
  }
  return n;
}

/** The messages of a page this user has not deleted for themselves. */
export function withoutHidden(state: ConversationStateRecord | null, messages: Message[]): Message[] {
  const hidden = state?.hiddenIds;
  if (!hidden || hidden.length === 0) return messages;
  const set = new Set(hidden);
  return messages.filter((m) => !set.has(m.serverId));
}
