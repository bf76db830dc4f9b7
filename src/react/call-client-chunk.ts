// Owns loading the call machinery (CallClient, the WebRTC mesh) as a chunk of
// its own: most screens never call, so the Chat's first load does not carry
// it. useCall asks for it as soon as it mounts, so the CallClient is there to
// follow incoming calls (glare) well before anyone presses a call button.
import type { ChatClient } from '../client/chat-client-types';
import type { CallClient } from '../client/call/call-types';

type CallModule = typeof import('../client/call/call-client');

let chunk: Promise<CallModule> | null = null;

/** The one CallClient of `client`, loading the call code on first use (a failed load is tried again next time). */
export function loadCallClient(client: ChatClient): Promise<CallClient> {
  chunk ??= import('../client/call/call-client').catch((e: unknown) => {
    chunk = null;
    throw e;
  });
  return chunk.then((m) => m.callClientFor(client));
}
