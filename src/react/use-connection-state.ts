// Owns useConnectionState: the connection slice of the store.
import type { ConnectionSlice } from '../store/chat-state';
import { useChatSelector } from './use-chat-selector';

/**
 * The connection as the store sees it. Fields: `state` ('idle' | 'connecting' | 'open' |
 * 'reconnecting' | 'closed'), `ready` (welcomed on the current connection), `resumed` (the last
 * welcome replayed missed events), `error` (last connection error `{code, message}` or null),
 * `syncing` (a full sync is running), `syncGeneration` (bumped by every reset resync).
 */
export function useConnectionState(): ConnectionSlice {
  return useChatSelector((s) => s.connection);
}
