// People in the drop-in Chat in Debian's Chromium: the conversation list and
// the header name the peer by profile, the presence dot sits on the avatar and
// its status is part of the row's accessible name, and when the peer leaves
// both say "Offline" (the dot becomes a ring) without a reload.
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { buildFixture, openFixture, type BuiltFixture } from '../support/fixture-site';

/** The jump fixture's handle on `window` (typed here, not globally: other fixtures name theirs the same). */
type FixtureWindow = { __natter: { bobLeaves(): void } };

let site: BuiltFixture;
let browser: Browser;

beforeAll(async () => {
  site = await buildFixture(resolve(import.meta.dirname, 'jump-page'));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('profiles and presence in Chat (Chromium)', () => {
  it('names the peer by profile with a presence dot and status, and follows them going offline', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 760 } });
    await openFixture(page, `${site.url}?messages=40&needle=5`);
    const list = page.getByRole('navigation', { name: 'Conversations' });
    const row = list.getByRole('button', { name: /^Bob Builder\s*, Online/ });
    await row.waitFor({ timeout: 15_000 });

    // The dot is drawn on the avatar's lower corner, in the theme's online colour.
    const dot = row.locator('.natter-presence');
    const [dotBox, avatarBox] = await Promise.all([dot.boundingBox(), row.locator('.natter-avatar').boundingBox()]);
    expect(dotBox!.width).toBeGreaterThan(6);
    expect(dotBox!.x + dotBox!.width).toBeGreaterThan(avatarBox!.x + avatarBox!.width - 4);
    expect(dotBox!.y + dotBox!.height).toBeGreaterThan(avatarBox!.y + avatarBox!.height - 4);
    const colour = (sel: string) =>
      page.evaluate((s) => getComputedStyle(document.querySelector(s) as Element).backgroundColor, sel);
    const success = await page.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.background = 'var(--natter-success)';
      document.querySelector('.natter-chat')!.append(probe);
      const c = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return c;
    });
    expect(await colour('.natter-conversation .natter-presence')).toBe(success);

    await row.click();
    const header = page.locator('header.natter-chat__header');
    await header.getByRole('heading', { name: 'Bob Builder' }).waitFor({ timeout: 15_000 });
    await header.getByText('Online', { exact: true }).waitFor();

    await page.evaluate(() => (window as unknown as FixtureWindow).__natter.bobLeaves());
    await header.getByText('Offline', { exact: true }).waitFor({ timeout: 15_000 });
    const offline = list.getByRole('button', { name: /^Bob Builder\s*, Offline/ });
    await offline.waitFor({ timeout: 15_000 });
    expect(await offline.locator('.natter-presence').getAttribute('data-status')).toBe('offline');
    await page.close();
  }, 120_000);
});
