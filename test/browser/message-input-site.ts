// Test support for the MessageInput browser tests: the fixture page in
// message-input-page/, built and served by test/support/fixture-site.ts and
// opened in Debian's Chromium (clipboard permissions granted per context).
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { buildFixture, openFixture } from '../support/fixture-site';

const PAGE_DIR = resolve(import.meta.dirname, 'message-input-page');

export interface InputSite {
  url: string;
  browser: Browser;
  /** A fresh context (clipboard permissions granted) with the fixture loaded and ready. */
  open(
    query?: string,
    options?: { colorScheme?: 'light' | 'dark' },
  ): Promise<{ context: BrowserContext; page: Page; errors: string[] }>;
  close(): Promise<void>;
}

export async function startInputSite(): Promise<InputSite> {
  const site = await buildFixture(PAGE_DIR);
  const browser = await launchChromium();
  return {
    url: site.url,
    browser,
    async open(query = '', options = {}) {
      const context = await browser.newContext({
        viewport: { width: 800, height: 700 },
        colorScheme: options.colorScheme ?? 'light',
      });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url.slice(0, -1) });
      const page = await context.newPage();
      const errors = await openFixture(page, `${site.url}${query}`);
      return { context, page, errors };
    },
    async close() {
      await browser.close();
      await site.close();
    },
  };
}
