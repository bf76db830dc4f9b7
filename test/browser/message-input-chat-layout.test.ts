// The Chat layout around MessageInput in Debian's Chromium (CSS that jsdom does
// not apply): side by side when wide, one pane at a time when narrow (a
// container query on the component's own width), and the dark theme's colours.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInputSite, type InputSite } from './message-input-site';

let site: InputSite;

beforeAll(async () => {
  site = await startInputSite();
}, 120_000);

afterAll(async () => {
  await site?.close();
});

const visible = (page: Page, selector: string): Promise<boolean> =>
  page.evaluate((sel) => {
    const el = document.querySelector<HTMLElement>(sel);
    return !!el && el.checkVisibility() && el.getBoundingClientRect().width > 0;
  }, selector);

describe('Chat layout in Chromium', () => {
  it('wide: list and conversation side by side; the back button is hidden', async () => {
    const { context, page } = await site.open('?view=chat&width=900');
    try {
      await page.getByRole('button', { name: /^bob/ }).click();
      await page.getByRole('heading', { name: 'bob' }).waitFor();
      expect(await visible(page, '.natter-chat__sidebar')).toBe(true);
      expect(await visible(page, '.natter-chat__main')).toBe(true);
      expect(await visible(page, '.natter-chat__back')).toBe(false);
      const list = await page.locator('.natter-chat__sidebar').boundingBox();
      const main = await page.locator('.natter-chat__main').boundingBox();
      expect(list && main && list.x + list.width <= main.x + 1).toBe(true);
      // The input sits at the bottom of the 520 px box.
      const input = await page.locator('.natter-input').boundingBox();
      expect(input && Math.round(input.y + input.height)).toBe(520);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('narrow: one pane at a time, with a back button to the list', async () => {
    const { context, page } = await site.open('?view=chat&width=400');
    try {
      await page.getByRole('button', { name: /^bob/ }).waitFor();
      expect(await visible(page, '.natter-chat__sidebar')).toBe(true);
      expect(await visible(page, '.natter-chat__main')).toBe(false);
      await page.getByRole('button', { name: /^bob/ }).click();
      await page.getByRole('heading', { name: 'bob' }).waitFor();
      expect(await visible(page, '.natter-chat__sidebar')).toBe(false);
      expect(await visible(page, '.natter-chat__main')).toBe(true);
      const main = await page.locator('.natter-chat__main').boundingBox();
      expect(main && Math.round(main.width)).toBe(400);
      await page.getByRole('button', { name: 'Back to conversations' }).click();
      expect(await visible(page, '.natter-chat__sidebar')).toBe(true);
      expect(await visible(page, '.natter-chat__main')).toBe(false);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('each theme resolves its colours: light, dark, and auto following the system preference', async () => {
    const cases = [
      { theme: 'light', system: 'dark', bg: 'rgb(255, 255, 255)', text: 'rgb(27, 29, 33)', ownBubble: '#2563eb' },
      { theme: 'dark', system: 'light', bg: 'rgb(21, 23, 27)', text: 'rgb(232, 234, 237)', ownBubble: '#3b6fd8' },
      { theme: 'auto', system: 'light', bg: 'rgb(255, 255, 255)', text: 'rgb(27, 29, 33)', ownBubble: '#2563eb' },
      { theme: 'auto', system: 'dark', bg: 'rgb(21, 23, 27)', text: 'rgb(232, 234, 237)', ownBubble: '#3b6fd8' },
    ] as const;
    for (const c of cases) {
      const { context, page } = await site.open(`?view=chat&width=900&theme=${c.theme}`, { colorScheme: c.system });
      try {
        // The custom property as the built stylesheet leaves it (a CSS minifier may rewrite colour functions).
        const seen = await page.locator('.natter-chat').evaluate((el) => {
          const style = getComputedStyle(el);
          return {
            bg: style.backgroundColor,
            text: style.color,
            ownBubble: style.getPropertyValue('--natter-bubble-own-bg').trim(),
          };
        });
        expect(seen, `${c.theme} on a ${c.system} system`).toEqual({ bg: c.bg, text: c.text, ownBubble: c.ownBubble });
      } finally {
        await context.close();
      }
    }
  }, 90_000);
});
