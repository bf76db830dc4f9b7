// Owns the receipt state a sender can read back later (not only as live
// events): for single chats, the peer's read and delivered markers kept in the
// sender's own conversation state; for group messages sent with allowGroupAck,
// the read counts of a history page. A client that starts after the receipts
// happened learns them from `conversations` and `history`.
import type { ConversationSummary } from '../protocol/entities';
import type { Message, UserId } from '../protocol/message';
import type { ConversationKey, ConversationStateRecord, Storage } from './storage';

/**
 * Raises `owner`'s markers for their peer in the single chat `key`: delivered up to `deliveredSeq`
 * and, when given, read up to `readSeq` (a read message was delivered too). Markers never go back.
 */
export async function raisePeerMarkers(
  storage: Storage,
  owner: UserId,
  key: ConversationKey,
  marks: { deliveredSeq: number; readSeq?: number },
): Promise<void> {
  const state = await storage.getConversationState(owner, key);
  // The owner took part in the conversation (a message exists), so the state exists; if it does
  // not, there is nothing of theirs to mark.
  if (!state) return;
  const read = Math.max(state.peerReadSeq ?? 0, marks.readSeq ?? 0);
  const delivered = Math.max(state.peerDeliveredSeq ?? 0, marks.deliveredSeq, read);
  if (read === (state.peerReadSeq ?? 0) && delivered === (state.peerDeliveredSeq ?? 0)) return;
  state.peerReadSeq = read;
  state.peerDeliveredSeq = delivered;
  // Not a change that moves the conversation in the list: updatedAt stays.
  await storage.putConversationState(state);
}

/** The peer markers of a conversation state as the summary and history pages carry them. */
export function peerMarkers(
  state: ConversationStateRecord | null,
  type: ConversationSummary['type'],
  target: string,
  viewer: UserId,
): Pick<ConversationSummary, 'peerReadSeq' | 'peerDeliveredSeq'> {
  if (type !== 'single' || target === viewer) return {};
  const read = state?.peerReadSeq ?? 0;
  return { peerReadSeq: read, peerDeliveredSeq: Math.max(state?.peerDeliveredSeq ?? 0, read) };
}

/** Read counts of `viewer`'s own messages sent with allowGroupAck; null when there is none. */
export async function groupReadCounts(
  storage: Storage,
  messages: readonly Message[],
  viewer: UserId,
): Promise<Record<string, number> | null> {
  let counts: Record<string, number> | null = null;
  for (const m of messages) {
    if (m.chatType !== 'group' || m.from !== viewer || m.config?.allowGroupAck !== true) continue;
    (counts ??= {})[m.serverId] = (await storage.listReceipts(m.serverId, 'read')).length;
  }
  return counts;
}
