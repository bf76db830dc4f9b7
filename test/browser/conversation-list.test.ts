// The drop-in ConversationList in Debian's Chromium over an account with 1,000
// conversations (real layout, real wheel and keys): the list loads its pages
// as the reader nears the end, by mouse wheel or by keyboard, the DOM keeps to
// the rows in view, and each row tells a screen reader where it sits.
import { resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { buildFixture, openFixture, type BuiltFixture } from '../support/fixture-site';

const CONVERSATIONS = 1000;
let site: BuiltFixture;
let browser: Browser;

beforeAll(async () => {
  site = await buildFixture(resolve(import.meta.dirname, 'conversation-list-page'));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(prepare?: (page: Page) => Promise<unknown>): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 800, height: 700 } });
  await prepare?.(page);
  await openFixture(page, `${site.url}?conversations=${CONVERSATIONS}`);
  await list(page).getByRole('listitem').first().waitFor();
  return page;
}

const list = (page: Page): Locator => page.getByRole('navigation', { name: 'Conversations' });
/** The row of one conversation, found by the name it shows. */
const row = (page: Page, peer: string): Locator =>
  list(page)
    .getByRole('listitem')
    .filter({ has: page.locator('.natter-conversation__name', { hasText: new RegExp(`^${peer}$`) }) });
const rowCount = (page: Page): Promise<number> => list(page).getByRole('listitem').count();
const loaded = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { __natter: { loaded(): number } }).__natter.loaded());

describe('ConversationList with 1,000 conversations in Chromium', () => {
  it('paints the conversations of an in-page server in its first frame, not a loading line first', async () => {
    const page = await open();
    try {
      const frames = () =>
        page.evaluate(() => (window as unknown as { __natter: { firstFrames(): string[] } }).__natter.firstFrames());
      await expect.poll(async () => (await frames()).length, { timeout: 30_000 }).toBeGreaterThan(0);
      expect((await frames())[0]).toBe('rows');
    } finally {
      await page.close();
    }
  }, 120_000);

  it('scrolls to the last conversation by mouse wheel, loading pages on the way, with a bounded DOM', async () => {
    const page = await open();
    try {
      await expect.poll(() => row(page, `p${CONVERSATIONS - 1}`).count()).toBe(1);
      expect(await loaded(page)).toBeLessThan(CONVERSATIONS);
      expect(
        await page.evaluate(() =>
          (window as unknown as { __natter: { totalUnread(): number } }).__natter.totalUnread(),
        ),
      ).toBe(CONVERSATIONS);
      const box = await list(page).boundingBox();
      if (!box) throw new Error('the list has no box');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      let maxRows = 0;
      for (let turn = 0; turn < 2000 && (await row(page, 'p0').count()) === 0; turn++) {
        await page.mouse.wheel(0, 1500);
        maxRows = Math.max(maxRows, await rowCount(page));
      }
      await expect.poll(() => row(page, 'p0').count()).toBe(1);
      expect(await loaded(page)).toBe(CONVERSATIONS);
      expect(maxRows).toBeLessThan(60);
      await expect.poll(() => row(page, 'p0').getAttribute('aria-posinset')).toBe(String(CONVERSATIONS));
      expect(await row(page, 'p0').getAttribute('aria-setsize')).toBe(String(CONVERSATIONS));
      // Each conversation appears once, in order: the rows drawn at the end are p(k)…p0.
      const names = await list(page).locator('.natter-conversation__name').allTextContents();
      expect(names.slice(-3)).toEqual(['p2', 'p1', 'p0']);
    } finally {
      await page.close();
    }
  }, 120_000);

  it('walks to the last conversation by keyboard (End, ArrowDown) and back to the first (Home)', async () => {
    const page = await open();
    try {
      await page.keyboard.press('Tab');
      const first = row(page, `p${CONVERSATIONS - 1}`)
        .getByRole('button')
        .first();
      await expect.poll(() => first.evaluate((el) => el === document.activeElement)).toBe(true);
      const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-conversation') ?? null);
      // End reaches the last row loaded; each press there loads on, until the very last.
      for (let press = 0; press < 200 && (await focused()) !== 'single:p0'; press++) {
        await page.keyboard.press('End');
        await page.waitForTimeout(20);
      }
      expect(await focused()).toBe('single:p0');
      const last = page.locator(':focus').locator('xpath=ancestor::li[1]');
      expect(await last.getAttribute('aria-posinset')).toBe(String(CONVERSATIONS));
      expect(await last.getAttribute('aria-setsize')).toBe(String(CONVERSATIONS));
      await page.keyboard.press('ArrowUp');
      await expect.poll(focused).toBe('single:p1');
      await page.keyboard.press('ArrowDown');
      await expect.poll(focused).toBe('single:p0');
      await page.keyboard.press('Home');
      await expect.poll(focused).toBe(`single:p${CONVERSATIONS - 1}`);
      expect(await rowCount(page)).toBeLessThan(60);
      // Enter selects the focused conversation.
      await page.keyboard.press('Enter');
      await expect.poll(() => first.getAttribute('aria-current')).toBe('true');
    } finally {
      await page.close();
    }
  }, 120_000);

  it('moves focus by keyboard while the virtualizer is still on its way, and keeps it once it is in', async () => {
    // The virtualizer's chunk is held until End was pressed (a slow network or a busy machine).
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held = false;
    const page = await open((p) =>
      p.route(/virtual-rows[^/]*\.js$/, async (route) => {
        held = true;
        await released;
        await route.continue();
      }),
    );
    try {
      await expect.poll(() => held).toBe(true);
      await page.keyboard.press('Tab');
      const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-conversation') ?? null);
      await expect.poll(focused).toBe(`single:p${CONVERSATIONS - 1}`);
      // End goes to the last conversation loaded, which is not drawn before the virtualizer is in.
      const lastLoaded = `p${CONVERSATIONS - (await loaded(page))}`;
      expect(await row(page, lastLoaded).count()).toBe(0);
      await page.keyboard.press('End');
      release();
      await expect.poll(focused).toBe(`single:${lastLoaded}`);
      await expect.poll(() => row(page, lastLoaded).isVisible()).toBe(true);
    } finally {
      release();
      await page.close();
    }
  }, 120_000);
});
