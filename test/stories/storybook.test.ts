// Builds Storybook and opens every story in headless Chromium: a story that
// throws, logs a console error or shows Storybook's error screen fails.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { serveStatic, type StaticServer } from '../support/static-server';

interface IndexEntry { id: string; title: string; name: string; type: 'story' | 'docs' }

let out = '';
let server: StaticServer;
let browser: Browser;
let stories: IndexEntry[] = [];

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'natter-storybook-'));
  execFileSync(process.execPath, ['node_modules/storybook/dist/bin/dispatcher.js', 'build', '-o', out, '--quiet'], {
    stdio: 'pipe',
    timeout: 420_000,
  });
  const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> };
  stories = Object.values(index.entries).filter((e) => e.type === 'story');
  server = await serveStatic(out);
  browser = await launchChromium();
}, 480_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('Storybook', () => {
  it('has stories for the playground, the headless hooks and the components', () => {
    const titles = new Set(stories.map((s) => s.title.split('/')[0]));
    expect(titles.has('Headless')).toBe(true);
    expect(stories.length).toBeGreaterThan(0);
  });

  it('renders every story without a thrown error or a console error', async () => {
    const failures: string[] = [];
    for (const story of stories) {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
      });
      await page.goto(`${server.url}/iframe.html?id=${story.id}&viewMode=story`, { waitUntil: 'load' });
      // A story renders into #storybook-root; Storybook shows .sb-show-errordisplay on a render error.
      await page.waitForFunction(
        () => (document.querySelector('#storybook-root')?.childElementCount ?? 0) > 0 || document.body.classList.contains('sb-show-errordisplay'),
        undefined,
        { timeout: 20_000 },
      ).catch(() => problems.push('nothing rendered within 20 s'));
      // Let effects (embedded server start-up, seeding) run and report.
      await page.waitForTimeout(400);
      if (await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))) {
        problems.push(`error display: ${(await page.textContent('#error-message').catch(() => '')) ?? ''}`);
      }
      if (problems.length) failures.push(`${story.id}\n  ${problems.join('\n  ')}`);
      await page.close();
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
