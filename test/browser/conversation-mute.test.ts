// Muting a conversation for a while through the drop-in Chat in Debian's
// Chromium, against a real natter server on 127.0.0.1, in the light and the
// dark theme: the row's bell opens a menu of durations (keyboard: arrows,
// Escape back to the button), "For 1 hour" mutes on the server until an hour
// from now and the row says until when (the locale's date format); the bell
// unmutes; a mute whose time passes shows as none without a reload. The menu
// is a chunk fetched on the first open: its first item takes focus when the
// chunk arrives after the key press.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ChatClient } from '../../src/client/chat-client-types';
import { conversationId } from '../../src/protocol/ids';
import { openFixture } from '../support/fixture-site';
import { useOfflineSite } from './offline-site';

const { pageUrl, newContext, restartableServer, connectedClient } = useOfflineSite('natter-mute-');

const HOUR = 3_600_000;

/** ann's mute of her conversation with bob, as the server has it. */
async function muteOnServer(ann: ChatClient): Promise<{ until?: number } | null> {
  const page = await ann.conversationPage();
  return page.conversations.find((c) => c.id === conversationId('single', 'bob'))?.mute ?? null;
}

const focusedName = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent);

describe.each(['light', 'dark'])('muting a conversation until a time, %s theme', { timeout: 90_000 }, (theme) => {
  it('mutes for 1 hour from the keyboard menu, says until when, and unmutes', async () => {
    const server = await restartableServer();
    const bob = await connectedClient(server.url, 'bob');
    await bob.sendText(conversationId('single', 'ann'), 'are you there');
    const annNode = await connectedClient(server.url, 'ann');
    const page = await (await newContext()).newPage();
    await openFixture(page, pageUrl(server.url, 'ann', { theme }));
    await page.locator(`[data-natter-theme="${theme}"]`).first().waitFor();

    const bell = page.getByRole('button', { name: 'Mute conversation with bob', exact: true });
    await bell.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'Mute conversation with bob', exact: true });
    await menu.waitFor();
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
      'For 1 hour',
      'For 8 hours',
      'For 1 week',
      'Until I turn it back on',
    ]);
    await expect.poll(() => focusedName(page)).toBe('For 1 hour');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedName(page)).toBe('For 8 hours');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => focusedName(page)).toBe('For 1 hour');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    await expect.poll(() => focusedName(page)).toBe('Mute conversation with bob');

    await page.keyboard.press('Enter');
    const before = Date.now();
    await page.keyboard.press('Enter'); // "For 1 hour", focused first
    await expect.poll(async () => (await muteOnServer(annNode))?.until, { timeout: 20_000 }).toBeGreaterThan(0);
    const until = (await muteOnServer(annNode))!.until!;
    expect(until).toBeGreaterThanOrEqual(before + HOUR - 60_000);
    expect(until).toBeLessThanOrEqual(Date.now() + HOUR + 60_000);
    const expected = await page.evaluate(
      (t) => `Muted until ${new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(t)}`,
      until,
    );
    const row = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: /^bob/ }) });
    await row.getByText(expected).waitFor();
    const unmute = page.getByRole('button', { name: 'Unmute conversation with bob' });
    expect(await unmute.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => focusedName(page)).toBe('Unmute conversation with bob');

    await unmute.click();
    await expect.poll(() => muteOnServer(annNode), { timeout: 20_000 }).toBeNull();
    await bell.waitFor();
    expect(await row.getByText(/^Muted until/).count()).toBe(0);
  });

  it('a mute whose time passes shows as none without a reload', async () => {
    const server = await restartableServer();
    const bob = await connectedClient(server.url, 'bob');
    await bob.sendText(conversationId('single', 'ann'), 'ping');
    const annNode = await connectedClient(server.url, 'ann');
    const page = await (await newContext()).newPage();
    await openFixture(page, pageUrl(server.url, 'ann', { theme }));
    await page.getByRole('button', { name: 'Mute conversation with bob', exact: true }).waitFor();

    // From ann's other device, for a few seconds.
    await annNode.muteConversation(conversationId('single', 'bob'), annNode.serverNow() + 4_000);
    const row = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: /^bob/ }) });
    await row.getByText(/^Muted until/).waitFor();
    await page.getByRole('button', { name: 'Unmute conversation with bob' }).waitFor();
    await row.getByText(/^Muted until/).waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByRole('button', { name: 'Mute conversation with bob', exact: true }).waitFor();
  });
});

describe('the mute menu as a chunk of its own', { timeout: 90_000 }, () => {
  it('is fetched on the first open, and its first item takes focus when it arrives after the key press', async () => {
    const server = await restartableServer();
    const bob = await connectedClient(server.url, 'bob');
    await bob.sendText(conversationId('single', 'ann'), 'hello');
    const page = await (await newContext()).newPage();
    const fetched: string[] = [];
    let release!: () => void;
    const arrived = new Promise<void>((r) => (release = r));
    await page.route(/mute-choices[^/]*\.js$/, async (route) => {
      fetched.push(route.request().url());
      await arrived;
      await route.continue();
    });
    await openFixture(page, pageUrl(server.url, 'ann'));
    const bell = page.getByRole('button', { name: 'Mute conversation with bob', exact: true });
    await bell.waitFor();
    expect(fetched).toEqual([]);

    await bell.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => fetched.length).toBe(1);
    expect(await bell.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByRole('menu').count()).toBe(0);
    expect(await focusedName(page)).toBe('Mute conversation with bob');

    release();
    await page.getByRole('menu', { name: 'Mute conversation with bob', exact: true }).waitFor();
    await expect.poll(() => focusedName(page)).toBe('For 1 hour');
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedName(page)).toBe('Mute conversation with bob');
    expect(await bell.getAttribute('aria-expanded')).toBe('false');
  });
});
