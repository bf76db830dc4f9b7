// Owns useMessageSenders: the send functions of one conversation (text,
// images, files, audio, video, location, custom, commands, retry, discard)
// without subscribing to its messages, for a composer that only sends.
import { useMemo } from 'react';
import type { ConversationId } from '../protocol/ids';
import { useChatContext } from './chat-context';
import { createMessageSenders, type MessageSenders } from './message-senders';

/** Sends into `conversationId`; never re-renders on messages (the functions change only with the conversation). */
export function useMessageSenders(conversationId: ConversationId): MessageSenders {
  const { client } = useChatContext();
  return useMemo(() => createMessageSenders(client, conversationId), [client, conversationId]);
}
