// Pending changes in every tab of a user, through the drop-in Chat in Debian's
// Chromium: an edit, a reaction and a pin made offline in one tab show at once
// in the user's other tab and in a tab opened after them, each marked as not
// sent yet; when the tab that made them closes before the server is back, the
// others take them over between them — each change in exactly one tab's queue —
// and once the server is back every mark goes and bob sees each change once.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ChatClient } from '../../src/client/chat-client-types';
import { conversationId } from '../../src/protocol/ids';
import { openFixture } from '../support/fixture-site';
import { rows, useOfflineSite } from './offline-site';

const { pageUrl, newContext, restartableServer, connectedClient } = useOfflineSite('natter-tabs-changes-');

type Natter = { __natter: { client: ChatClient } };
const state = (page: Page) => page.evaluate(() => (window as unknown as Natter).__natter.client.state);
const queued = (page: Page) =>
  page.evaluate(() => (window as unknown as Natter).__natter.client.pendingChanges().map((c) => c.id));

async function act(page: Page, text: string, action: string): Promise<void> {
  const row = rows(page, text);
  await row.hover();
  await row.getByRole('button', { name: 'Message actions' }).click();
  await page.getByRole('menuitem', { name: action, exact: true }).click();
}

/** What ann's edit, reaction and pin look like while they wait. */
async function expectPending(page: Page): Promise<void> {
  await rows(page, 'final text').getByText('Edit: waiting to be sent').waitFor({ timeout: 30_000 });
  await rows(page, 'react to this')
    .getByRole('button', { name: '🙏 1 reaction, including yours' })
    .waitFor({ timeout: 30_000 });
  await rows(page, 'react to this').getByText('Add reaction, Pin: waiting to be sent').waitFor();
  await page.getByRole('region', { name: 'Pinned messages' }).getByText('Pin: waiting to be sent').waitFor();
  expect(await rows(page, 'first draft').count()).toBe(0);
}

describe('pending changes in every tab of a user', { timeout: 150_000 }, () => {
  it('changes made offline in one tab show in the others, are taken over when it closes, and are applied once', async () => {
    const server = await restartableServer();
    const bob = await connectedClient(server.url, 'bob');
    const annNode = await connectedClient(server.url, 'ann');
    await annNode.sendText(conversationId('single', 'bob'), 'first draft');
    await bob.sendText(conversationId('single', 'ann'), 'react to this');
    annNode.close();
    const context = await newContext();
    const url = pageUrl(server.url, 'ann', { open: conversationId('single', 'bob') });
    const first = await context.newPage();
    await openFixture(first, url);
    await expect.poll(() => state(first), { timeout: 20_000 }).toBe('open');
    const maker = await context.newPage();
    await openFixture(maker, url);
    await expect.poll(() => state(maker), { timeout: 20_000 }).toBe('open');
    await rows(maker, 'react to this').waitFor();

    await server.stop();
    await expect.poll(() => state(maker)).not.toBe('open');
    await expect.poll(() => state(first)).not.toBe('open');
    await act(maker, 'first draft', 'Edit');
    const box = maker.getByRole('textbox', { name: 'Message' });
    await maker.getByText('Editing message').waitFor();
    await box.fill('final text');
    await box.press('Enter');
    await act(maker, 'react to this', 'Add reaction');
    await maker.getByRole('toolbar', { name: 'Add reaction' }).getByRole('button', { name: '🙏' }).click();
    await act(maker, 'react to this', 'Pin');
    await expectPending(maker);
    // The other tab, and one opened now, show them too; only the maker's queue holds them.
    await expectPending(first);
    const later = await context.newPage();
    await openFixture(later, url);
    await expectPending(later);
    expect(await queued(maker)).toHaveLength(3);
    expect(await queued(first)).toEqual([]);
    expect(await queued(later)).toEqual([]);

    await maker.close();
    // Taken over: each change by exactly one of the tabs left.
    await expect
      .poll(async () => [...(await queued(first)), ...(await queued(later))].length, { timeout: 30_000 })
      .toBe(3);
    expect(new Set([...(await queued(first)), ...(await queued(later))]).size).toBe(3);
    await expectPending(first);
    await expectPending(later);

    await server.start();
    for (const page of [first, later]) {
      await expect.poll(() => page.getByText('not sent yet').count(), { timeout: 30_000 }).toBe(0);
      await rows(page, 'final text').getByText('edited').waitFor();
      await page.getByRole('region', { name: 'Pinned messages' }).getByText('react to this').waitFor();
    }
    const seen = (await bob.history(conversationId('single', 'ann'))).messages;
    expect(seen.map((m) => [m.body.type === 'txt' ? m.body.msg : m.body.type, m.reactions ?? null])).toEqual([
      ['react to this', [{ emoji: '🙏', users: ['ann'] }]],
      ['final text', null],
    ]);
    expect((await bob.pins(conversationId('single', 'ann'))).pins.map((p) => p.by)).toEqual(['ann']);
    expect(await queued(first)).toEqual([]);
    expect(await queued(later)).toEqual([]);
  });
});
