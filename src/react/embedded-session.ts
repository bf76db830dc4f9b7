// Owns the zero-setup path of ChatProvider: when no client is given, a client
// for the requested user on one embedded server shared by the whole page (so
// two providers for two users talk to each other, as in a demo). This module is
// itself loaded with a dynamic import (chat-provider.tsx), so an app that passes
// its own client never ships the embedded server in its initial bundle. The
// server and client are static imports here: one lazy chunk loaded straight from
// the entry, which lets the bundler keep the modules it shares with the entry
// (ids, ulid, frame codec) in the entry instead of in extra initial chunks.
// This is the one place where the React layer reaches the server core.
import { createChatClient } from '../client/chat-client';
import type { ChatClient } from '../client/chat-client-types';
import { createEmbeddedServer, type EmbeddedServer } from '../server/embedded-server';

let pageServer: EmbeddedServer | null = null;

/** A new client for `user` on the page's shared embedded server (created on first use). */
export function createEmbeddedClient(user: string): ChatClient {
  pageServer ??= createEmbeddedServer();
  return createChatClient({ transport: pageServer.connect(), user });
}
