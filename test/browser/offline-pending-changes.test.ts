// What a user does while the server is unreachable survives a reload, in
// Debian's Chromium through the drop-in Chat: an edit, a reaction and an
// attached file made offline are kept in IndexedDB (the changes and the file's
// bytes) and shown at once, marked as not sent yet — before and after the page
// is reloaded — then the server comes back, the marks go, and the other user
// sees all of it, each exactly once; a file over the cache's size limit is restored
// as failed with code 4153 instead of vanishing; a database of the previous
// schema version is upgraded with its outbox kept.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ChatClient } from '../../src/client/chat-client-types';
import { offlineDbName } from '../../src/client/offline/offline-name';
import { conversationId } from '../../src/protocol/ids';
import type { Message } from '../../src/protocol/message';
import { openFixture } from '../support/fixture-site';
import { connection, rows, settled, useOfflineSite } from './offline-site';

const { pageUrl, newContext, restartableServer, connectedClient } = useOfflineSite('natter-offline-changes-');

type Natter = { __natter: { client: ChatClient } };

/** How many entries the page's offline database holds in each store of queued work. */
function queuedOnPage(page: Page): Promise<{ changes: number; files: number }> {
  return page.evaluate(async () => {
    const out = { changes: 0, files: 0 };
    for (const info of await indexedDB.databases()) {
      if (!info.name?.startsWith('natter:')) continue;
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => done(req.result);
        req.onerror = () => fail(new Error(String(req.error)));
      });
      for (const store of ['changes', 'files'] as const) {
        if (!db.objectStoreNames.contains(store)) continue;
        out[store] += await new Promise<number>((done, fail) => {
          const req = db.transaction(store, 'readonly').objectStore(store).count();
          req.onsuccess = () => done(req.result);
          req.onerror = () => fail(new Error(String(req.error)));
        });
      }
      db.close();
    }
    return out;
  });
}

async function attach(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Attach a file' }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.getByRole('list', { name: 'Attachments' }).getByText(name).waitFor();
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  await rows(page, name).waitFor();
}

/** bob's message as ann sees it: her reaction's button on it. */
const reactionButton = (page: Page) =>
  rows(page, 'react to this').getByRole('button', { name: '🙏 1 reaction, including yours' });

/** ann's edit and reaction are shown, each marked as not sent yet, and her first draft is gone. */
async function expectPending(page: Page): Promise<void> {
  await rows(page, 'final text').getByText('not sent yet').waitFor({ timeout: 30_000 });
  await reactionButton(page).waitFor({ timeout: 30_000 });
  await rows(page, 'react to this').getByText('not sent yet').waitFor();
  expect(await rows(page, 'first draft').count()).toBe(0);
}

async function history(reader: ChatClient, withUser: string): Promise<Message[]> {
  return (await reader.history(conversationId('single', withUser), { limit: 100 })).messages;
}

const texts = (list: Message[], text: string) =>
  list.filter((m) => m.body.type === 'txt' && m.body.msg === text).length;
const files = (list: Message[], name: string) => list.filter((m) => m.body.type === 'file' && m.body.name === name);

describe('offline changes and attachments in Chromium', { timeout: 120_000 }, () => {
  it('an edit, a reaction and a file made offline survive a reload and reach the other user once the server is back', async () => {
    const server = await restartableServer();
    const bob = await connectedClient(server.url, 'bob');
    await bob.sendText(conversationId('single', 'ann'), 'react to this');
    const context: BrowserContext = await newContext();
    const page = await context.newPage();
    const url = pageUrl(server.url, 'ann', { open: conversationId('single', 'bob') });
    await openFixture(page, url);
    await rows(page, 'react to this').waitFor();
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.fill('first draft');
    await box.press('Enter');
    await expect.poll(async () => texts(await history(bob, 'ann'), 'first draft'), { timeout: 20_000 }).toBe(1);

    await server.stop();
    await expect.poll(() => connection(page)).not.toBe('open');
    // The edit, with the mouse.
    const mine = rows(page, 'first draft');
    await mine.hover();
    await mine.getByRole('button', { name: 'Message actions' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    await page.getByText('Editing message').waitFor();
    await box.fill('final text');
    await box.press('Enter');
    // The reaction, with the mouse.
    const theirs = rows(page, 'react to this');
    await theirs.hover();
    await theirs.getByRole('button', { name: 'Message actions' }).click();
    await page.getByRole('menuitem', { name: 'Add reaction' }).click();
    await page.getByRole('toolbar', { name: 'Add reaction' }).getByRole('button', { name: '🙏' }).click();
    // The file, through the paperclip's file dialog.
    await attach(page, 'notes.txt', 'written on a train');
    await settled(page);
    expect(await queuedOnPage(page)).toEqual({ changes: 2, files: 1 });
    await expectPending(page);

    await page.reload();
    await openFixture(page, url);
    await rows(page, 'notes.txt').waitFor();
    // Restored from the offline cache and shown before anything is sent.
    await expectPending(page);
    expect(await connection(page)).not.toBe('open');

    await server.start();
    // Settled: the marks go, the edit and the one reaction stay.
    await expect.poll(() => page.getByText('not sent yet').count(), { timeout: 30_000 }).toBe(0);
    await rows(page, 'final text').getByText('edited').waitFor();
    await expect(reactionButton(page).count()).resolves.toBe(1);
    await expect.poll(async () => files(await history(bob, 'ann'), 'notes.txt').length, { timeout: 30_000 }).toBe(1);
    await expect.poll(async () => texts(await history(bob, 'ann'), 'final text'), { timeout: 30_000 }).toBe(1);
    await expect
      .poll(
        async () =>
          (await history(bob, 'ann')).find((m) => m.from === 'bob')?.reactions?.map((r) => [r.emoji, r.users]),
        { timeout: 30_000 },
      )
      .toEqual([['🙏', ['ann']]]);
    const list = await history(bob, 'ann');
    expect(texts(list, 'first draft')).toBe(0);
    // The bytes bob downloads are the ones picked before the reload.
    const [file] = files(list, 'notes.txt');
    const body = file!.body as { url: string; size: number };
    expect(body.size).toBe('written on a train'.length);
    expect(await (await fetch(new URL(body.url, server.url.replace(/^ws/, 'http')))).text()).toBe('written on a train');
    await expect.poll(() => queuedOnPage(page), { timeout: 20_000 }).toEqual({ changes: 0, files: 0 });

    // Another reload with the server up sends nothing again.
    await page.reload();
    await openFixture(page, url);
    await expect.poll(() => connection(page), { timeout: 20_000 }).toBe('open');
    await rows(page, 'final text').waitFor();
    const after = await history(bob, 'ann');
    expect(files(after, 'notes.txt')).toHaveLength(1);
    expect(after.filter((m) => m.from === 'ann' && m.body.type !== 'cmd').map((m) => m.body.type)).toEqual([
      'file',
      'txt',
    ]);
  });

  it('a file over the size limit does not survive a reload: its message is failed with code 4153', async () => {
    const server = await restartableServer();
    const bob = await connectedClient(server.url, 'bob');
    await bob.sendText(conversationId('single', 'cy'), 'hi cy');
    const context = await newContext();
    const page = await context.newPage();
    const url = pageUrl(server.url, 'cy', { open: conversationId('single', 'bob'), maxFileBytes: '8' });
    await openFixture(page, url);
    await rows(page, 'hi cy').waitFor();
    await server.stop();
    await expect.poll(() => connection(page)).not.toBe('open');
    await attach(page, 'big.txt', 'more than eight bytes');
    await settled(page);

    await page.reload();
    await openFixture(page, url);
    await expect.poll(() => rows(page, 'big.txt').getAttribute('data-status'), { timeout: 20_000 }).toBe('failed');
    expect(
      await page.evaluate(() => (window as unknown as Natter).__natter.client.pending().map((p) => p.error?.code)),
    ).toEqual([4153]);
    await server.start();
    await expect.poll(() => connection(page), { timeout: 20_000 }).toBe('open');
    expect(files(await history(bob, 'cy'), 'big.txt')).toHaveLength(0);
  });

  it('a version 1 database (before changes and files were kept) is upgraded in place: its outbox is sent once', async () => {
    const server = await restartableServer();
    const bob = await connectedClient(server.url, 'bob');
    const context = await newContext();
    const page = await context.newPage();
    await openFixture(page, pageUrl(server.url, 'dot', { offline: '0' }));
    const entry = {
      localId: '01JVERSIONONE0000000000000',
      to: 'bob',
      chatType: 'single',
      body: { type: 'txt', msg: 'kept by version 1' },
      from: 'dot',
      conversation: conversationId('single', 'bob'),
      createdAt: Date.now(),
      status: 'pending',
    };
    // The schema of version 1, written as that release wrote it.
    await page.evaluate(
      ([name, e]) =>
        new Promise<void>((done, fail) => {
          const req = indexedDB.open(name, 1);
          req.onupgradeneeded = () => {
            for (const store of ['outbox', 'pages', 'meta']) req.result.createObjectStore(store);
          };
          req.onsuccess = () => {
            const tx = req.result.transaction('outbox', 'readwrite');
            tx.objectStore('outbox').put(e, e.localId);
            tx.oncomplete = () => {
              req.result.close();
              done();
            };
            tx.onerror = () => fail(new Error(String(tx.error)));
          };
          req.onerror = () => fail(new Error(String(req.error)));
        }),
      [offlineDbName(server.url, 'dot'), entry] as const,
    );

    await page.goto(pageUrl(server.url, 'dot', { open: conversationId('single', 'bob') }));
    await expect.poll(async () => texts(await history(bob, 'dot'), 'kept by version 1'), { timeout: 20_000 }).toBe(1);
    await rows(page, 'kept by version 1').waitFor();
    await settled(page);
    expect(await queuedOnPage(page)).toEqual({ changes: 0, files: 0 });
    const version = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.version));
    expect(version).toEqual([3]);
  });
});
