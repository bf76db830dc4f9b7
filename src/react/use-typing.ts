// Owns useTyping: who is typing in a conversation (from the server's ephemeral
// `typing` events, and older clients' `typing` command messages, expiring on
// their own) and a throttled notifier for this user. Signals go out as the
// `typing` operation, which the server never stores, and never through the
// outbox: a stale "typing" replayed after a reconnect would be wrong.
import { useEffect, useMemo, useReducer, useRef } from 'react';
import type { ConversationId } from '../protocol/ids';
import type { UserId } from '../protocol/message';
import type { TypingState } from '../protocol/typing';
import { selectTyping } from '../store/selectors';
import { TYPING_TTL_MS } from '../store/reduce-messages';
import { useChatContext } from './chat-context';
import { useChatSelector } from './use-chat-selector';

export interface TypingResult {
  /** Other users typing now. */
  typing: readonly UserId[];
  /** Call on each keystroke: signals `start` at most every `TYPING_TTL_MS / 2`. */
  notifyTyping(): void;
  /** Tells others this user stopped (e.g. the input was cleared or sent). */
  stopTyping(): void;
}

/** Typing indicator for `conversationId` over the ephemeral `typing` operation (nothing enters history). */
export function useTyping(conversationId: ConversationId): TypingResult {
  const { client } = useChatContext();
  const entries = useChatSelector((s) => selectTyping(s, conversationId));
  const [tick, bump] = useReducer((x: number) => x + 1, 0);
  const lastSent = useRef(0);

  const typing = useMemo(
    () => {
      const now = Date.now();
      return Object.keys(entries).filter((u) => (entries[u] ?? 0) > now);
    },
    // `tick` is the clock here: it changes when the next entry expires, and the list is filtered again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [entries, tick],
  );
  const nextExpiry = Math.min(...Object.values(entries).filter((t) => t > Date.now()));
  useEffect(() => {
    if (!Number.isFinite(nextExpiry)) return;
    const t = setTimeout(bump, nextExpiry - Date.now() + 5);
    return () => clearTimeout(t);
  }, [nextExpiry]);

  const actions = useMemo(() => {
    const signal = (state: TypingState) => {
      if (client.state !== 'open') return;
      // A lost indicator is harmless (it expires on its own): refusals are not worth surfacing.
      client.sendTyping(conversationId, state).catch(() => undefined);
    };
    return {
      notifyTyping: () => {
        const t = Date.now();
        if (t - lastSent.current < TYPING_TTL_MS / 2) return;
        lastSent.current = t;
        signal('start');
      },
      stopTyping: () => {
        if (lastSent.current === 0) return;
        lastSent.current = 0;
        signal('stop');
      },
    };
  }, [client, conversationId]);

  return { typing, ...actions };
}
