// Test support for UI component tests (jsdom): a real embedded server, real
// clients on its loopback transport, components rendered inside a
// ChatProvider, PNG bytes, and the two Blob methods jsdom lacks.
import { render, screen, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createChatClient } from '../../../src/client/chat-client';
import type { ChatClient } from '../../../src/client/chat-client-types';
import { setProfile } from '../../../src/client/people';
import { ChatProvider } from '../../../src/react';
import {
  createEmbeddedServer,
  type EmbeddedServer,
  type EmbeddedServerOptions,
} from '../../../src/server/embedded-server';
import { microtaskScheduler } from '../../../src/store/ingest-queue';
import { LocaleProvider, type Locale } from '../../../src/ui/i18n';

import { polyfillBlobReading } from '../../support/jsdom-polyfills';

export { polyfillBlobReading };

/**
 * Chat's message list is a chunk of its own: waits until it is drawn (generously, since the
 * first import of the chunk in a test run transforms it).
 */
export const messageLog = (): Promise<HTMLElement> => screen.findByRole('log', undefined, { timeout: 15_000 });

export interface UiHarness {
  server: EmbeddedServer;
  /** A connected client for `user` (a new device each call). */
  client(user: string, options?: { device?: string; clock?: { now(): number } }): Promise<ChatClient>;
  /** Renders `ui` inside a ChatProvider for `client` (events applied on the next microtask). */
  renderAs(client: ChatClient, ui: ReactNode, options?: { locale?: Locale }): RenderResult;
  close(): void;
}

export function createUiHarness(options: EmbeddedServerOptions = {}): UiHarness {
  polyfillBlobReading();
  const server = createEmbeddedServer(options);
  const clients: ChatClient[] = [];
  const wrap = (client: ChatClient, ui: ReactNode, locale?: Locale) => {
    const inner = (
      <ChatProvider client={client} schedule={microtaskScheduler}>
        {ui}
      </ChatProvider>
    );
    return locale ? <LocaleProvider locale={locale}>{inner}</LocaleProvider> : inner;
  };
  return {
    server,
    async client(user, o = {}) {
      const c = createChatClient({
        transport: server.connect(),
        user,
        reconnect: { initialDelayMs: 5, maxDelayMs: 20 },
        delivery: false,
        ...(o.device ? { device: o.device } : {}),
        ...(o.clock ? { clock: o.clock } : {}),
      });
      clients.push(c);
      await c.connect();
      return c;
    },
    renderAs(client, ui, o = {}) {
      const result = render(wrap(client, ui, o.locale));
      const rerender = result.rerender;
      result.rerender = (next: ReactNode) => rerender(wrap(client, next, o.locale));
      return result;
    },
    close() {
      for (const c of clients) c.close();
      server.close();
    },
  };
}

/** A PNG header of `width`×`height` (enough for the server's magic-byte check and size reading) plus `extra` bytes. */
/** Alice and Bob who share a conversation (Bob said hello), Bob with a profile name: 'Bob Builder'. */
export async function aliceAndNamedBob(h: UiHarness): Promise<{ alice: ChatClient; bob: ChatClient }> {
  const alice = await h.client('alice');
  const bob = await h.client('bob');
  await setProfile(bob, { name: 'Bob Builder' });
  await bob.sendText('single:alice', 'hello');
  return { alice, bob };
}

export function pngBytes(width: number, height: number, extra = 32): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(33 + extra);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(b.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  b.set([8, 6, 0, 0, 0], 24);
  return b;
}

export function pngFile(name: string, width = 4, height = 3, extra = 32): File {
  return new File([pngBytes(width, height, extra)], name, { type: 'image/png' });
}

/** What testing-library's fireEvent needs to carry files as a paste's clipboardData or a drop's dataTransfer. */
export function transferOf(files: File[]): { files: FileList; items: unknown[]; types: string[] } {
  const list = Object.assign([...files], { item: (i: number) => files[i] ?? null }) as unknown as FileList;
  return {
    files: list,
    items: files.map((f) => ({ kind: 'file', type: f.type, getAsFile: () => f })),
    types: ['Files'],
  };
}
