// Test support for hook tests: a real embedded server, real clients on its
// loopback transport, and renderHook wrapped in a ChatProvider per client.
import type { ReactNode } from 'react';
import { renderHook, type RenderHookResult } from '@testing-library/react';
import { createChatClient } from '../../src/client/chat-client';
import type { ChatClient } from '../../src/client/chat-client-types';
import {
  createEmbeddedServer,
  type EmbeddedServer,
  type EmbeddedServerOptions,
} from '../../src/server/embedded-server';
import { ChatProvider } from '../../src/react/chat-provider';

export interface ReactHarness {
  server: EmbeddedServer;
  /** A client for `user` (connected by the provider, or here with `connect: true`). */
  client(
    user: string,
    options?: { delivery?: boolean; device?: string; connect?: boolean; reconnectDelayMs?: number },
  ): Promise<ChatClient>;
  /** renderHook inside a ChatProvider for `client`. */
  render<R>(client: ChatClient, hook: () => R): RenderHookResult<R, unknown>;
  /** A wrapper component providing `client`. */
  wrapper(client: ChatClient): (props: { children: ReactNode }) => ReactNode;
  close(): void;
}

export function createReactHarness(options: EmbeddedServerOptions = {}): ReactHarness {
  const server = createEmbeddedServer(options);
  const clients: ChatClient[] = [];
  const unmounts: (() => void)[] = [];
  const wrapper = (client: ChatClient) =>
    function Wrapper({ children }: { children: ReactNode }) {
      return <ChatProvider client={client}>{children}</ChatProvider>;
    };
  return {
    server,
    async client(user, o = {}) {
      const c = createChatClient({
        transport: server.connect(),
        user,
        delivery: o.delivery ?? false,
        reconnect: { initialDelayMs: o.reconnectDelayMs ?? 5, maxDelayMs: (o.reconnectDelayMs ?? 5) * 4 },
        ...(o.device ? { device: o.device } : {}),
      });
      clients.push(c);
      if (o.connect) await c.connect();
      return c;
    },
    render(client, hook) {
      const r = renderHook(hook, { wrapper: wrapper(client) });
      unmounts.push(r.unmount);
      return r;
    },
    wrapper,
    close() {
      for (const u of unmounts) u();
      for (const c of clients) c.close();
      server.close();
    },
  };
}

/** Minimal valid file contents for the server's type sniffing. */
export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
export const MP3_BYTES = new Uint8Array([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0]);
export const MP4_BYTES = new Uint8Array([0, 0, 0, 24, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d, 0, 0, 0, 0]);
export const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n%test\n');
