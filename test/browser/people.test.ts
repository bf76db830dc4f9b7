// People in the drop-in Chat in Debian's Chromium: the conversation list and
// the header name the peer by profile, the presence dot sits on the avatar and
// its status is part of the row's accessible name, and when the peer leaves
// both say so (the dot becomes a ring, the header says when they were last
// seen) without a reload. In a group, each run of someone else's bubbles has
// the sender's name and avatar beside its first bubble (a picture the app's
// profile hook gave, else initials); a single chat with someone who left 5
// minutes ago says "Last seen 5 minutes ago"; the new-conversation dialog
// finds 王小明 by his given name and the message search lists its hits, by
// keyboard, with no serious axe finding (contrast included) — in the light and
// dark themes.
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { launchChromium } from '../support/chromium';
import { buildFixture, openFixture, type BuiltFixture } from '../support/fixture-site';

/** The jump fixture's handle on `window` (typed here, not globally: other fixtures name theirs the same). */
type FixtureWindow = { __natter: { bobLeaves(): void } };

let site: BuiltFixture;
let people: BuiltFixture;
let browser: Browser;

beforeAll(async () => {
  site = await buildFixture(resolve(import.meta.dirname, 'jump-page'));
  people = await buildFixture(resolve(import.meta.dirname, 'people-page'));
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await people?.close();
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
    await header.getByText('Last seen now', { exact: true }).waitFor({ timeout: 15_000 });
    const offline = list.getByRole('button', { name: /^Bob Builder\s*, Offline/ });
    await offline.waitFor({ timeout: 15_000 });
    expect(await offline.locator('.natter-presence').getAttribute('data-status')).toBe('offline');
    await page.close();
  }, 120_000);
});

describe.each(['light', 'dark'] as const)('senders and last seen in Chat, %s theme (Chromium)', (theme) => {
  it("puts the sender's name and avatar beside the first bubble of each run in a group", async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 760 } });
    await openFixture(page, `${people.url}?theme=${theme}`);
    await page
      .getByRole('navigation', { name: 'Conversations' })
      .getByRole('button', { name: /^Builders/ })
      .click();
    const log = page.getByRole('log', { name: 'Messages' });
    await log.getByText('bob again').waitFor({ timeout: 15_000 });
    const row = (text: string) => log.locator('[data-natter-message]', { hasText: text });
    const avatar = (text: string) => row(text).locator('.natter-message-avatar .natter-avatar');

    // One avatar per run, at its first bubble, to the bubble's left and level with its top.
    for (const first of ['first from bob', 'carol here', 'dave here', 'bob again'])
      await avatar(first).waitFor({ timeout: 15_000 });
    expect(await avatar('second from bob').count()).toBe(0);
    expect(await avatar('alice here').count()).toBe(0);
    expect(await avatar('first from bob').textContent()).toBe('BB');
    expect(await avatar('carol here').textContent()).toBe('CC');
    const [a, bubble] = await Promise.all([
      avatar('first from bob').boundingBox(),
      row('first from bob').locator('.natter-bubble').boundingBox(),
    ]);
    expect(a!.width).toBeGreaterThan(20);
    expect(a!.x + a!.width).toBeLessThanOrEqual(bubble!.x);
    expect(Math.abs(a!.y - bubble!.y)).toBeLessThan(8);
    // The run's later bubbles line up with its first, beside an empty gutter.
    const second = await row('second from bob').locator('.natter-bubble').boundingBox();
    expect(second!.x).toBeCloseTo(bubble!.x, 0);

    // Dave's picture comes from the app's user database (the server's profile hook), and loads.
    const picture = avatar('dave here');
    expect(await picture.evaluate((el) => el.tagName)).toBe('IMG');
    await expect.poll(() => picture.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(2);

    // Names head each run, aligned with its bubbles; a screen reader hears them on the row itself.
    const name = log.locator('.natter-group-sender', { hasText: 'Dave Dunn' });
    await name.waitFor();
    const [nameBox, daveBubble] = await Promise.all([
      name.boundingBox(),
      row('dave here').locator('.natter-bubble').boundingBox(),
    ]);
    expect(Math.abs(nameBox!.x - daveBubble!.x)).toBeLessThan(12);
    expect(await row('carol here').textContent()).toMatch(/^Carol Chen, /);
    expect(await seriousViolations(page, '.natter-message-list')).toEqual([]);
    await page.close();
  }, 120_000);

  it('says when the peer of a single chat was last seen', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 760 } });
    await openFixture(page, `${people.url}?theme=${theme}`);
    await page
      .getByRole('navigation', { name: 'Conversations' })
      .getByRole('button', { name: /^Carol Chen/ })
      .click();
    const header = page.locator('header.natter-chat__header');
    await header.getByRole('heading', { name: 'Carol Chen' }).waitFor({ timeout: 15_000 });
    await header.getByText('Last seen 5 minutes ago', { exact: true }).waitFor({ timeout: 15_000 });
    expect(await seriousViolations(page, 'header.natter-chat__header')).toEqual([]);
    await page.close();
  }, 120_000);

  it('finds a person by part of a Chinese name typed into the focused search box, and messages by a word', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 760 } });
    await openFixture(page, `${people.url}?theme=${theme}`);
    await page.getByRole('button', { name: 'New conversation' }).click();
    const dialog = page.getByRole('dialog', { name: 'New conversation' });
    const find = dialog.getByRole('searchbox', { name: 'Find people' });
    await find.waitFor({ timeout: 30_000 });
    await expect.poll(() => find.evaluate((el) => el === document.activeElement), { timeout: 15_000 }).toBe(true);
    await page.keyboard.type('小明');
    const wang = dialog.getByRole('button', { name: /王小明/ });
    await wang.waitFor({ timeout: 15_000 });
    expect(await seriousViolations(page, 'dialog.natter-new-conversation')).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', timeout: 15_000 });

    await page.getByRole('searchbox', { name: 'Search messages' }).fill('bob');
    const hits = page.getByRole('list', { name: 'Search results' });
    await hits.getByRole('button', { name: /bob again/ }).waitFor({ timeout: 15_000 });
    expect(await seriousViolations(page, '.natter-search')).toEqual([]);
    await page.close();
  }, 120_000);
});
