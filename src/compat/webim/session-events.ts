// Owns the connection-state listeners of a WebIM connection over its
// ChatClient: onOpened on the first ready, onOffline / onOnline around a
// reconnect, onClosed once, and the client's errors as onError.
import type { ChatClient } from '../../client/chat-client-types';
import { toWebIMError } from './errors';
import type { ListenerArg, ListenerName } from './types';

/** Subscribes to `client`'s state; returns the unsubscribe. */
export function bindSessionEvents(
  client: ChatClient,
  emit: <K extends ListenerName>(name: K, arg: ListenerArg<K>) => void,
): () => void {
  let opened = false;
  let closed = false;
  const offs = [
    client.on('state', ({ state }) => {
      if (state === 'reconnecting' && opened) emit('onOffline', undefined);
      if (state === 'closed' && !closed) {
        closed = true;
        emit('onClosed', undefined);
      }
    }),
    client.on('ready', () => {
      if (!opened) {
        opened = true;
        emit('onOpened', undefined);
      } else {
        emit('onOnline', undefined);
      }
    }),
    client.on('error', (e) => emit('onError', toWebIMError(e))),
  ];
  return () => offs.forEach((off) => off());
}
