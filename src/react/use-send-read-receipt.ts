// Owns useSendReadReceipt: a function that tells the server this user read
// one message (a per-message read receipt; group messages sent with
// `allowGroupAck` count their readers from these).
import { useCallback } from 'react';
import { useChatContext } from './chat-context';

export function useSendReadReceipt(): (serverId: string) => Promise<void> {
  const { client } = useChatContext();
  return useCallback((serverId: string) => client.sendReadReceipt(serverId), [client]);
}
