// Owns usePins: a conversation's pinned messages, newest first. The list
// comes from the server once (the session's fetch cache) and then live from
// the store (`pins` events through bindClient), which wins once it has one;
// pinned messages that came with neither are looked up by id. This user's pins
// and unpins that wait for the server show at once (once their overlay, in the
// lazily loaded pending-change view, is there).
import type { PinnedMessage } from '../protocol/features';
import type { ConversationId } from '../protocol/ids';
import type { Message } from '../protocol/message';
import { EMPTY_PINS } from '../store/features-slice';
import { pendingChangeView } from '../store/lazy-pending-change-view';
import { useChatContext } from './chat-context';
import { useChatSelector } from './use-chat-selector';
import { useFetch } from './use-fetch';

export interface PinsResult {
  pins: readonly PinnedMessage[];
  /** The pinned messages that could be found, by serverId. */
  messages: ReadonlyMap<string, Message>;
  /** serverIds whose pin or unpin by this user waits to be sent or answered (already shown in `pins`). */
  waiting: ReadonlySet<string>;
  loading: boolean;
}

const NOTHING_WAITS: ReadonlySet<string> = new Set();

export function usePins(conversation: ConversationId): PinsResult {
  const { client } = useChatContext();
  const user = useChatSelector((s) => s.user);
  const ready = useChatSelector((s) => s.connection.ready);
  const live = useChatSelector((s) => s.features.pins.get(conversation));
  const initial = useFetch(`${user}\u0000pins\u0000${conversation}`, () => client.pins(conversation), {
    enabled: ready,
  });
  const changes = useChatSelector((s) => s.features.changes);
  // Only while changes wait: reading a conversation's `items` cuts a copy of its whole history.
  const items = useChatSelector((s) =>
    s.features.changes.size > 0 ? s.conversationMessages.get(conversation)?.items : undefined,
  );
  const served = live ?? initial.data?.pins ?? EMPTY_PINS;
  // The same answer while its inputs stay (pinsWithChanges keeps the last one).
  const shown = changes.size > 0 ? pendingChangeView()?.pinsWithChanges(served, changes, items, user) : undefined;
  const pins = shown?.pins ?? served;
  const known = [...(initial.data?.messages ?? []), ...(shown?.messages ?? [])];
  const missing = pins.filter((p) => !known.some((m) => m.serverId === p.serverId)).map((p) => p.serverId);
  const lookup = useFetch(`${user}\u0000messages\u0000${missing.join(',')}`, () => client.messagesById(missing), {
    enabled: ready && missing.length > 0,
  });
  const messages = new Map<string, Message>();
  for (const m of [...known, ...(lookup.data ?? [])]) messages.set(m.serverId, m);
  return { pins, messages, waiting: shown?.waiting ?? NOTHING_WAITS, loading: initial.loading };
}
