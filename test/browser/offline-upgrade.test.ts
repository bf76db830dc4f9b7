// A database of the previous offline schema (version 2: each conversation's
// page a bare array of messages, no head of the list kept apart) is upgraded
// in place by the drop-in Chat in Debian's Chromium: a reload with the server
// down still draws the cached list and the open conversation from it, and its
// pages become records of the current version. The upgrade's code is fetched
// by that start only, not by the next.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { offlineDbName } from '../../src/client/offline/offline-name';
import { conversationId } from '../../src/protocol/ids';
import { openFixture } from '../support/fixture-site';
import { cachedOnPage, rows, useOfflineSite } from './offline-site';

const { pageUrl, newContext, restartableServer, connectedClient } = useOfflineSite('natter-offline-upgrade-');

/** Writes a version 2 database as that release wrote it: stores, the list, the position and array pages. */
function writeVersion2(page: Page, name: string, meta: Record<string, unknown>, pages: Record<string, unknown[]>) {
  return page.evaluate(
    ([dbName, m, p]) =>
      new Promise<void>((done, fail) => {
        const req = indexedDB.open(dbName, 2);
        req.onupgradeneeded = () => {
          for (const store of ['outbox', 'pages', 'meta', 'changes', 'files']) req.result.createObjectStore(store);
        };
        req.onsuccess = () => {
          const tx = req.result.transaction(['meta', 'pages'], 'readwrite');
          for (const [k, v] of Object.entries(m)) tx.objectStore('meta').put(v, k);
          for (const [k, v] of Object.entries(p)) tx.objectStore('pages').put(v, k);
          tx.oncomplete = () => {
            req.result.close();
            done();
          };
          tx.onerror = () => fail(new Error(String(tx.error)));
        };
        req.onerror = () => fail(new Error(String(req.error)));
      }),
    [name, meta, pages] as const,
  );
}

describe('offline database upgrade in Chromium', { timeout: 90_000 }, () => {
  it('a version 2 cache is upgraded in place and a reload with the server down draws its list and messages', async () => {
    const server = await restartableServer();
    const bob = await connectedClient(server.url, 'bob');
    const withBob = conversationId('single', 'bob');
    await bob.sendText(conversationId('single', 'eve'), 'cached by version 2');
    // What eve's version 2 page had saved: her conversation list and the page, oldest first.
    const eve = await connectedClient(server.url, 'eve');
    const list = (await eve.conversationPage()).conversations;
    const messages = (await eve.history(withBob, { limit: 50 })).messages.slice().reverse();
    eve.close();
    await server.stop();

    const page = await (await newContext()).newPage();
    // The upgrade's code is a chunk of its own, fetched only by a start that needs it (routing also
    // turns off the HTTP cache, so every fetch is seen).
    const upgradeFetches: string[] = [];
    await page.route(/offline-upgrade[^/]*\.js$/, (route) => {
      upgradeFetches.push(route.request().url());
      return route.continue();
    });
    await openFixture(page, pageUrl(server.url, 'eve', { offline: '0' }));
    await writeVersion2(
      page,
      offlineDbName(server.url, 'eve'),
      { conversations: list, pos: null },
      { [withBob]: messages },
    );

    await page.goto(pageUrl(server.url, 'eve', { open: withBob }));
    await rows(page, 'cached by version 2').waitFor();
    await page.getByRole('button', { name: /^bob/ }).waitFor();
    expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.version))).toEqual([3]);
    expect((await cachedOnPage(page)).texts).toEqual(['cached by version 2']);
    expect(upgradeFetches).toHaveLength(1);
    // The upgrade kept the list's head apart, as a start reads it.
    const head = await page.evaluate(
      (dbName) =>
        new Promise<unknown>((done, fail) => {
          const req = indexedDB.open(dbName);
          req.onsuccess = () => {
            const get = req.result.transaction('meta', 'readonly').objectStore('meta').get('head');
            get.onsuccess = () => {
              req.result.close();
              done(get.result);
            };
            get.onerror = () => fail(new Error(String(get.error)));
          };
          req.onerror = () => fail(new Error(String(req.error)));
        }),
      offlineDbName(server.url, 'eve'),
    );
    expect((head as Array<{ id: string }>).map((c) => c.id)).toEqual(list.map((c) => c.id));

    // At version 3 now: the next start opens it without the upgrade's chunk.
    await page.reload();
    await rows(page, 'cached by version 2').waitFor();
    expect(upgradeFetches).toHaveLength(1);
  });
});
