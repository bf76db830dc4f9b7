// Runs the stories' play functions in the shared Storybook build, in Headless
// Chromium: each story with one (the conversation features act there as a
// user, by role and label) is opened, and its play must run to the end with
// no failed assertion, thrown error or console error. The feature stories are
// played in the light theme in English and again in the dark theme in German,
// since their plays find controls by the labels of the story's locale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { openStorybook, type IndexEntry, type StorybookSite } from '../support/storybook-site';

let site: StorybookSite;
let browser: Browser;
let played: IndexEntry[] = [];

/** The feature stories that must have a play function. */
const FEATURE_STORIES = [
  'components-messagelist-features--reactions',
  'components-messagelist-features--replies-and-edits',
  'components-messagelist-features--pins-forwards-and-deletes',
  'components-chat-features--pins-and-mentions',
  'components-chat-features--mention-badge-dark',
  'components-chat-features--thread-unread',
  'components-chat-features--thread',
  'components-chat-features--forward',
];

beforeAll(async () => {
  site = await openStorybook();
  played = site.entries.filter((e) => e.type === 'story' && e.tags?.includes('play-fn'));
  browser = await launchChromium();
}, 480_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Opens a story and waits until Storybook has finished it (play included); returns what went wrong. */
async function play(page: Page, url: string): Promise<string[]> {
  const problems: string[] = [];
  const onError = (e: Error) => problems.push(`pageerror: ${e.message}`);
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  };
  page.on('pageerror', onError);
  page.on('console', onConsole);
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page
      .waitForFunction(
        () =>
          (window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } })
            .__STORYBOOK_PREVIEW__?.currentRender?.phase === 'finished',
        undefined,
        { timeout: 90_000 },
      )
      .catch(() => problems.push('the story did not finish within 90 s'));
    const shown = await page.evaluate(() =>
      document.body.classList.contains('sb-show-errordisplay')
        ? (document.querySelector('#error-message')?.textContent ?? 'error display')
        : null,
    );
    if (shown !== null) problems.push(`play failed: ${shown.slice(0, 600)}`);
  } finally {
    page.off('pageerror', onError);
    page.off('console', onConsole);
  }
  return problems;
}

describe('story play functions', () => {
  it('every conversation-feature story has a play function', () => {
    const ids = new Set(played.map((e) => e.id));
    expect(FEATURE_STORIES.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('every play function runs to the end without a failure', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const failures: string[] = [];
    try {
      for (const story of played) {
        const problems = await play(page, site.story(story.id));
        if (problems.length) failures.push(`${story.id}\n  ${problems.join('\n  ')}`);
      }
    } finally {
      await page.close();
    }
    expect(failures).toEqual([]);
  }, 900_000);

  it('the feature stories play in German in the dark theme too (labels found in the story locale)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const failures: string[] = [];
    try {
      for (const id of FEATURE_STORIES) {
        const problems = await play(page, `${site.story(id)}&globals=locale:de;theme:dark`);
        if (problems.length) failures.push(`${id}\n  ${problems.join('\n  ')}`);
      }
    } finally {
      await page.close();
    }
    expect(failures).toEqual([]);
  }, 900_000);
});
