// axe-core on the chat screens (the conversation features' panels among them)
// in the dark theme and in Arabic (right to left), through Storybook's toolbar
// globals: no serious or critical violation. (Every story in the light theme
// is audited by storybook.test.ts as it renders it.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { seriousViolations, storySettled } from '../support/axe';
import { launchChromium } from '../support/chromium';
import { openStorybook, type IndexEntry, type StorybookSite } from '../support/storybook-site';
import { switchEntry } from '../support/storybook-preview';

let site: StorybookSite;
let browser: Browser;
let screens: IndexEntry[] = [];

beforeAll(async () => {
  site = await openStorybook();
  screens = site.entries.filter(
    (e) =>
      e.type === 'story' &&
      (e.id.startsWith('components-chat--') ||
        e.id.startsWith('components-chat-features--') ||
        e.id.startsWith('components-callinvitemodal') ||
        e.id === 'playground--three-users'),
  );
  browser = await launchChromium();
}, 480_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('axe-core beyond the light theme', () => {
  for (const globals of ['theme:dark', 'locale:ar']) {
    it(`has no serious or critical violation on the chat screens (${globals})`, async () => {
      expect(screens.length).toBeGreaterThan(2);
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const failures: string[] = [];
      // What the toolbar global makes natter's story wrapper show (stories/support/natter-decorator.tsx).
      const shown = globals === 'theme:dark' ? '[data-natter-theme="dark"]' : '[lang="ar"]';
      let switchedShowingGlobals = 0;
      try {
        for (const [i, story] of screens.entries()) {
          // The globals given on loading the preview stay while stories are switched in it.
          if (i === 0) await page.goto(`${site.story(story.id)}&globals=${globals}`);
          else expect(await switchEntry(page, story.id, 'story'), story.id).not.toMatch(/missing|timeout/);
          await storySettled(page);
          if (i > 0 && (await page.locator(`#storybook-root ${shown}`).count()) > 0) switchedShowingGlobals++;
          for (const f of await seriousViolations(page))
            failures.push(`${story.id}: ${f.id} (${f.impact}) ${f.help} → ${f.targets.join(' | ')}`);
        }
      } finally {
        await page.close();
      }
      expect(failures).toEqual([]);
      expect(switchedShowingGlobals).toBeGreaterThan(0);
    }, 300_000);
  }

  it('Arabic lays the chat out right to left', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(site.story('playground--arabic'));
      const list = page.getByRole('navigation', { name: 'المحادثات' }).first();
      await list.waitFor({ timeout: 30_000 });
      expect(await list.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
      // The conversation list sits on the right of the open conversation.
      const log = page.getByRole('log', { name: 'الرسائل' }).first();
      const [l, m] = [await list.boundingBox(), await log.boundingBox()];
      expect(l !== null && m !== null && l.x > m.x).toBe(true);
    } finally {
      await page.close();
    }
  }, 60_000);
});
