// Owns useDraft: the unsent text of a conversation, kept per chat session
// for as long as the page lives (two sessions in one page never share
// drafts): switching away from a conversation and back brings it back.
import { useCallback, useState } from 'react';
import type { ChatClient } from '../client/chat-client-types';
import type { ConversationId } from '../protocol/ids';
import { useChatContext } from './chat-context';

const drafts = new WeakMap<ChatClient, Map<string, string>>();

const read = (client: ChatClient, id: ConversationId): string => drafts.get(client)?.get(id) ?? '';

/** `[text, setText]` like useState, starting from (and saving to) the conversation's draft. */
export function useDraft(conversationId: ConversationId): [string, (text: string) => void] {
  const { client } = useChatContext();
  const [state, setState] = useState(() => ({ id: conversationId, text: read(client, conversationId) }));
  const text = state.id === conversationId ? state.text : read(client, conversationId);
  const setText = useCallback(
    (value: string) => {
      setState({ id: conversationId, text: value });
      let map = drafts.get(client);
      if (!map) drafts.set(client, (map = new Map<string, string>()));
      if (value) map.set(conversationId, value);
      else map.delete(conversationId);
    },
    [client, conversationId],
  );
  return [text, setText];
}
