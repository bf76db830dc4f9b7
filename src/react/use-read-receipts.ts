// Owns useReadReceipts: for each of this user's messages in a conversation,
// whether it was delivered and read and by how many, plus who read a group
// message (fetched on demand through TanStack Query, refetched when the count
// the server pushes grows).
import { useMemo } from 'react';
import type { ConversationId } from '../protocol/ids';
import type { UserId } from '../protocol/message';
import { readCountOf, storedStatus } from '../store/message-view';
import { selectMessages, selectReceipts } from '../store/selectors';
import { useChatContext } from './chat-context';
import { useChatSelector } from './use-chat-selector';
import { useGroupReaders } from './use-group-readers';

export interface MessageReceipt {
  serverId: string;
  seq: number;
  /** Some recipient's client received it (implied by read). */
  delivered: boolean;
  /** Some recipient read it (single chat: read receipt or channel ack; group: at least one reader). */
  read: boolean;
  /** Group: the server's read count; single chat: 1 once read. */
  readCount: number;
  /** Users whose delivery receipts arrived. */
  deliveredTo: readonly UserId[];
  /** Users whose read receipts arrived (the full group list comes from `readers`). */
  readBy: readonly UserId[];
}

export interface ReadReceiptsResult {
  /** Receipts of this user's loaded messages in the conversation, by serverId. */
  byMessage: Readonly<Record<string, MessageReceipt>>;
  /** One message's receipt, or undefined when it is not an own loaded message. */
  receiptOf(serverId: string): MessageReceipt | undefined;
  /** Highest seq the other side acked as read for the whole conversation (single chat; 0 if none). */
  peerReadUpTo: number;
  /** Who read a group message sent with `allowGroupAck` (sender only; cached until its count changes). */
  readers(serverId: string): Promise<UserId[]>;
  /** Tells the sender this user read one message (single chat, or group with allowGroupAck). */
  sendReadReceipt(serverId: string): Promise<void>;
}

/** Delivery and read state of this user's messages in `conversationId`. */
export function useReadReceipts(conversationId: ConversationId): ReadReceiptsResult {
  const { client } = useChatContext();
  const groupReaders = useGroupReaders();
  const user = useChatSelector((s) => s.user);
  const items = useChatSelector((s) => selectMessages(s, conversationId).items);
  const receipts = useChatSelector((s) => selectReceipts(s, conversationId));

  return useMemo(() => {
    const byMessage: Record<string, MessageReceipt> = {};
    for (const m of items) {
      if (m.from !== user || m.body.type === 'recalled') continue;
      const status = storedStatus(m, user, receipts);
      byMessage[m.serverId] = {
        serverId: m.serverId,
        seq: m.seq,
        delivered: status === 'delivered' || status === 'read',
        read: status === 'read',
        readCount: readCountOf(m, user, receipts),
        deliveredTo: receipts.delivered[m.serverId] ?? [],
        readBy: receipts.read[m.serverId] ?? [],
      };
    }
    let peerReadUpTo = 0;
    for (const upTo of Object.values(receipts.ackedUpTo)) peerReadUpTo = Math.max(peerReadUpTo, upTo);
    return {
      byMessage,
      receiptOf: (serverId: string) => byMessage[serverId],
      peerReadUpTo,
      readers: (serverId: string) => groupReaders(serverId, receipts.groupReadCount[serverId] ?? 0),
      sendReadReceipt: (serverId: string) => client.sendReadReceipt(serverId),
    };
  }, [items, receipts, user, client, groupReaders]);
}
