// Test support for MessageList tests (jsdom): a real embedded server, real
// clients on its loopback transport, the list rendered inside a ChatProvider
// with react-virtuoso's mock sizes (jsdom has no layout, so Virtuoso would
// otherwise render no rows), and a bounded wait.
import { polyfillBlobReading, polyfillElementScrolling } from '../../support/jsdom-polyfills';
import { act, render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { VirtuosoMockContext } from 'react-virtuoso';
import { createChatClient } from '../../../src/client/chat-client';
import type { ChatClient } from '../../../src/client/chat-client-types';
import { ChatProvider } from '../../../src/react/index';
import { createEmbeddedServer, type EmbeddedServer, type EmbeddedServerOptions } from '../../../src/server/embedded-server';
import { microtaskScheduler } from '../../../src/store/ingest-queue';

export interface ListHarness {
  server: EmbeddedServer;
  client(user: string, options?: { device?: string; reconnect?: false }): Promise<ChatClient>;
  /** Renders `ui` for `client`; Virtuoso sees a viewport of `viewport` px with rows of `rowHeight` px. */
  renderAs(client: ChatClient, ui: ReactNode, options?: { viewport?: number; rowHeight?: number }): RenderResult;
  close(): void;
}

export function createListHarness(options: EmbeddedServerOptions = {}): ListHarness {
  polyfillElementScrolling();
  polyfillBlobReading();
  const server = createEmbeddedServer(options);
  const clients: ChatClient[] = [];
  return {
    server,
    async client(user, o = {}) {
      const c = createChatClient({
        transport: server.connect(), user, reconnect: o.reconnect ?? { initialDelayMs: 5, maxDelayMs: 20 }, delivery: false, ...(o.device ? { device: o.device } : {}),
      });
      clients.push(c);
      await c.connect();
      return c;
    },
    renderAs(client, ui, o = {}) {
      const wrap = (node: ReactNode) => (
        <VirtuosoMockContext.Provider value={{ viewportHeight: o.viewport ?? 3000, itemHeight: o.rowHeight ?? 30 }}>
          <ChatProvider client={client} schedule={microtaskScheduler}>
            {node}
          </ChatProvider>
        </VirtuosoMockContext.Provider>
      );
      const result = render(wrap(ui));
      const rerender = result.rerender;
      result.rerender = (next: ReactNode) => rerender(wrap(next));
      return result;
    },
    close() {
      for (const c of clients) c.close();
      server.close();
    },
  };
}

/** Waits until `read()` returns something truthy (polling, at most `maxMs`), and returns it. */
export async function until<T>(read: () => T | undefined | null | false, what: string, maxMs = 5000): Promise<T> {
  for (let waited = 0; waited <= maxMs; waited += 10) {
    let v: T | undefined | null | false;
    try {
      v = read();
    } catch {
      v = undefined;
    }
    if (v) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Virtuoso keeps its rows `visibility: hidden` until a scroll event confirms the initial scroll to
 * the newest message; jsdom fires none for programmatic scrolling, so tests send one.
 */
export async function revealList(container: HTMLElement): Promise<void> {
  await until(() => {
    const scroller = container.querySelector('[data-virtuoso-scroller]');
    const list = container.querySelector<HTMLElement>('[data-testid="virtuoso-item-list"]');
    if (!scroller || !list) return false;
    if (list.style.visibility !== 'hidden') return true;
    act(() => {
      scroller.dispatchEvent(new Event('scroll'));
    });
    return false;
  }, 'the list to be shown');
}
