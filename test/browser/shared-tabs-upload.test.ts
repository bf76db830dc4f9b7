// Two tabs of one user and a file queued offline, in Debian's Chromium against
// a real natter server on 127.0.0.1: the server is stopped, one tab attaches a
// file (kept with its bytes in the shared offline database), the other tab is
// reloaded and so reads that database again, the server comes back: the bytes
// are uploaded once (files counted on the server's disk) and the message is
// stored once. Only the tab holding the entry replays it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ChatClient } from '../../src/client/chat-client-types';
import { conversationId } from '../../src/protocol/ids';
import { openFixture } from '../support/fixture-site';
import { rows, useOfflineSite } from './offline-site';

const { pageUrl, newContext, restartableServer, connectedClient } = useOfflineSite('natter-tabs-upload-');

type Handle = { __natter: { client: ChatClient } };
const state = (page: Page) => page.evaluate(() => (window as unknown as Handle).__natter.client.state);
const settled = (page: Page) => page.evaluate(() => (window as unknown as Handle).__natter.client.offline?.settled());

/** Files the server has stored (its disk store keeps each in a folder named after its id's first two characters). */
function storedFiles(dir: string): number {
  let n = 0;
  for (const sub of readdirSync(dir, { withFileTypes: true })) {
    if (sub.isDirectory() && sub.name !== 'tmp') n += readdirSync(join(dir, sub.name)).length;
  }
  return n;
}

describe('a file queued offline with two tabs open', { timeout: 120_000 }, () => {
  it('is uploaded once and its message stored once when the server is back, after the other tab reloads', async () => {
    const server = await restartableServer();
    const bob = await connectedClient(server.url, 'bob');
    await bob.sendText(conversationId('single', 'ann'), 'send me the list');
    const context = await newContext();
    const url = pageUrl(server.url, 'ann', { open: conversationId('single', 'bob') });
    const first = await context.newPage();
    await openFixture(first, url);
    await expect.poll(() => state(first), { timeout: 20_000 }).toBe('open');
    const second = await context.newPage();
    await openFixture(second, url);
    await expect.poll(() => state(second), { timeout: 20_000 }).toBe('open');
    const before = storedFiles(server.filesDir);

    await server.stop();
    await expect.poll(() => state(second), { timeout: 20_000 }).not.toBe('open');
    const chooser = second.waitForEvent('filechooser');
    await second.getByRole('button', { name: 'Attach a file' }).click();
    await (await chooser).setFiles({ name: 'list.txt', mimeType: 'text/plain', buffer: Buffer.from('milk, eggs') });
    await second.getByRole('list', { name: 'Attachments' }).getByText('list.txt').waitFor();
    await second.getByRole('textbox', { name: 'Message' }).press('Enter');
    await rows(second, 'list.txt').waitFor();
    await settled(second);

    // The first tab starts again and reads the database the second tab wrote the file to.
    await first.reload();
    await openFixture(first, url);
    await server.start();

    const files = async () =>
      (await bob.history(conversationId('single', 'ann'), { limit: 100 })).messages.filter(
        (m) => m.body.type === 'file' && m.body.name === 'list.txt',
      ).length;
    await expect.poll(files, { timeout: 30_000 }).toBe(1);
    await expect
      .poll(() => rows(second, 'list.txt').getAttribute('data-status'), { timeout: 30_000 })
      .not.toBe('pending');
    await expect.poll(() => rows(first, 'list.txt').count(), { timeout: 30_000 }).toBe(1);
    for (const page of [first, second]) await settled(page);
    expect(storedFiles(server.filesDir) - before).toBe(1);
    expect(await files()).toBe(1);
  });
});
