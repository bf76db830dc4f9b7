// The order of the offline cache's writes in Debian's Chromium, against a real
// natter server on 127.0.0.1: a page write (the cached list and messages)
// never makes its transaction while the outbox still holds back the removal of
// a send the server has answered. At unload Chromium drops a transaction that
// is still behind an unfinished one, even a committed one: the sent message
// then stayed in the saved outbox, and a reload sent it again.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ChatClient } from '../../src/client/chat-client-types';
import { conversationId } from '../../src/protocol/ids';
import { openFixture } from '../support/fixture-site';
import { cachedOnPage, connection, settled, useOfflineSite } from './offline-site';

const { pageUrl, newContext, restartableServer } = useOfflineSite('natter-write-order-');

type Logged = Window & { __natter: { client: ChatClient }; __writes: string[] };

/** Names each read-write transaction the page makes, in order ('outbox', 'meta+pages'…), and the outbox's answers. */
async function logWrites(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Logged;
    w.__writes = [];
    const make = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof make>) {
      const tx = make.apply(this, args);
      if (tx.mode === 'readwrite') w.__writes.push([...tx.objectStoreNames].join('+'));
      return tx;
    } as typeof make;
  });
}

describe('offline cache write order in Chromium', { timeout: 90_000 }, () => {
  it('a page hidden right after a send is answered writes the send out of the saved outbox before its page write', async () => {
    const server = await restartableServer();
    const page = await (await newContext()).newPage();
    await logWrites(page);
    await openFixture(page, pageUrl(server.url, 'lee', { open: conversationId('single', 'bob') }));
    await expect.poll(() => connection(page)).toBe('open');
    await settled(page);
    const answered = page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const w = window as unknown as Logged;
          const off = w.__natter.client.on('outbox', (p) => {
            if (p.status !== 'sent') return;
            off();
            w.__writes.push('answered');
            // Hidden in the frame the store takes the answer in (its queue is applied in an earlier
            // callback of the same frame), so a page write is due, as when the user switches apps then.
            // Told only where the page write listens: a real event reaches the outbox's listener on
            // window too, but after the page write's turn.
            requestAnimationFrame(() => {
              Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
              document.dispatchEvent(new Event('visibilitychange'));
              resolve();
            });
          });
        }),
    );
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.fill('answered, then hidden');
    await box.press('Enter');
    await answered;
    const after = async () => {
      const writes = await page.evaluate(() => (window as unknown as Logged).__writes);
      return writes.slice(writes.indexOf('answered') + 1);
    };
    // The page write for the answered send comes (on hiding, or on its timer when more inputs were
    // queued then; a loaded machine draws late)...
    await expect.poll(after, { timeout: 15_000 }).toContain('meta+pages');
    // ...after the outbox's write, the first one made once the answer came.
    expect((await after())[0]).toBe('outbox');
    expect((await cachedOnPage(page)).outbox).toEqual([]);
  });
});
