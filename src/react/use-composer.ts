// Owns useComposer: what the message input of a conversation is doing beside
// plain sending — replying to a message (a quote above the input) or editing
// one of this user's messages (the input holds its text) — shared by the
// list (which starts it from a message's menu) and the input (which shows it
// and sends). Page state per chat session, like drafts; nothing here reaches
// the server until the input sends.
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { ChatClient } from '../client/chat-client-types';
import type { ConversationId } from '../protocol/ids';
import type { Message } from '../protocol/message';
import { useChatContext } from './chat-context';

export type ComposerTarget = { kind: 'reply'; message: Message } | { kind: 'edit'; message: Message };

interface Targets {
  get(id: ConversationId): ComposerTarget | null;
  set(id: ConversationId, target: ComposerTarget | null): void;
  subscribe(listener: () => void): () => void;
}

const sessions = new WeakMap<ChatClient, Targets>();

function targetsOf(client: ChatClient): Targets {
  let t = sessions.get(client);
  if (t) return t;
  const map = new Map<ConversationId, ComposerTarget>();
  const listeners = new Set<() => void>();
  t = {
    get: (id) => map.get(id) ?? null,
    set: (id, target) => {
      if (target) map.set(id, target);
      else map.delete(id);
      for (const l of [...listeners]) l();
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  sessions.set(client, t);
  return t;
}

export interface ComposerResult {
  target: ComposerTarget | null;
  replyTo(message: Message): void;
  edit(message: Message): void;
  clear(): void;
}

export function useComposer(conversation: ConversationId): ComposerResult {
  const { client } = useChatContext();
  const targets = targetsOf(client);
  const target = useSyncExternalStore(
    targets.subscribe,
    () => targets.get(conversation),
    () => null,
  );
  const replyTo = useCallback(
    (message: Message) => targets.set(conversation, { kind: 'reply', message }),
    [targets, conversation],
  );
  const edit = useCallback(
    (message: Message) => targets.set(conversation, { kind: 'edit', message }),
    [targets, conversation],
  );
  const clear = useCallback(() => targets.set(conversation, null), [targets, conversation]);
  return useMemo(() => ({ target, replyTo, edit, clear }), [target, replyTo, edit, clear]);
}
