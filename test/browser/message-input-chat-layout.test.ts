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

  it('theme="dark" applies the dark custom properties', async () => {
    const { context, page } = await site.open('?view=chat&width=900&theme=dark');
    try {
      const bg = await page.locator('.natter-chat').evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(bg).toBe('rgb(21, 23, 27)');
    } finally {
      await context.close();
    }
  }, 60_000);
});
