// Owns answering group read-receipt requests: a group message sent with
// `allowGroupAck` asks each reader to say they read it. When the list marks its
// conversation read, it also sends a receipt for every such message from others
// that was unread until then (newest first, stopping at the old read marker).
import { useCallback, useRef } from 'react';
import type { ChatMessage } from '../../react/index';

/** Wraps `markRead` so that it also acknowledges the group messages that asked for it. */
export function useGroupReadReceipts(
  messages: readonly ChatMessage[],
  readSeq: number,
  markRead: () => Promise<unknown>,
  sendReadReceipt: (serverId: string) => Promise<void>,
): () => Promise<unknown> {
  const latest = useRef({ messages, readSeq });
  latest.current = { messages, readSeq };
  const sent = useRef(new Set<string>());
  return useCallback(async () => {
    const { messages: ms, readSeq: from } = latest.current;
    const result = await markRead();
    for (let i = ms.length - 1; i >= 0; i--) {
      const m = ms[i] as ChatMessage;
      if (m.seq !== null && m.seq <= from) break;
      if (
        m.own ||
        m.chatType !== 'group' ||
        m.config?.allowGroupAck !== true ||
        m.serverId === null ||
        sent.current.has(m.serverId)
      )
        continue;
      sent.current.add(m.serverId);
      const id = m.serverId;
      sendReadReceipt(id).catch(() => sent.current.delete(id));
    }
    return result;
  }, [markRead, sendReadReceipt]);
}
