// Owns the zero-setup path of ChatProvider: when no client is given, a client
// for the requested user on one embedded server shared by the whole page (so
// two providers for two users talk to each other, as in a demo). The server and
// client code are loaded with a dynamic import, so an app that passes its own
// client never ships the embedded server in its initial bundle. This is the one
// place where the React layer reaches the server core, and only lazily.
import type { ChatClient } from '../client/chat-client-types';
import type { Transport } from '../protocol/link';

interface PageServer {
  connect(): Transport;
}

let pageServer: Promise<PageServer> | null = null;

function sharedServer(): Promise<PageServer> {
  // A failed load is forgotten, so the next provider tries again instead of failing for good.
  pageServer ??= import('../server/embedded-server').then(
    ({ createEmbeddedServer }) => createEmbeddedServer(),
    (e: unknown) => {
      pageServer = null;
      throw e;
    },
  );
  return pageServer;
}

/** A new client for `user` on the page's shared embedded server (created on first use). */
export async function createEmbeddedClient(user: string): Promise<ChatClient> {
  const [server, { createChatClient }] = await Promise.all([sharedServer(), import('../client/chat-client')]);
  return createChatClient({ transport: server.connect(), user });
}
