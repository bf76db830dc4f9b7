// Owns useServerClock: a function reading the server's time now (the local
// clock corrected at the welcome), for rules the server judges by its own
// clock, such as whether a message may still be recalled.
import { useCallback } from 'react';
import { useChatContext } from './chat-context';

/** A stable function returning the server's time now (ms). Reading it does not re-render. */
export function useServerClock(): () => number {
  const { client } = useChatContext();
  return useCallback(() => client.serverNow(), [client]);
}
