// Owns unsent text per conversation, kept for as long as the page lives (per
// client, so two sessions in one page never share drafts): switching away from
// a conversation and back brings the half-written message back.
import type { useChatClient } from '../../react';

type ChatClient = ReturnType<typeof useChatClient>;

const drafts = new WeakMap<object, Map<string, string>>();

export function readDraft(client: ChatClient, conversationId: string): string {
  return drafts.get(client)?.get(conversationId) ?? '';
}

export function writeDraft(client: ChatClient, conversationId: string, text: string): void {
  let map = drafts.get(client);
  if (!map) drafts.set(client, (map = new Map()));
  if (text) map.set(conversationId, text);
  else map.delete(conversationId);
}
