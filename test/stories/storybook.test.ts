// Opens the shared Storybook build, shows every docs page and story in one headless
// Chromium page, switching entries as Storybook's UI does (a story that throws, logs a
// console error, shows Storybook's error screen or has a serious or critical axe-core
// violation fails), and drives the Playground end to end: three users on one embedded server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { copyPngToClipboard } from '../support/clipboard';
import { seriousViolations } from '../support/axe';
import { openStorybook, type IndexEntry, type StorybookSite } from '../support/storybook-site';
import { switchEntry } from '../support/storybook-preview';

let site: StorybookSite;
let server: { url: string };
let browser: Browser;
let stories: IndexEntry[] = [];
let docs: IndexEntry[] = [];
/** The one page the docs and stories are shown in, and what it reported since the last switch. */
let page: Page;
let problems: string[] = [];

beforeAll(async () => {
  site = await openStorybook();
  server = site;
  stories = site.entries.filter((e) => e.type === 'story');
  docs = site.entries.filter((e) => e.type === 'docs');
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });
}, 480_000);

/**
 * Shows each entry in turn in one page: the first by loading the preview, the others by switching
 * in it as Storybook's UI does (reloading the preview bundle per entry cost most of this file's time).
 * `check` gets the entry's label and the errors the page reported since the switch began (a
 * previous entry's unmount included, hence the label names it).
 */
async function visitAll(
  entries: IndexEntry[],
  viewMode: 'story' | 'docs',
  check: (entry: string, problems: string[]) => Promise<void>,
): Promise<void> {
  let previous: string | undefined;
  for (const entry of entries) {
    problems = [];
    if (previous === undefined) {
      await page.goto(`${server.url}/iframe.html?id=${entry.id}&viewMode=${viewMode}`, { waitUntil: 'load' });
    } else {
      const outcome = await switchEntry(page, entry.id, viewMode);
      if (outcome === 'missing' || outcome === 'timeout') problems.push(`switching to it: ${outcome}`);
    }
    await check(previous === undefined ? entry.id : `${entry.id} (shown after ${previous})`, problems);
    previous = entry.id;
  }
}

afterAll(async () => {
  await page?.close();
  await browser?.close();
  await site?.close();
});

describe('Storybook', () => {
  it('renders every docs page (autodocs props tables and MDX) without an error', async () => {
    const failures: string[] = [];
    await visitAll(docs, 'docs', async (entry, problems) => {
      await page
        .waitForFunction(
          () =>
            (document.querySelector('#storybook-docs')?.textContent?.length ?? 0) > 0 ||
            document.body.classList.contains('sb-show-errordisplay'),
          undefined,
          { timeout: 20_000 },
        )
        .catch(() => problems.push('no docs rendered within 20 s'));
      await page.waitForTimeout(400);
      if (await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay')))
        problems.push('error display');
      if (problems.length) failures.push(`${entry}\n  ${problems.join('\n  ')}`);
    });
    expect(failures).toEqual([]);
  }, 600_000);

  it('has stories for the playground, the headless hooks and the components', () => {
    const titles = new Set(stories.map((s) => s.title.split('/')[0]));
    expect(titles.has('Headless')).toBe(true);
    expect(stories.length).toBeGreaterThan(0);
  });

  it('renders every story without a thrown error, a console error or a serious axe-core violation', async () => {
    const failures: string[] = [];
    const violations: string[] = [];
    await visitAll(stories, 'story', async (entry, problems) => {
      // A story renders into #storybook-root; Storybook shows .sb-show-errordisplay on a render error.
      await page
        .waitForFunction(
          () =>
            (document.querySelector('#storybook-root')?.childElementCount ?? 0) > 0 ||
            document.body.classList.contains('sb-show-errordisplay'),
          undefined,
          { timeout: 20_000 },
        )
        .catch(() => problems.push('nothing rendered within 20 s'));
      // Let effects (embedded server start-up, seeding) run and report.
      await page.waitForTimeout(400);
      if (await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))) {
        problems.push(`error display: ${(await page.textContent('#error-message').catch(() => '')) ?? ''}`);
      }
      if (problems.length) failures.push(`${entry}\n  ${problems.join('\n  ')}`);
      else {
        // Scenes seed an embedded server first; audit what the story shows once that is done.
        await page
          .waitForFunction(
            () => !/Starting the embedded server/.test(document.querySelector('#storybook-root')?.textContent ?? ''),
            undefined,
            { timeout: 20_000 },
          )
          .catch(() => undefined);
        for (const f of await seriousViolations(page))
          violations.push(`${entry}: ${f.id} (${f.impact}) ${f.help} → ${f.targets.join(' | ')}`);
      }
    });
    expect(failures).toEqual([]);
    expect(violations).toEqual([]);
  }, 600_000);
});

describe('Playground', () => {
  it("carries a typed message from Alice to Bob, a pasted image from Bob to Alice, and Carol's call to Alice", async () => {
    const context = await browser.newContext({ viewport: { width: 1500, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    try {
      await page.goto(`${server.url}/iframe.html?id=playground--three-users&viewMode=story`);
      const pane = (name: string): Locator => page.getByRole('region', { name: `${name}'s chat` });
      const alice = pane('Alice');
      const bob = pane('Bob');
      const carol = pane('Carol');
      await carol.waitFor({ timeout: 30_000 });

      // Alice has her chat with Bob open; she types and presses Enter.
      const text = `Hello Bob, it is ${Date.now()}`;
      await alice.getByRole('textbox', { name: 'Message' }).fill(text);
      await alice.getByRole('textbox', { name: 'Message' }).press('Enter');
      await bob.locator('[data-conversation="single:alice"]').click();
      await bob.getByRole('log').getByText(text).waitFor({ timeout: 15_000 });

      // Bob pastes an image from the clipboard and sends it; it shows in Alice's pane.
      await copyPngToClipboard(page, { width: 48, height: 32, color: '#2a9d8f' });
      const bobBox = bob.getByRole('textbox', { name: 'Message' });
      await bobBox.click();
      await page.keyboard.press('Control+V');
      await bob.getByRole('list', { name: 'Attachments' }).waitFor({ timeout: 10_000 });
      await bobBox.press('Enter');
      const aliceImages = alice.getByRole('log').locator('img[src^="blob:"]');
      await expect.poll(() => aliceImages.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await expect
        .poll(() => aliceImages.last().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), {
          timeout: 15_000,
        })
        .toBe(48);

      // Carol calls Alice; Alice's pane rings and she accepts.
      await carol.locator('[data-conversation="single:alice"]').click();
      await carol.getByRole('button', { name: 'Voice call' }).click();
      const ringing = alice.getByRole('dialog');
      await ringing.waitFor({ timeout: 15_000 });
      expect(await ringing.textContent()).toContain('Carol');
      await ringing.getByRole('button', { name: 'Accept' }).click();
      await ringing.waitFor({ state: 'detached', timeout: 15_000 });
      // Carol's outgoing call closes once her only invitee answered.
      await carol.getByRole('dialog').waitFor({ state: 'detached', timeout: 15_000 });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
