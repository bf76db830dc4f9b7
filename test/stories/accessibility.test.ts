// axe-core on every story of the built Storybook in Chromium: no serious or
// critical violation in what the story renders (natter's components and the
// stories' own frames), in the light theme and, through Storybook's toolbar
// global, the dark theme and Arabic (right to left).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { openStorybook, type IndexEntry, type StorybookSite } from '../support/storybook-site';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let site: StorybookSite;
let browser: Browser;
let stories: IndexEntry[] = [];

beforeAll(async () => {
  site = await openStorybook();
  stories = site.entries.filter((e) => e.type === 'story');
  browser = await launchChromium();
}, 480_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

interface Finding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

async function audit(page: Page, url: string): Promise<Finding[]> {
  await page.goto(url);
  await page.waitForFunction(() => (document.querySelector('#storybook-root')?.childElementCount ?? 0) > 0, undefined, { timeout: 20_000 });
  // Scenes start an embedded server and seed it: wait until no start-up line is left, then a moment for effects.
  await page.waitForFunction(() => !/Starting the embedded server/.test(document.querySelector('#storybook-root')?.textContent ?? ''), undefined, { timeout: 20_000 });
  await page.waitForTimeout(600);
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run({ include: ['#storybook-root'] }, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
}

describe('axe-core on every story', () => {
  for (const globals of ['', 'theme:dark', 'locale:ar']) {
    it(`has no serious or critical violation${globals ? ` (${globals})` : ''}`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const failures: string[] = [];
      try {
        // Light covers every story; dark and Arabic cover the components (the docs pages set their own look).
        for (const story of stories.filter((s) => !globals || !s.id.startsWith('docs-'))) {
          const url = `${site.story(story.id)}${globals ? `&globals=${globals}` : ''}`;
          const found = await audit(page, url).catch((e: unknown) => [{ id: 'load', impact: 'critical', help: String(e), targets: [] }]);
          for (const f of found) failures.push(`${story.id}: ${f.id} (${f.impact}) ${f.help} → ${f.targets.join(' | ')}`);
        }
      } finally {
        await page.close();
      }
      expect(failures).toEqual([]);
    }, 600_000);
  }
});
