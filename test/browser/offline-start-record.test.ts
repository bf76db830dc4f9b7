// The offline cache's start record in Debian's Chromium, against a real natter
// server on 127.0.0.1: the head of the list and the open conversation's page
// are kept together in one record, and a reload with the server down reads
// its start snapshot in one trip to the database (the start record and the
// event position, asked together) and draws the cached list and messages.
import { describe, expect, it } from 'vitest';
import type { ChatClient } from '../../src/client/chat-client-types';
import { conversationId } from '../../src/protocol/ids';
import { openFixture } from '../support/fixture-site';
import { cachedOnPage, rows, useOfflineSite } from './offline-site';

const { pageUrl, newContext, restartableServer, connectedClient } = useOfflineSite('natter-offline-start-');

/** Records every IndexedDB read-only `get` of the `meta` store, by key, from the page's first script on (writes read too). */
const META_GETS = `(() => {
  const asked = (window.__metaGets = []);
  const get = IDBObjectStore.prototype.get;
  IDBObjectStore.prototype.get = function (key) {
    if (this.name === 'meta' && this.transaction.mode === 'readonly') asked.push(String(key));
    return get.call(this, key);
  };
})();`;

describe('offline start record in Chromium', { timeout: 90_000 }, () => {
  it('keeps the head and the open conversation in one record, and a reload reads its start from it in one trip', async () => {
    const server = await restartableServer();
    const bob = await connectedClient(server.url, 'bob');
    const dan = await connectedClient(server.url, 'dan');
    await dan.sendText(conversationId('single', 'eve'), 'dan says hi');
    await bob.sendText(conversationId('single', 'eve'), 'bob says hi');
    const context = await newContext();
    const page = await context.newPage();
    const bobChat = conversationId('single', 'bob');
    await openFixture(page, pageUrl(server.url, 'eve', { open: bobChat }));
    await rows(page, 'bob says hi').waitFor();
    await expect.poll(async () => (await cachedOnPage(page)).texts).toContain('bob says hi');
    await expect.poll(async () => (await cachedOnPage(page)).start?.pages[bobChat]).toEqual(['bob says hi']);
    expect((await cachedOnPage(page)).start?.head).toEqual([bobChat, conversationId('single', 'dan')]);
    await page.evaluate(() =>
      (window as unknown as { __natter: { client: ChatClient } }).__natter.client.offline?.settled(),
    );

    await server.stop();
    await context.addInitScript(META_GETS);
    await page.reload();
    await openFixture(page, pageUrl(server.url, 'eve', { open: bobChat }));
    await rows(page, 'bob says hi').waitFor();
    await page.getByRole('button', { name: /^dan/ }).waitFor();
    // The start asked for the start record and the position only: not the head, then the wanted list, then pages.
    const asked = await page.evaluate(async () => {
      const w = window as unknown as { __metaGets: string[]; __natter: { client: ChatClient } };
      await w.__natter.client.offline?.startSnapshot();
      return w.__metaGets.slice();
    });
    expect(asked.slice(0, 2).sort()).toEqual(['pos', 'start']);
    expect(asked).not.toContain('head');
    expect(asked).not.toContain('wanted');
  });
});
