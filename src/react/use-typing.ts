// Owns useTyping: who is typing in a conversation (from `typing` command
// messages, expiring on their own) and a throttled notifier for this user.
// Typing signals are sent as plain requests, not through the outbox: a stale
// "typing" replayed after a reconnect would be wrong.
import { useEffect, useMemo, useReducer, useRef } from 'react';
import { parseConversationId, type ConversationId } from '../protocol/ids';
import type { UserId } from '../protocol/message';
import { selectTyping } from '../store/selectors';
import { TYPING_ACTION, TYPING_STOP_ACTION, TYPING_TTL_MS } from '../store/reduce-messages';
import { useChatContext } from './chat-context';
import { useChatSelector } from './use-chat-selector';

export interface TypingResult {
  /** Other users typing now. */
  typing: readonly UserId[];
  /** Call on each keystroke: sends a `typing` command at most every `TYPING_TTL_MS / 2`. */
  notifyTyping(): void;
  /** Tells others this user stopped (e.g. the input was cleared or sent). */
  stopTyping(): void;
}

/** Typing indicator for `conversationId` over command messages (`cmd` action `typing` / `typing:stop`). */
export function useTyping(conversationId: ConversationId): TypingResult {
  const { client } = useChatContext();
  const entries = useChatSelector((s) => selectTyping(s, conversationId));
  const [tick, bump] = useReducer((x: number) => x + 1, 0);
  const lastSent = useRef(0);

  const now = Date.now();
  const typing = useMemo(() => Object.keys(entries).filter((u) => (entries[u] ?? 0) > now), [entries, tick]);
  const nextExpiry = Math.min(...Object.values(entries).filter((t) => t > now));
  useEffect(() => {
    if (!Number.isFinite(nextExpiry)) return;
    const t = setTimeout(bump, nextExpiry - Date.now() + 5);
    return () => clearTimeout(t);
  }, [nextExpiry]);

  const actions = useMemo(() => {
    const target = parseConversationId(conversationId);
    const signal = (action: string) => {
      if (!target || client.state !== 'open') return;
      client
        .request('send', {
          localId: client.newLocalId(),
          to: target.target,
          chatType: target.type,
          body: { type: 'cmd', action },
        })
        .catch(() => undefined);
    };
    return {
      notifyTyping: () => {
        const t = Date.now();
        if (t - lastSent.current < TYPING_TTL_MS / 2) return;
        lastSent.current = t;
        signal(TYPING_ACTION);
      },
      stopTyping: () => {
        if (lastSent.current === 0) return;
        lastSent.current = 0;
        signal(TYPING_STOP_ACTION);
      },
    };
  }, [client, conversationId]);

  return { typing, ...actions };
}
