// Per-user thread unread through the drop-in Chat in Debian's Chromium, two
// users each in a browser of their own against a real natter server on
// 127.0.0.1: bob's reply in a thread shows on ann's reply-count chip as new,
// and stays so across a reload; opening the thread (with the keyboard) reads
// it, and that too survives a reload; bob's own chip never shows his replies as new.
// The count is kept in the offline cache: a reload with the server down shows it.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { conversationId } from '../../src/protocol/ids';
import { openFixture } from '../support/fixture-site';
import { rows, useOfflineSite } from './offline-site';

const { pageUrl, newContext, restartableServer, connectedClient } = useOfflineSite('natter-thread-unread-');

async function chatPage(url: string): Promise<Page> {
  const page = await (await newContext()).newPage();
  await openFixture(page, url);
  return page;
}

/** The thread unread counts kept in the page's offline cache, by root serverId. */
function cachedThreadUnread(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const out: Record<string, number> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name?.startsWith('natter:')) continue;
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => done(req.result);
        req.onerror = () => fail(new Error(String(req.error)));
      });
      const pages = await new Promise<Array<{ threadUnread?: Record<string, number> }>>((done, fail) => {
        const req = db.transaction('pages', 'readonly').objectStore('pages').getAll();
        req.onsuccess = () => done(req.result as Array<{ threadUnread?: Record<string, number> }>);
        req.onerror = () => fail(new Error(String(req.error)));
      });
      db.close();
      for (const p of pages) Object.assign(out, p.threadUnread);
    }
    return out;
  });
}

/** The reply-count chip under the row showing `text`. */
const chip = (page: Page, text: string) => rows(page, text).getByRole('button', { name: /^\d+ repl/ });

// Two pages, reloads and a real server: far longer than the default 20 s on a loaded machine.
describe('thread unread in Chromium', { timeout: 120_000 }, () => {
  it('a reply shows as new for the other user, opening the thread reads it, and both survive a reload', async () => {
    const server = await restartableServer();
    const annNode = await connectedClient(server.url, 'ann');
    await annNode.sendText(conversationId('single', 'bob'), 'plan for friday');
    const annUrl = pageUrl(server.url, 'ann', { open: conversationId('single', 'bob') });
    const ann = await chatPage(annUrl);
    const bob = await chatPage(pageUrl(server.url, 'bob', { open: conversationId('single', 'ann') }));

    // Bob replies in the thread with the mouse.
    const root = rows(bob, 'plan for friday');
    await root.hover();
    await root.getByRole('button', { name: 'Message actions' }).click();
    await bob.getByRole('menuitem', { name: 'Reply in thread' }).click();
    const bobPanel = bob.getByRole('complementary', { name: 'Thread' });
    const reply = bobPanel.getByRole('textbox', { name: 'Reply in thread' });
    await reply.fill('I can do friday');
    await reply.press('Enter');
    await bobPanel.getByText('I can do friday').waitFor();

    // Ann, who wrote the root, sees it as new on the chip; bob's own reply is not new for him.
    await expect.poll(() => chip(ann, 'plan for friday').textContent(), { timeout: 30_000 }).toBe('1 reply · 1 new');
    await expect.poll(() => chip(bob, 'plan for friday').textContent(), { timeout: 30_000 }).toBe('1 reply');

    // Loading the page again (a new client, a new connection) keeps the count.
    await openFixture(ann, annUrl);
    await expect.poll(() => chip(ann, 'plan for friday').textContent(), { timeout: 30_000 }).toBe('1 reply · 1 new');

    // Ann opens the thread with the keyboard: the count goes, in the panel and on the chip.
    await chip(ann, 'plan for friday').focus();
    await ann.keyboard.press('Enter');
    const annPanel = ann.getByRole('complementary', { name: 'Thread' });
    await annPanel.getByText('I can do friday').waitFor();
    await expect.poll(() => chip(ann, 'plan for friday').textContent(), { timeout: 30_000 }).toBe('1 reply');
    await expect.poll(() => annPanel.getByText('1 new').count()).toBe(0);
    await ann.keyboard.press('Escape');
    await annPanel.waitFor({ state: 'detached' });

    await openFixture(ann, annUrl);
    await rows(ann, 'plan for friday').waitFor();
    await expect.poll(() => chip(ann, 'plan for friday').textContent(), { timeout: 30_000 }).toBe('1 reply');
    // The server agrees: ann's count is read from it, not from the page.
    const page = await annNode.history(conversationId('single', 'bob'));
    expect(Object.values(page.threadUnread ?? {})).toEqual([0]);
  });

  it('a reload while the server is down shows the cached thread badge with its new replies', async () => {
    const server = await restartableServer();
    const annNode = await connectedClient(server.url, 'ann');
    const bobNode = await connectedClient(server.url, 'bob');
    const root = await annNode.sendText(conversationId('single', 'bob'), 'who brings the cake');
    await bobNode.sendText(conversationId('single', 'ann'), 'I will', { threadOf: root.serverId });
    await bobNode.sendText(conversationId('single', 'ann'), 'chocolate', { threadOf: root.serverId });
    const annUrl = pageUrl(server.url, 'ann', { open: conversationId('single', 'bob') });
    const ann = await chatPage(annUrl);
    await expect
      .poll(() => chip(ann, 'who brings the cake').textContent(), { timeout: 30_000 })
      .toBe('2 replies · 2 new');
    await expect.poll(() => cachedThreadUnread(ann), { timeout: 30_000 }).toEqual({ [root.serverId]: 2 });

    await server.stop();
    await openFixture(ann, annUrl);
    await expect
      .poll(() => chip(ann, 'who brings the cake').textContent(), { timeout: 30_000 })
      .toBe('2 replies · 2 new');
    expect(
      await ann.evaluate(
        () => (window as unknown as { __natter: { client: { state: string } } }).__natter.client.state,
      ),
    ).not.toBe('open');
  });
});
