// Owns useMuteConversation: muting a conversation for this user on every
// device (no push for it), until a server time or for good, and unmuting it.
// The store follows the server's `conversationMute` event: a summary's `mute`
// (from useConversationList) shows the conversation muted.
import { useCallback, useMemo } from 'react';
import type { ConversationId } from '../protocol/ids';
import { useChatContext } from './chat-context';

export interface MuteConversationActions {
  /** Mutes until `until` (server time, ms), or until unmuted; rejects with NatterError when refused. */
  mute(conversationId: ConversationId, until?: number): Promise<void>;
  unmute(conversationId: ConversationId): Promise<void>;
}

export function useMuteConversation(): MuteConversationActions {
  const { client } = useChatContext();
  const mute = useCallback(
    (conversationId: ConversationId, until?: number) => client.muteConversation(conversationId, until),
    [client],
  );
  const unmute = useCallback((conversationId: ConversationId) => client.unmuteConversation(conversationId), [client]);
  return useMemo(() => ({ mute, unmute }), [mute, unmute]);
}
