// MessageInput in Debian's Chromium (what jsdom cannot show): a real clipboard
// paste of an image arriving at another client as an image message, and
// natter's emoji grid (over @emoji-mart/data) loading on first open and inserting at the caret.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInputSite, type InputSite } from './message-input-site';
import { copyPngToClipboard } from '../support/clipboard';

interface Received {
  type: string;
  name?: string;
  mime?: string;
  width?: number;
  height?: number;
  msg?: string;
}

let site: InputSite;

beforeAll(async () => {
  site = await startInputSite();
}, 120_000);

afterAll(async () => {
  await site?.close();
});

const received = (page: Page): Promise<Received[]> =>
  page.evaluate(() => (window as unknown as { __natter: { received: Received[] } }).__natter.received);

/** Puts a real 40×30 PNG (drawn on a canvas) on the system clipboard. */
describe('MessageInput in Chromium', () => {
  it('a real clipboard paste of an image (Ctrl+V) is previewed, then arrives at the other client as an image message', async () => {
    const { context, page } = await site.open();
    try {
      await copyPngToClipboard(page, { width: 40, height: 30, color: '#e5383b' });
      const box = page.getByRole('textbox', { name: 'Message' });
      await box.click();
      await page.keyboard.press('Control+V');
      const attachments = page.getByRole('list', { name: 'Attachments' });
      await attachments.waitFor({ timeout: 10_000 });
      // The preview is a local object URL, and its pixels really decode.
      const preview = attachments.locator('img');
      await expect
        .poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10_000 })
        .toBe(40);
      expect(await preview.getAttribute('src')).toMatch(/^blob:/);
      await expect.poll(() => attachments.textContent(), { timeout: 10_000 }).toContain('40×30');

      await box.press('Enter');
      await expect.poll(async () => (await received(page)).length, { timeout: 15_000 }).toBe(1);
      const [image] = await received(page);
      expect(image).toMatchObject({ type: 'img', mime: 'image/png', width: 40, height: 30 });
      await attachments.waitFor({ state: 'detached', timeout: 10_000 });
    } finally {
      await context.close();
    }
  }, 60_000);

  it('the emoji button loads its grid and data on first open, and the chosen emoji is inserted at the caret', async () => {
    const { context, page } = await site.open();
    try {
      // Vite names the dynamic chunks after their sources: natter's emoji-grid.tsx and
      // @emoji-mart/data's sets/15/native.json.
      const emojiChunks = () =>
        page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .map((e) => (e.name.split('/').pop() ?? '').replace(/-[\w-]{8}\.js$/, ''))
            .filter((n) => n === 'emoji-grid' || n === 'native')
            .sort(),
        );
      expect(await page.getByRole('dialog', { name: 'Emoji picker' }).count()).toBe(0);
      expect(await emojiChunks()).toEqual([]);

      const box = page.getByRole('textbox', { name: 'Message' });
      await box.click();
      await page.keyboard.type('ab');
      await page.keyboard.press('ArrowLeft');
      await page.getByRole('button', { name: 'Emoji' }).click();
      const picker = page.getByRole('dialog', { name: 'Emoji picker' });
      await picker.waitFor({ timeout: 20_000 });
      const grinning = picker.getByRole('button', { name: 'Grinning Face', exact: true });
      await grinning.waitFor({ timeout: 20_000 });
      expect(await emojiChunks()).toEqual(['emoji-grid', 'native']);

      await grinning.waitFor({ timeout: 20_000 });
      await grinning.click();
      await picker.waitFor({ state: 'detached', timeout: 10_000 });
      await expect.poll(() => box.inputValue(), { timeout: 5_000 }).toBe('a😀b');
      const caret = await box.evaluate((el: HTMLTextAreaElement) => el.selectionStart);
      expect(caret).toBe('a😀'.length);

      await box.press('Enter');
      await expect.poll(async () => (await received(page)).map((b) => b.msg), { timeout: 15_000 }).toEqual(['a😀b']);

      // Opened again (data already loaded), Escape closes it and focus returns to the button.
      const button = page.getByRole('button', { name: 'Emoji' });
      await button.click();
      await picker.getByRole('button', { name: 'Grinning Face', exact: true }).waitFor({ timeout: 20_000 });
      await page.keyboard.press('Escape');
      await picker.waitFor({ state: 'detached', timeout: 10_000 });
      expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await button.getAttribute('aria-expanded')).toBe('false');
    } finally {
      await context.close();
    }
  }, 60_000);
});
