// Test support for store and React tests: a real embedded server, real clients
// on its loopback transport, and a bounded wait for asynchronous state.
import { createChatClient } from '../../src/client/chat-client';
import type { ChatClient } from '../../src/client/chat-client-types';
import {
  createEmbeddedServer,
  type EmbeddedServer,
  type EmbeddedServerOptions,
} from '../../src/server/embedded-server';
import { bindClient, type ChatBinding } from '../../src/store/bind-client';
import { createChatStore, type ChatStore } from '../../src/store/create-chat-store';

export interface Session {
  client: ChatClient;
  store: ChatStore;
  binding: ChatBinding;
  /** Number of store updates published so far. */
  updates(): number;
}

export interface Harness {
  server: EmbeddedServer;
  /** A connected client for `user` with a store bound to it. */
  session(user: string, options?: { delivery?: boolean; reconnectDelayMs?: number; device?: string }): Promise<Session>;
  /** A connected client without a store. */
  client(user: string, options?: { delivery?: boolean }): Promise<ChatClient>;
  close(): void;
}

export function createHarness(options: EmbeddedServerOptions = {}): Harness {
  const server = createEmbeddedServer(options);
  const clients: ChatClient[] = [];
  const bindings: ChatBinding[] = [];
  const client = async (user: string, o: { delivery?: boolean } = {}) => {
    const c = createChatClient({
      transport: server.connect(),
      user,
      reconnect: { initialDelayMs: 5, maxDelayMs: 20 },
      delivery: o.delivery ?? false,
    });
    clients.push(c);
    await c.connect();
    return c;
  };
  return {
    server,
    client,
    async session(user, o = {}) {
      const delay = o.reconnectDelayMs ?? 5;
      const c = createChatClient({
        transport: server.connect(),
        user,
        reconnect: { initialDelayMs: delay, maxDelayMs: delay * 4 },
        delivery: o.delivery ?? false,
        ...(o.device ? { device: o.device } : {}),
      });
      clients.push(c);
      const store = createChatStore(c);
      let updates = 0;
      store.subscribe(() => {
        updates++;
      });
      const binding = bindClient(c, store);
      bindings.push(binding);
      await c.connect();
      await until(() => store.getState().conversations.loaded, `${user}'s bootstrap`);
      return { client: c, store, binding, updates: () => updates };
    },
    close() {
      for (const b of bindings) b();
      for (const c of clients) c.close();
      server.close();
    },
  };
}

/** Waits until `read()` returns something truthy (polling, at most `maxMs`), and returns it. */
export async function until<T>(read: () => T | undefined | null | false, what: string, maxMs = 5000): Promise<T> {
  const step = 5;
  for (let waited = 0; waited <= maxMs; waited += step) {
    const v = read();
    if (v) return v;
    await new Promise((r) => setTimeout(r, step));
  }
  throw new Error(`timed out waiting for ${what}`);
}
