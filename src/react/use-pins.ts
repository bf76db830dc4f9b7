// Owns usePins: a conversation's pinned messages, newest first. The list
// comes from the server once (TanStack Query) and then live from the store
// (`pins` events through bindClient), which wins once it has one; the
// pinned messages are looked up by id when they are not loaded.
import { useQuery } from '@tanstack/react-query';
import type { PinnedMessage } from '../protocol/features';
import type { ConversationId } from '../protocol/ids';
import type { Message } from '../protocol/message';
import { EMPTY_PINS } from '../store/features-slice';
import { useChatContext } from './chat-context';
import { useChatSelector } from './use-chat-selector';

export interface PinsResult {
  pins: readonly PinnedMessage[];
  /** The pinned messages that could be found, by serverId. */
  messages: ReadonlyMap<string, Message>;
  loading: boolean;
}

export function usePins(conversation: ConversationId): PinsResult {
  const { client, queryClient } = useChatContext();
  const live = useChatSelector((s) => s.features.pins.get(conversation));
  const ready = useChatSelector((s) => s.connection.ready);
  const initial = useQuery({ queryKey: ['natter', client.user, 'pins', conversation], queryFn: () => client.pins(conversation), enabled: ready, staleTime: Infinity }, queryClient);
  const pins = live ?? initial.data?.pins ?? EMPTY_PINS;
  const known = initial.data?.messages;
  const missing = pins.filter((p) => !known?.some((m) => m.serverId === p.serverId)).map((p) => p.serverId);
  const lookup = useQuery({
    queryKey: ['natter', client.user, 'messages', missing.join(',')],
    queryFn: () => client.messagesById(missing),
    enabled: ready && missing.length > 0,
    staleTime: Infinity,
  }, queryClient);
  const messages = new Map<string, Message>();
  for (const m of [...(known ?? []), ...(lookup.data ?? [])]) messages.set(m.serverId, m);
  return { pins, messages, loading: initial.isPending };
}
