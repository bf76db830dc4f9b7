// The browser's offline cache through the drop-in Chat in Debian's Chromium,
// against a real natter server on 127.0.0.1 that the tests stop and start
// again on the same port and SQLite file: a message sent while the server is
// down survives a reload and is stored once; a reload with the server down
// draws the cached list and messages; a full disk leaves the chat working in
// memory; logout wipes the cache; an old localStorage outbox moves in; a
// client closed while its connect waits for the offline start stays closed;
// an outbox entry is written again only when it changed; a page left right
// after a send's answer has already written it out of the saved outbox.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ChatClient } from '../../src/client/chat-client-types';
import { ErrorCode } from '../../src/protocol/errors';
import { conversationId } from '../../src/protocol/ids';
import { openFixture } from '../support/fixture-site';
import { cachedOnPage, connection, rows, settled, storedWith, useOfflineSite } from './offline-site';

const { pageUrl, newContext, restartableServer, connectedClient } = useOfflineSite('natter-offline-');

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext();
  return { context, page: await context.newPage() };
}

// Each test reloads pages and restarts a server: on a loaded machine that takes far longer than the default 20 s.
describe('offline cache in Chromium', { timeout: 90_000 }, () => {
  it('a message sent while the server is stopped survives a reload and is stored exactly once when the server is back', async () => {
    const server = await restartableServer();
    const bob = await connectedClient(server.url, 'bob');
    await bob.sendText(conversationId('single', 'ann'), 'hello from bob');
    const { page } = await newPage();
    await openFixture(page, pageUrl(server.url, 'ann', { open: conversationId('single', 'bob') }));
    await rows(page, 'hello from bob').waitFor();
    await expect.poll(async () => (await cachedOnPage(page)).texts).toContain('hello from bob');

    await server.stop();
    await expect.poll(() => connection(page)).not.toBe('open');
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.fill('written offline');
    await box.press('Enter');
    await rows(page, 'written offline').waitFor();
    await settled(page);

    await page.reload();
    await openFixture(page, pageUrl(server.url, 'ann', { open: conversationId('single', 'bob') }));
    // Still offline: the unsent message and the cached one are both drawn.
    await rows(page, 'written offline').waitFor();
    await rows(page, 'hello from bob').waitFor();
    expect(await connection(page)).not.toBe('open');

    await server.start();
    const annWithBob = conversationId('single', 'ann');
    await expect.poll(() => storedWith(bob, annWithBob, 'written offline'), { timeout: 20_000 }).toBe(1);
    await expect
      .poll(() => rows(page, 'written offline').getAttribute('data-status'), { timeout: 20_000 })
      .not.toBe('pending');
    // Messages the server has stored leave the saved outbox within 250 ms; settled() writes that now.
    await settled(page);

    // A reload with the server up sends nothing again: the stored outbox is empty.
    await page.reload();
    await openFixture(page, pageUrl(server.url, 'ann', { open: conversationId('single', 'bob') }));
    await expect.poll(() => connection(page), { timeout: 20_000 }).toBe('open');
    await rows(page, 'written offline').waitFor();
    expect(
      await page.evaluate(
        () => (window as unknown as { __natter: { client: ChatClient } }).__natter.client.pending().length,
      ),
    ).toBe(0);
    expect(await rows(page, 'written offline').count()).toBe(1);
    expect(await storedWith(bob, annWithBob, 'written offline')).toBe(1);
  });

  it('a reload with the server down draws the cached conversation list and the open conversation', async () => {
    const server = await restartableServer();
    const bob = await connectedClient(server.url, 'bob');
    const dan = await connectedClient(server.url, 'dan');
    await bob.sendText(conversationId('single', 'cleo'), 'bob says hi');
    await dan.sendText(conversationId('single', 'cleo'), 'dan says hi');
    const { page } = await newPage();
    await openFixture(page, pageUrl(server.url, 'cleo'));
    await page.getByRole('button', { name: /^bob/ }).click();
    await rows(page, 'bob says hi').waitFor();
    await page.getByRole('button', { name: /^dan/ }).waitFor();
    // The store writes a short while after its last change.
    await expect.poll(async () => (await cachedOnPage(page)).texts).toContain('bob says hi');
    await expect.poll(async () => (await cachedOnPage(page)).conversations).toContain(conversationId('single', 'dan'));

    await server.stop();
    await page.reload();
    await openFixture(page, pageUrl(server.url, 'cleo', { open: conversationId('single', 'bob') }));
    await page.getByRole('button', { name: /^dan/ }).waitFor();
    await rows(page, 'bob says hi').waitFor();
    expect(await connection(page)).not.toBe('open');
  });

  it("a reload reconciles with the server: what came while the page was closed shows once, and the unread count is the server's", async () => {
    const server = await restartableServer();
    const bob = await connectedClient(server.url, 'bob');
    await bob.sendText(conversationId('single', 'ida'), 'one');
    const { context, page } = await newPage();
    await openFixture(page, pageUrl(server.url, 'ida'));
    await page.getByRole('button', { name: /^bob.*1 unread/ }).waitFor();
    await expect.poll(async () => (await cachedOnPage(page)).conversations).toContain(conversationId('single', 'bob'));
    await page.close();

    await bob.sendText(conversationId('single', 'ida'), 'two');
    await bob.sendText(conversationId('single', 'ida'), 'three');
    const again = await context.newPage();
    await openFixture(again, pageUrl(server.url, 'ida'));
    // The cached list comes first; the welcome's full sync replaces its count with the server's.
    await again.getByRole('button', { name: /^bob.*3 unread/ }).waitFor({ timeout: 20_000 });
    await again.getByRole('button', { name: /^bob/ }).click();
    await rows(again, 'three').waitFor();
    await expect.poll(() => connection(again)).toBe('open');
    for (const text of ['one', 'two', 'three']) expect(await rows(again, text).count(), text).toBe(1);
  });

  it('with IndexedDB writes failing as on a full disk, the chat warns once and keeps working in memory', async () => {
    const server = await restartableServer();
    const bob = await connectedClient(server.url, 'bob');
    await bob.sendText(conversationId('single', 'eve'), 'hello eve');
    const { page } = await newPage();
    await openFixture(page, pageUrl(server.url, 'eve', { quota: '1', open: conversationId('single', 'bob') }));
    await rows(page, 'hello eve').waitFor();
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.fill('kept in memory');
    await box.press('Enter');
    await expect
      .poll(() => storedWith(bob, conversationId('single', 'eve'), 'kept in memory'), { timeout: 20_000 })
      .toBe(1);
    const warnings = await page.evaluate(
      () => (window as unknown as { __natter: { warnings: Array<{ reason: string }> } }).__natter.warnings,
    );
    expect(warnings.map((w) => w.reason)).toEqual(['quota']);
    expect(
      await page.evaluate(
        () => (window as unknown as { __natter: { client: ChatClient } }).__natter.client.offline?.mode,
      ),
    ).toBe('memory');
  });

  it('clearOfflineData deletes the database: a later reload with the server down has nothing cached', async () => {
    const server = await restartableServer();
    const bob = await connectedClient(server.url, 'bob');
    await bob.sendText(conversationId('single', 'fay'), 'hello fay');
    const { page } = await newPage();
    await openFixture(page, pageUrl(server.url, 'fay'));
    await page.getByRole('button', { name: /^bob/ }).waitFor();
    await expect.poll(async () => (await cachedOnPage(page)).conversations).toContain(conversationId('single', 'bob'));
    const names = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(await names()).toEqual([expect.stringContaining('|fay')]);

    await page.evaluate(() =>
      (window as unknown as { __natter: { client: ChatClient } }).__natter.client.clearOfflineData(),
    );
    expect(await names()).toEqual([]);
    await server.stop();
    await page.reload();
    await openFixture(page, pageUrl(server.url, 'fay'));
    const snapshot = await page.evaluate(async () => {
      const cache = (window as unknown as { __natter: { client: ChatClient } }).__natter.client.offline;
      return cache ? await cache.snapshot() : 'no cache';
    });
    expect(snapshot).toBeNull();
    await page.getByText('Loading conversations').waitFor();
    expect(await page.getByRole('button', { name: /^bob/ }).count()).toBe(0);
  });

  it('moves an outbox saved in localStorage by webStorageOutbox into IndexedDB and sends it once', async () => {
    const server = await restartableServer();
    const bob = await connectedClient(server.url, 'bob');
    const { page } = await newPage();
    // First load opted out (nothing cached), to put an old-style outbox in this origin's localStorage.
    await openFixture(page, pageUrl(server.url, 'gus', { offline: '0' }));
    const entry = {
      localId: '01JOLDOUTBOX0000000000000A',
      to: 'bob',
      chatType: 'single',
      body: { type: 'txt', msg: 'from the old outbox' },
      from: 'gus',
      conversation: conversationId('single', 'bob'),
      createdAt: Date.now(),
      status: 'pending',
    };
    await page.evaluate((e) => localStorage.setItem('natter:outbox:gus', JSON.stringify([e])), entry);

    await page.goto(pageUrl(server.url, 'gus', { open: conversationId('single', 'bob') }));
    await expect
      .poll(() => storedWith(bob, conversationId('single', 'gus'), 'from the old outbox'), { timeout: 20_000 })
      .toBe(1);
    await rows(page, 'from the old outbox').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('natter:outbox:gus'))).toBeNull();
    await settled(page);
    await page.reload();
    await expect.poll(() => connection(page), { timeout: 20_000 }).toBe('open');
    expect(await storedWith(bob, conversationId('single', 'gus'), 'from the old outbox')).toBe(1);
  });

  it('a client closed while its connect waits for the offline start stays closed', async () => {
    const server = await restartableServer();
    const { page } = await newPage();
    await openFixture(page, pageUrl(server.url, 'ivy'));
    await expect.poll(() => connection(page), { timeout: 20_000 }).toBe('open');
    const outcome = await page.evaluate(async () => {
      const natter = (
        window as unknown as {
          __natter: { server: string; createChatClient: (o: object) => ChatClient };
        }
      ).__natter;
      const client = natter.createChatClient({ url: natter.server, user: 'jay', delivery: false });
      const connecting = client.connect().then(
        () => 'connected',
        (e: unknown) => `rejected ${(e as { code?: number }).code}`,
      );
      client.close();
      // connect() goes on once the start snapshot is read and the offline runtime has loaded.
      await client.offline?.settled();
      return { connect: await connecting, state: client.state };
    });
    expect(outcome).toEqual({ connect: `rejected ${ErrorCode.DISCONNECTED}`, state: 'closed' });
  });

  it('writes a failed send to IndexedDB once while later sends come and go', async () => {
    const server = await restartableServer();
    const { context, page } = await newPage();
    // Every put into the outbox store, by key, from before the page's own scripts run.
    await context.addInitScript(() => {
      const puts: string[] = [];
      Object.assign(window, { __outboxPuts: puts });
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
        if (this.name === 'outbox') puts.push(String(key));
        return put.call(this, value, key);
      };
    });
    await openFixture(page, pageUrl(server.url, 'kim', { open: conversationId('single', 'bob') }));
    await expect.poll(() => connection(page)).toBe('open');
    await settled(page);
    const writes = await page.evaluate(async () => {
      const w = window as unknown as { __natter: { client: ChatClient }; __outboxPuts: string[] };
      const c = w.__natter.client;
      await c.sendText('group:nowhere', 'refused').catch(() => undefined);
      const failed = c.pending()[0]!.localId;
      for (let i = 0; i < 10; i++) await c.sendText('single:bob', `later ${i}`);
      await c.offline?.settled();
      const puts = w.__outboxPuts;
      return { failed: puts.filter((k) => k === failed).length, all: puts.length, left: c.pending().length };
    });
    // The failed send once pending and once failed; each later send once. Every save used to
    // write every entry again: the failed one after each of the 10 sends.
    expect(writes).toEqual({ failed: 2, all: 12, left: 1 });
  });

  it('a page left right after its send is answered has written the send out of the saved outbox', async () => {
    const server = await restartableServer();
    const { page } = await newPage();
    const url = pageUrl(server.url, 'lee', { open: conversationId('single', 'bob') });
    await openFixture(page, url);
    await expect.poll(() => connection(page)).toBe('open');
    await settled(page);
    await page.evaluate(() => {
      const w = window as unknown as { __natter: { client: ChatClient }; __answered: Promise<void> };
      w.__answered = new Promise((resolve) =>
        w.__natter.client.on('outbox', (p) => {
          if (p.status === 'sent') resolve();
        }),
      );
    });
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.fill('answered, then the page left');
    await box.press('Enter');
    await page.evaluate(() => (window as unknown as { __answered: Promise<void> }).__answered);
    // Left at once, well inside the 250 ms the removal is otherwise held back for.
    await page.route('**/left.html', (r) => r.fulfill({ contentType: 'text/html', body: '<title>left</title>' }));
    await page.goto(new URL('/left.html', url).href);
    // Read on a page of the site that runs no client.
    expect((await cachedOnPage(page)).outbox).toEqual([]);
    // What a reload would otherwise have sent again is stored once.
    const bob = await connectedClient(server.url, 'bob');
    expect(await storedWith(bob, conversationId('single', 'lee'), 'answered, then the page left')).toBe(1);
  });

  it('keeps nothing in IndexedDB when the app opts out (offline: false)', async () => {
    const server = await restartableServer();
    const bob = await connectedClient(server.url, 'bob');
    await bob.sendText(conversationId('single', 'hal'), 'hello hal');
    const { page } = await newPage();
    await openFixture(page, pageUrl(server.url, 'hal', { offline: '0' }));
    await page.getByRole('button', { name: /^bob/ }).waitFor();
    expect(
      await page.evaluate(() => (window as unknown as { __natter: { client: ChatClient } }).__natter.client.offline),
    ).toBeNull();
    expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
  });
});
