// Test support for MessageList tests (jsdom): a real embedded server, real
// clients on its loopback transport, the list rendered inside a ChatProvider
// with a mock layout (jsdom has none: the list's scroller gets a viewport
// height and each virtualized item a row height, so the virtualizer renders
// the rows a browser would), and a bounded wait.
import { polyfillBlobReading, polyfillElementScrolling } from '../../support/jsdom-polyfills';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createChatClient } from '../../../src/client/chat-client';
import type { ChatClient } from '../../../src/client/chat-client-types';
import { ChatProvider } from '../../../src/react/index';
import {
  createEmbeddedServer,
  type EmbeddedServer,
  type EmbeddedServerOptions,
} from '../../../src/server/embedded-server';
import { microtaskScheduler } from '../../../src/store/ingest-queue';

export interface ListHarness {
  server: EmbeddedServer;
  client(user: string, options?: { device?: string; reconnect?: false }): Promise<ChatClient>;
  /** Renders `ui` for `client`; the list sees a viewport of `viewport` px with rows of `rowHeight` px. */
  renderAs(client: ChatClient, ui: ReactNode, options?: { viewport?: number; rowHeight?: number }): RenderResult;
  close(): void;
}

/** The layout the mock reports (the latest renderAs call's). */
const layout = { viewport: 3000, rowHeight: 30 };

/** jsdom reports 0 for every size; the virtualizer reads the scroller's clientHeight and each item's offsetHeight. */
function mockListLayout(): void {
  const define = (name: 'clientHeight' | 'offsetHeight' | 'scrollHeight', size: (el: HTMLElement) => number | null) => {
    const original =
      Object.getOwnPropertyDescriptor(HTMLElement.prototype, name) ??
      Object.getOwnPropertyDescriptor(Element.prototype, name);
    Object.defineProperty(HTMLElement.prototype, name, {
      configurable: true,
      get(this: HTMLElement) {
        return size(this) ?? (original?.get?.call(this) as number | undefined) ?? 0;
      },
    });
  };
  define('clientHeight', (el) => (el.classList.contains('natter-message-list-scroller') ? layout.viewport : null));
  // The scroller's content is its items box, which the list sizes to the virtualizer's total.
  define('scrollHeight', (el) =>
    el.classList.contains('natter-message-list-scroller')
      ? Math.max(layout.viewport, parseFloat((el.firstElementChild as HTMLElement | null)?.style.height ?? '') || 0)
      : null,
  );
  define('offsetHeight', (el) => (el.classList.contains('natter-list-item') ? layout.rowHeight : null));
}

export function createListHarness(options: EmbeddedServerOptions = {}): ListHarness {
  polyfillElementScrolling();
  mockListLayout();
  polyfillBlobReading();
  const server = createEmbeddedServer(options);
  const clients: ChatClient[] = [];
  return {
    server,
    async client(user, o = {}) {
      const c = createChatClient({
        transport: server.connect(),
        user,
        reconnect: o.reconnect ?? { initialDelayMs: 5, maxDelayMs: 20 },
        delivery: false,
        ...(o.device ? { device: o.device } : {}),
      });
      clients.push(c);
      await c.connect();
      return c;
    },
    renderAs(client, ui, o = {}) {
      layout.viewport = o.viewport ?? 3000;
      layout.rowHeight = o.rowHeight ?? 30;
      const wrap = (node: ReactNode) => (
        <ChatProvider client={client} schedule={microtaskScheduler}>
          {node}
        </ChatProvider>
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

/** Waits until `read()` returns (or resolves to) something truthy (polling, at most `maxMs`), and returns it. */
export async function until<T>(
  read: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  maxMs = 5000,
): Promise<T> {
  for (let waited = 0; waited <= maxMs; waited += 10) {
    let v: T | undefined | null | false;
    try {
      // Awaited: a Promise is always truthy, so an async read must be settled before it is judged.
      v = await read();
    } catch {
      v = undefined;
    }
    if (v) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Waits until the list shows message rows. */
export async function revealList(container: HTMLElement): Promise<void> {
  await until(() => container.querySelector('[data-natter-message]'), 'the list to be shown');
}
