// Deletes, pins and forwards made while the server is unreachable, in Debian's
// Chromium through the drop-in Chat: each shows at once, marked as not sent
// yet (its accessible text names the action), again after a reload, and once
// the server is back gives way to the server's result, applied once; a pin the
// server refuses (not a group admin) is undone and its reason shown until
// dismissed.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { conversationId } from '../../src/protocol/ids';
import { openFixture } from '../support/fixture-site';
import { connection, rows, settled, useOfflineSite } from './offline-site';

const { pageUrl, newContext, restartableServer, connectedClient } = useOfflineSite('natter-offline-pins-');

async function act(page: Page, text: string, action: string): Promise<void> {
  const row = rows(page, text);
  await row.hover();
  await row.getByRole('button', { name: 'Message actions' }).click();
  await page.getByRole('menuitem', { name: action, exact: true }).click();
}

const pinsStrip = (page: Page) => page.getByRole('region', { name: 'Pinned messages' });

describe('offline deletes, pins and forwards in Chromium', { timeout: 150_000 }, () => {
  it('a pin, a delete for everyone and a forward made offline show at once, survive a reload and are applied once', async () => {
    const server = await restartableServer();
    const bob = await connectedClient(server.url, 'bob');
    const cy = await connectedClient(server.url, 'cy');
    await bob.sendText(conversationId('single', 'ann'), 'pin this');
    await cy.sendText(conversationId('single', 'ann'), 'hi ann');
    const page = await (await newContext()).newPage();
    const url = pageUrl(server.url, 'ann', { open: conversationId('single', 'bob') });
    await openFixture(page, url);
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.fill('take this back');
    await box.press('Enter');
    await expect.poll(() => rows(page, 'take this back').getAttribute('data-status'), { timeout: 20_000 }).toBe('sent');

    await server.stop();
    await expect.poll(() => connection(page)).not.toBe('open');
    await act(page, 'pin this', 'Pin');
    await act(page, 'take this back', 'Delete for everyone');
    await act(page, 'pin this', 'Forward');
    const dialog = page.getByRole('dialog', { name: 'Forward message' });
    await dialog.getByRole('checkbox', { name: 'cy' }).check();
    await dialog.getByRole('button', { name: 'Forward' }).click();
    // Offline the dialog does not wait for the server.
    await dialog.waitFor({ state: 'detached' });

    const expectPending = async () => {
      await pinsStrip(page).getByText('Pin: waiting to be sent').waitFor({ timeout: 30_000 });
      await pinsStrip(page).getByText('pin this').waitFor();
      await rows(page, 'pin this').getByText('Pin: waiting to be sent').waitFor();
      await page.getByText('Delete for everyone: waiting to be sent').waitFor();
      await rows(page, 'You recalled a message').getByText('not sent yet').waitFor();
      expect(await rows(page, 'take this back').count()).toBe(0);
    };
    await expectPending();
    await settled(page);
    await page.reload();
    await openFixture(page, url);
    await expectPending();
    expect(await connection(page)).not.toBe('open');

    // The forward waits in cy's conversation.
    const cyUrl = pageUrl(server.url, 'ann', { open: conversationId('single', 'cy') });
    await page.goto(cyUrl);
    await openFixture(page, cyUrl);
    const forwarded = rows(page, 'pin this');
    await forwarded.getByText('Forward: waiting to be sent').waitFor({ timeout: 30_000 });
    expect(await forwarded.getAttribute('data-status')).toBe('pending');

    await server.start();
    await expect.poll(() => forwarded.getAttribute('data-status'), { timeout: 30_000 }).not.toBe('pending');
    await expect.poll(() => page.getByText('not sent yet').count(), { timeout: 30_000 }).toBe(0);
    expect(await rows(page, 'pin this').count()).toBe(1);
    await expect
      .poll(
        async () => (await cy.history(conversationId('single', 'ann'))).messages.map((m) => [m.body, m.forwarded]),
        {
          timeout: 30_000,
        },
      )
      .toEqual([
        [{ type: 'txt', msg: 'pin this' }, { from: 'bob' }],
        [{ type: 'txt', msg: 'hi ann' }, undefined],
      ]);
    const pins = await bob.pins(conversationId('single', 'ann'));
    expect(pins.pins.map((p) => p.by)).toEqual(['ann']);
    const bobSees = (await bob.history(conversationId('single', 'ann'))).messages.map((m) => m.body.type);
    expect(bobSees).toEqual(['recalled', 'txt']);

    await page.goto(url);
    await openFixture(page, url);
    await pinsStrip(page).getByText('pin this').waitFor({ timeout: 20_000 });
    await rows(page, 'You recalled a message').waitFor();
    expect(await page.getByText('not sent yet').count()).toBe(0);
  });

  it('a pin the server refuses is undone after the reconnect, with its reason shown until dismissed', async () => {
    const server = await restartableServer();
    const bob = await connectedClient(server.url, 'bob');
    const group = await bob.createGroup({ name: 'crew', members: ['dee'] });
    const groupId = conversationId('group', group.groupId);
    await bob.sendText(groupId, 'only admins pin');
    const page = await (await newContext()).newPage();
    const url = pageUrl(server.url, 'dee', { open: groupId });
    await openFixture(page, url);
    await rows(page, 'only admins pin').waitFor({ timeout: 20_000 });

    await server.stop();
    await expect.poll(() => connection(page)).not.toBe('open');
    await act(page, 'only admins pin', 'Pin');
    await pinsStrip(page).getByText('Pin: waiting to be sent').waitFor({ timeout: 30_000 });
    await settled(page);
    await page.reload();
    await openFixture(page, url);
    await pinsStrip(page).getByText('Pin: waiting to be sent').waitFor({ timeout: 30_000 });

    await server.start();
    const alert = rows(page, 'only admins pin').getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toMatch(/^Pin was not applied: .+ \(510\)$/);
    expect(await pinsStrip(page).count()).toBe(0);
    expect(await page.getByText('not sent yet').count()).toBe(0);
    await rows(page, 'only admins pin').getByRole('button', { name: 'Dismiss' }).click();
    await alert.waitFor({ state: 'detached' });
    expect((await bob.pins(groupId)).pins).toEqual([]);
  });
});
