// Owns usePins: a conversation's pinned messages, newest first. The list
// comes from the server once (the session's fetch cache) and then live from
// the store (`pins` events through bindClient), which wins once it has one;
// pinned messages that came with neither are looked up by id.
import type { PinnedMessage } from '../protocol/features';
import type { ConversationId } from '../protocol/ids';
import type { Message } from '../protocol/message';
import { EMPTY_PINS } from '../store/features-slice';
import { useChatContext } from './chat-context';
import { useChatSelector } from './use-chat-selector';
import { useFetch } from './use-fetch';

export interface PinsResult {
  pins: readonly PinnedMessage[];
  /** The pinned messages that could be found, by serverId. */
  messages: ReadonlyMap<string, Message>;
  loading: boolean;
}

export function usePins(conversation: ConversationId): PinsResult {
  const { client } = useChatContext();
  const user = useChatSelector((s) => s.user);
  const ready = useChatSelector((s) => s.connection.ready);
  const live = useChatSelector((s) => s.features.pins.get(conversation));
  const initial = useFetch(`${user}\u0000pins\u0000${conversation}`, () => client.pins(conversation), {
    enabled: ready,
  });
  const pins = live ?? initial.data?.pins ?? EMPTY_PINS;
  const known = initial.data?.messages ?? [];
  const missing = pins.filter((p) => !known.some((m) => m.serverId === p.serverId)).map((p) => p.serverId);
  const lookup = useFetch(`${user}\u0000messages\u0000${missing.join(',')}`, () => client.messagesById(missing), {
    enabled: ready && missing.length > 0,
  });
  const messages = new Map<string, Message>();
  for (const m of [...known, ...(lookup.data ?? [])]) messages.set(m.serverId, m);
  return { pins, messages, loading: initial.loading };
}
