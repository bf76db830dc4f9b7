// The emoji picker under a Vite dev server (what `npm start` and an app's own
// dev server serve), not only in built bundles: the dev server answers the
// emoji data's JSON import with JavaScript, which a browser refuses for an
// import that asks for JSON, so the picker must load its data without one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringsFor } from '../../src/ui/index';
import { launchChromium } from '../support/chromium';
import { seriousViolations } from '../support/axe';
import { openFixture } from '../support/fixture-site';

const PAGE_DIR = resolve(import.meta.dirname, 'message-input-page');
let server: ViteDevServer;
let cacheDir = '';
let browser: Browser;

beforeAll(async () => {
  // The dependency cache goes to a temp folder: node_modules may be shared with other checkouts.
  cacheDir = mkdtempSync(join(tmpdir(), 'natter-vite-dev-'));
  server = await createServer({
    configFile: false,
    root: PAGE_DIR,
    cacheDir,
    logLevel: 'error',
    plugins: [react()],
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
  });
  await server.listen();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
});

describe('emoji picker on the dev server', () => {
  it('opens with its emoji instead of "Could not load the emoji picker", passes axe, and picks from the keyboard', async () => {
    const s = stringsFor('en').input;
    const url = server.resolvedUrls?.local[0] as string;
    const page = await browser.newPage();
    try {
      await openFixture(page, url);
      await page.getByRole('button', { name: s.emoji }).click();
      const popup = page.getByRole('dialog', { name: s.emojiPickerLabel });
      await popup.waitFor();
      await expect.poll(() => popup.getAttribute('aria-busy'), { timeout: 60_000 }).toBe('false');
      expect(await popup.getByRole('alert').count()).toBe(0);
      // The grid is accessible: no serious or critical axe-core violation inside the popup.
      const party = popup.getByRole('button', { name: 'Party Popper', exact: true });
      await party.waitFor({ timeout: 30_000 });
      expect(await seriousViolations(page, '.natter-emoji-picker__popup')).toEqual([]);
      // Search, then arrow keys and Enter pick from the keyboard.
      await popup.getByRole('searchbox').fill('party popper');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('textbox', { name: s.messageLabel }).inputValue()).toContain('🎉');
    } finally {
      await page.close();
    }
  }, 180_000);
});
