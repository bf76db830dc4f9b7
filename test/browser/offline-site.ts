// Test support for the offline browser tests (offline cache, shared tabs): the
// fixture page in offline-page/ built once and opened in Debian's Chromium, real
// natter servers on 127.0.0.1 that can be stopped and started again on the same
// port and SQLite file, Node clients to read what the server stored, and
// everything a test opens closed after it.
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { WebSocket } from 'ws';
import { createChatClient } from '../../src/client/chat-client';
import type { ChatClient } from '../../src/client/chat-client-types';
import { silentLogger } from '../../src/node/logger';
import { startServer, type RunningServer } from '../../src/node/serve';
import type { conversationId } from '../../src/protocol/ids';
import { tempDir } from '../node/support/servers';
import { launchChromium } from '../support/chromium';
import { buildFixture } from '../support/fixture-site';

export interface RestartableServer {
  url: string;
  /** Where the server keeps uploaded files. */
  filesDir: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  current(): RunningServer;
}

export interface OfflineSite {
  /** The fixture page's URL for `user` on `server`, with more query parameters. */
  pageUrl(server: string, user: string, extra?: Record<string, string>): string;
  /** A browser context of its own (closed after the test). */
  newContext(): Promise<BrowserContext>;
  /** A server on a fixed SQLite file that can be stopped and started again on the same port. */
  restartableServer(): Promise<RestartableServer>;
  /** A connected Node client of `user` (closed after the test). */
  connectedClient(url: string, user: string): Promise<ChatClient>;
}

/** Registers the file's hooks: the fixture and Chromium for the file, cleanups after each test. */
export function useOfflineSite(tmpPrefix: string): OfflineSite {
  let browser: Browser;
  let site: { url: string; close(): Promise<void> };
  const cleanups: Array<() => Promise<void> | void> = [];

  beforeAll(async () => {
    site = await buildFixture(resolve(import.meta.dirname, 'offline-page'));
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });

  return {
    pageUrl: (server, user, extra = {}) => `${site.url}?${new URLSearchParams({ server, user, ...extra }).toString()}`,
    async newContext() {
      const context = await browser.newContext({ viewport: { width: 900, height: 600 } });
      cleanups.push(() => context.close());
      return context;
    },
    async restartableServer() {
      const tmp = tempDir(tmpPrefix);
      const options = {
        host: '127.0.0.1',
        db: join(tmp.dir, 'natter.sqlite'),
        files: join(tmp.dir, 'files'),
        logger: silentLogger,
        dev: true,
      };
      let srv: RunningServer | null = await startServer({ ...options, port: 0 });
      const { port, url } = srv;
      cleanups.push(async () => {
        await srv?.close();
        tmp.remove();
      });
      return {
        url,
        filesDir: options.files,
        async stop() {
          await srv?.close();
          srv = null;
        },
        async start() {
          srv = await startServer({ ...options, port });
        },
        current: () => {
          if (!srv) throw new Error('server stopped');
          return srv;
        },
      };
    },
    async connectedClient(url, user) {
      const c = createChatClient({
        url,
        user,
        WebSocket,
        delivery: false,
        reconnect: { initialDelayMs: 100, maxDelayMs: 500 },
      });
      cleanups.push(() => c.close());
      await c.connect();
      return c;
    },
  };
}

/** The message rows showing `text` on a page. */
export const rows = (page: Page, text: string) => page.locator('[data-natter-message]', { hasText: text });

/** Messages with `text` the server stored in a conversation, as `reader` sees them. */
export async function storedWith(
  reader: ChatClient,
  conversation: ReturnType<typeof conversationId>,
  text: string,
): Promise<number> {
  const page = await reader.history(conversation, { limit: 100 });
  return page.messages.filter((m) => m.body.type === 'txt' && m.body.msg === text).length;
}

/** What the page's start record holds: its head's ids and, per page it copies, the texts of its messages. */
interface StartRecordSeen {
  head: string[];
  pages: Record<string, string[]>;
}

/**
 * What the page's offline databases hold: message texts of the cached pages, cached conversation ids,
 * the start record (null when none is written) and the texts of the sends in the saved outbox.
 */
export function cachedOnPage(
  page: Page,
): Promise<{ texts: string[]; conversations: string[]; start: StartRecordSeen | null; outbox: string[] }> {
  return page.evaluate(async () => {
    const read = (db: IDBDatabase, store: string, key?: string) =>
      new Promise<unknown>((done, fail) => {
        const tx = db.transaction(store, 'readonly');
        const req = key === undefined ? tx.objectStore(store).getAll() : tx.objectStore(store).get(key);
        req.onsuccess = () => done(req.result);
        req.onerror = () => fail(req.error);
      });
    const texts: string[] = [];
    const conversations: string[] = [];
    let start: StartRecordSeen | null = null;
    const outbox: string[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name?.startsWith('natter:')) continue;
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => done(req.result);
        req.onerror = () => fail(req.error);
      });
      if (db.objectStoreNames.contains('pages')) {
        const pages = (await read(db, 'pages')) as Array<{ messages: Array<{ body: { type: string; msg?: string } }> }>;
        for (const p of pages)
          for (const m of p.messages) if (m.body.type === 'txt' && m.body.msg) texts.push(m.body.msg);
        const list = (await read(db, 'meta', 'conversations')) as Array<{ id: string }> | undefined;
        for (const c of list ?? []) conversations.push(c.id);
        const saved = (await read(db, 'meta', 'start')) as
          | {
              head: Array<{ id: string }>;
              pages: Array<{ conversation: string; messages: Array<{ body: { msg?: string } }> }>;
            }
          | undefined;
        if (saved)
          start = {
            head: saved.head.map((c) => c.id),
            pages: Object.fromEntries(
              saved.pages.map((p) => [p.conversation, p.messages.map((m) => m.body.msg ?? '')]),
            ),
          };
      }
      if (db.objectStoreNames.contains('outbox'))
        for (const p of (await read(db, 'outbox')) as Array<{ body: { msg?: string } }>) outbox.push(p.body.msg ?? '');
      db.close();
    }
    return { texts, conversations, start, outbox };
  });
}

type PageWithClient = { __natter: { client: ChatClient } };

/** The state of the page's client ('open' once connected). */
export const connection = (page: Page) =>
  page.evaluate(() => (window as unknown as PageWithClient).__natter.client.state);

/** Resolves once the page's offline cache has written what it holds back and queued. */
export const settled = (page: Page) =>
  page.evaluate(() => (window as unknown as PageWithClient).__natter.client.offline?.settled());
