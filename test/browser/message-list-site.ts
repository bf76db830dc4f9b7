// Test support for the MessageList browser tests: the fixture page in
// message-list-page/, built and served by test/support/fixture-site.ts and
// opened in Debian's Chromium through playwright-core.
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { buildFixture, openFixture } from '../support/fixture-site';

const PAGE_DIR = resolve(import.meta.dirname, 'message-list-page');

export interface FixtureSite {
  url: string;
  browser: Browser;
  open(query?: string): Promise<Page>;
  close(): Promise<void>;
}

export async function startFixtureSite(): Promise<FixtureSite> {
  const site = await buildFixture(PAGE_DIR);
  const browser = await launchChromium();
  return {
    url: site.url,
    browser,
    async open(query = '') {
      const page = await browser.newPage({ viewport: { width: 800, height: 700 } });
      await openFixture(page, `${site.url}${query}`);
      return page;
    },
    async close() {
      await browser.close();
      await site.close();
    },
  };
}
