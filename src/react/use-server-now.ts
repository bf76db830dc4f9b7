// Owns countdowns against the server's clock: a render-time server "now" that
// re-renders the caller each time a whole second of some deadline ticks over.
import { useEffect, useReducer } from 'react';
import { useChatContext } from './chat-context';

/** Whole seconds left until `deadline` (server ms) at server time `now`; null when there is no deadline. */
export function secondsLeft(deadline: number | null, now: number): number | null {
  return deadline === null ? null : Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** Server time now (`client.serverNow()`), re-rendering when any of `deadlines`' seconds-left changes. */
export function useServerNow(deadlines: readonly (number | null)[]): number {
  const { client } = useChatContext();
  const [tick, bump] = useReducer((x: number) => x + 1, 0);
  const now = client.serverNow();
  let wait: number | null = null;
  for (const d of deadlines) {
    if (d === null || d <= now) continue;
    const ms = (d - now) % 1000 || 1000;
    if (wait === null || ms < wait) wait = ms;
  }
  useEffect(() => {
    if (wait === null) return;
    const t = setTimeout(bump, wait + 5);
    return () => clearTimeout(t);
  }, [wait, tick]);
  return now;
}
