// Jumping to a message in Debian's Chromium: in a 100,000-message
// conversation, search for a message 99,000 messages back, click the hit,
// land on it (highlighted) without the history in between being loaded, keep
// what is on screen still (measured in px) while older and newer pages load
// around it, leave the unread count alone meanwhile, and jump back to latest
// (where the conversation is then marked read).
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { buildFixture, openFixture, type BuiltFixture } from '../support/fixture-site';

interface JumpHandle {
  ready: boolean;
  unread(): number;
  hold(): void;
  release(): void;
}
/** The fixture's handle on `window` (typed here, not globally: other fixtures name theirs the same). */
type FixtureWindow = { __natter: JumpHandle };

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

const SCROLLER = '.natter-message-list .natter-message-list-scroller';

function frames(page: Page, n = 2): Promise<void> {
  return page.evaluate(
    (count) =>
      new Promise<void>((done) => {
        let left = count;
        const step = () => (--left <= 0 ? done() : requestAnimationFrame(step));
        requestAnimationFrame(step);
      }),
    n,
  );
}

/** Top of the row with `key` relative to the scroller, or null when it is not drawn. */
function rowTop(page: Page, key: string): Promise<number | null> {
  return page.evaluate(
    ([sel, k]) => {
      const s = document.querySelector<HTMLElement>(sel as string);
      const el =
        s &&
        Array.from(s.querySelectorAll<HTMLElement>('[data-natter-message]')).find(
          (r) => r.getAttribute('data-key') === k,
        );
      return s && el ? el.getBoundingClientRect().top - s.getBoundingClientRect().top : null;
    },
    [SCROLLER, key] as const,
  );
}

/** The first row whose top is inside the viewport: its key and top. */
function firstVisible(page: Page): Promise<{ key: string; top: number }> {
  return page.evaluate((sel) => {
    const s = document.querySelector<HTMLElement>(sel) as HTMLElement;
    const top = s.getBoundingClientRect().top;
    const rows = Array.from(s.querySelectorAll<HTMLElement>('[data-natter-message]'));
    const el = rows.find((r) => r.getBoundingClientRect().top >= top) as HTMLElement;
    return { key: el.getAttribute('data-key') as string, top: el.getBoundingClientRect().top - top };
  }, SCROLLER);
}

function rowCount(page: Page): Promise<number> {
  return page.evaluate((sel) => document.querySelectorAll(`${sel} [data-natter-message]`).length, SCROLLER);
}

describe('jump to a message in a 100,000-message conversation (Chromium)', () => {
  // The newer page below the window holds the user's own messages: they must not count as new
  // sends (which end the jump and bring the list to the latest).
  it('searches, lands on the hit far back, keeps the view still while pages load, and jumps back to latest', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 760 } });
    await openFixture(page, site.url);
    expect(await page.evaluate(() => (window as unknown as FixtureWindow).__natter.unread())).toBeGreaterThan(0);
    const unread = await page.evaluate(() => (window as unknown as FixtureWindow).__natter.unread());

    await page.getByRole('searchbox', { name: 'Search messages' }).fill('needle');
    const hit = page.getByRole('list', { name: 'Search results' }).getByRole('button').first();
    await hit.waitFor({ timeout: 15_000 });
    expect(await hit.textContent()).toContain('needle in the haystack');
    await hit.click();

    // Landed: the target is drawn, marked, and at the top of the view.
    const target = page.locator(`${SCROLLER} [data-jump-target] [data-natter-message]`);
    await target.waitFor({ timeout: 15_000 });
    expect(await target.textContent()).toContain('needle in the haystack');
    const key = (await target.getAttribute('data-key')) as string;
    const landed = (await rowTop(page, key)) as number;
    await frames(page, 10);
    const still = (await rowTop(page, key)) as number;
    // Only the window around it is in the DOM, not the 99,000 messages in between.
    expect(await rowCount(page)).toBeLessThan(80);
    expect(await page.evaluate(() => (window as unknown as FixtureWindow).__natter.unread())).toBe(unread);

    // Older page: scroll to the top of the window; the first visible row stays put while it loads.
    const moves: number[] = [Math.abs(still - landed)];
    await page.evaluate(() => (window as unknown as FixtureWindow).__natter.hold());
    await page.evaluate((sel) => {
      (document.querySelector(sel) as HTMLElement).scrollTop = 0;
    }, SCROLLER);
    await frames(page, 4);
    const above = await firstVisible(page);
    await page.evaluate(() => (window as unknown as FixtureWindow).__natter.release());
    await page.waitForFunction((sel) => (document.querySelector(sel) as HTMLElement).scrollTop > 200, SCROLLER, {
      timeout: 15_000,
    });
    await frames(page, 8);
    moves.push(Math.abs(((await rowTop(page, above.key)) ?? NaN) - above.top));

    // Newer page: scroll to the bottom of the window; the rows on screen stay put while it loads.
    await page.evaluate(() => (window as unknown as FixtureWindow).__natter.hold());
    await page.evaluate((sel) => {
      const s = document.querySelector(sel) as HTMLElement;
      s.scrollTop = s.scrollHeight;
    }, SCROLLER);
    await frames(page, 4);
    const below = await firstVisible(page);
    const heightBefore = await page.evaluate(
      (sel) => (document.querySelector(sel) as HTMLElement).scrollHeight,
      SCROLLER,
    );
    await page.evaluate(() => (window as unknown as FixtureWindow).__natter.release());
    await page.waitForFunction(
      ([sel, h]) => (document.querySelector(sel as string) as HTMLElement).scrollHeight > h,
      [SCROLLER, heightBefore] as const,
      { timeout: 15_000 },
    );
    await frames(page, 8);
    moves.push(Math.abs(((await rowTop(page, below.key)) ?? NaN) - below.top));
    console.log(
      `[jump] anchor drift: landing ${moves[0]!.toFixed(2)} px, older page ${moves[1]!.toFixed(2)} px, newer page ${moves[2]!.toFixed(2)} px`,
    );
    for (const m of moves) expect(m).toBeLessThanOrEqual(1);
    // Still inside the jump: nothing was marked read.
    expect(await page.evaluate(() => (window as unknown as FixtureWindow).__natter.unread())).toBe(unread);

    await page.getByRole('button', { name: 'Jump to latest' }).click();
    await page.locator(`${SCROLLER} [data-natter-message]`, { hasText: '#100000 newest' }).waitFor({ timeout: 15_000 });
    expect(await page.locator(`${SCROLLER} [data-jump-target]`).count()).toBe(0);
    await page.waitForFunction(() => (window as unknown as FixtureWindow).__natter.unread() === 0, null, {
      timeout: 15_000,
    });
    await page.close();
  }, 120_000);
});
