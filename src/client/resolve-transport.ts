// Owns which transport a client talks over: the one the app gave (the
// embedded server's loopback, a test's), else a WebSocket to `url` carrying
// the token or user the hello needs; neither is a clear 4002.
import { definedFields } from '../protocol/defined-fields';
import { ErrorCode, NatterError } from '../protocol/errors';
import type { Transport } from '../protocol/link';
import type { ChatClientOptions } from './chat-client-types';
import { createWebSocketTransport } from './websocket-transport';

/** The app's transport, else a WebSocket to `options.url`. */
export function resolveTransport(options: ChatClientOptions): Transport {
  if (options.transport) return options.transport;
  if (options.url) {
    return createWebSocketTransport({
      url: options.url,
      ...definedFields({ WebSocket: options.WebSocket, token: options.token, user: options.user }),
    });
  }
  throw new NatterError(ErrorCode.INVALID_PARAMS, 'createChatClient needs a transport or a url');
}
