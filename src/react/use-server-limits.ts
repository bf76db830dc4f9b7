// Owns useServerLimits: the limits the server announced at the welcome
// (text length, file size and types, recall window), for checks a UI makes
// before sending.
import type { ServerLimits } from '../protocol/entities';
import { useChatContext } from './chat-context';
import { useChatSelector } from './use-chat-selector';

/** The server's limits, or null before the first welcome; re-renders when a welcome brings them. */
export function useServerLimits(): ServerLimits | null {
  const { client } = useChatContext();
  // The limits live on the client; each welcome flips `ready`, which re-renders the caller to read them again.
  useChatSelector((s) => s.connection.ready);
  return client.limits;
}
