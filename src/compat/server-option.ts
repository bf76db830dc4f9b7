// Owns the `server` option both facades accept: an embedded server instance,
// a ws:// / wss:// URL of `natter serve`, or nothing — then every facade in
// the page shares one default embedded server, so two connections made with
// no set-up talk to each other (what the vendors' examples assume).
import { createEmbeddedServer } from '../server/embedded-server';
import type { Transport, UploadedFile } from '../protocol/link';
import type { ChatClientOptions } from '../client/chat-client-types';

/** What the facades need of an embedded server (createEmbeddedServer's result fits). */
export interface EmbeddedServerLike {
  connect(): Transport;
  /** Used to serve downloads of attachment URLs in the page (no HTTP there). */
  core?: {
    getFile(
      fileId: string,
    ): Promise<{ meta: UploadedFile; bytes: Uint8Array } | null> | { meta: UploadedFile; bytes: Uint8Array } | null;
  };
}

export type ServerOption = EmbeddedServerLike | string;

let pageServer: EmbeddedServerLike | null = null;

/** The one embedded server shared by every facade of this page that was given no `server`. */
export function pageDefaultServer(): EmbeddedServerLike {
  pageServer ??= createEmbeddedServer({});
  return pageServer;
}

export function resolveServer(server: ServerOption | undefined): EmbeddedServerLike | string {
  if (server === undefined || server === null) return pageDefaultServer();
  if (typeof server === 'string') {
    if (!/^wss?:\/\//i.test(server))
      throw new TypeError(`natter compat: server must be a ws:// or wss:// URL, got ${server}`);
    return server;
  }
  if (typeof server.connect !== 'function')
    throw new TypeError('natter compat: server must be an embedded server (with connect()) or a ws:// URL');
  return server;
}

/**
 * Client options that reach `server` as `user`. A signed token (Easemob's accessToken, Tencent's
 * userSig) is only passed to `natter serve`: the embedded server runs in dev mode and knows no signer.
 */
export function clientOptionsFor(
  server: EmbeddedServerLike | string,
  user: string,
  token: string | undefined,
  WebSocket?: unknown,
): ChatClientOptions {
  if (typeof server === 'string')
    return { url: server, user, ...(token ? { token } : {}), ...(WebSocket !== undefined ? { WebSocket } : {}) };
  return { transport: server.connect(), user };
}
