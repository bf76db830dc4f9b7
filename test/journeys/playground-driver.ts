// Owns driving the Playground story the way a person does: one page per
// combination of theme, language and width, each user's pane found by its
// label, every control by its role and accessible name in that language (the
// names come from natter's own string tables), and screenshots saved under
// test-results/ (CI keeps them as artifacts), with the page as it was last seen
// when a journey fails.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { stringsFor, type Strings } from '../../src/ui/index';
import { withInCallDefaults } from '../../src/ui/i18n/in-call-view-strings';
import type { StorybookSite } from '../support/storybook-site';
import { expect, onTestFailed } from 'vitest';
import { getCurrentTest } from 'vitest/suite';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface Combo {
  theme: 'light' | 'dark';
  locale: 'en' | 'zh-CN';
  width: 1280 | 390;
}

/**
 * Every pair of values of two of the three factors (theme, language, width) appears in some
 * combination: the four of a pairwise design instead of all eight. Each journey runs in each of them,
 * so every journey is seen in light and dark, English and Chinese, wide and narrow.
 */
export const COMBOS: Combo[] = [
  { theme: 'light', locale: 'en', width: 1280 },
  { theme: 'light', locale: 'zh-CN', width: 390 },
  { theme: 'dark', locale: 'en', width: 390 },
  { theme: 'dark', locale: 'zh-CN', width: 1280 },
];

export const comboName = (c: Combo): string => `${c.theme}-${c.locale}-${c.width}`;

/** The Playground's own labels (stories/playground/playground.tsx). */
const PANE_LABEL: Record<Combo['locale'], (name: string) => string> = {
  en: (n) => `${n}'s chat`,
  'zh-CN': (n) => `${n} 的聊天`,
};
const ADD_USER: Record<Combo['locale'], string> = { en: 'Add a user', 'zh-CN': '添加用户' };

const RESULTS = join(process.cwd(), 'test-results', 'journeys');

export interface Playground {
  page: Page;
  context: BrowserContext;
  combo: Combo;
  s: Strings;
  errors: string[];
  pane(name: string): Locator;
  /** Opens the conversation named `name` in `user`'s pane (from the list; in the narrow layout the list is the first pane). */
  openConversation(user: string, name: string, options?: { keyboard?: boolean }): Promise<void>;
  addUser(): Promise<void>;
  shot(journey: string): Promise<void>;
  close(): Promise<void>;
}

export async function openPlayground(
  browser: Browser,
  site: StorybookSite,
  combo: Combo,
  story = 'playground--three-users',
): Promise<Playground> {
  const context = await browser.newContext({
    viewport: { width: combo.width, height: combo.width > 600 ? 900 : 844 },
    deviceScaleFactor: 1,
  });
  const url = site.story(story, { theme: combo.theme, locale: combo.locale });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  // What the page showed when the journey ended (taken before its context closes), saved only for a
  // failed journey: a wait that timed out says what it waited for, not what was on the screen.
  let lastSeen: { png: Buffer; aria: string } | null = null;
  const look = async () => {
    if (page.isClosed()) return;
    const png = await page.screenshot({ fullPage: combo.width < 600 }).catch(() => null);
    const aria = await page
      .locator('body')
      .ariaSnapshot({ timeout: 5_000 })
      .catch((e: unknown) => `(no snapshot: ${String(e)})`);
    if (png) lastSeen = { png, aria };
  };
  // Only a page opened inside a test (not in a beforeAll shared by several) has a test to fail.
  // (expect's currentTestName still names the previous test in a later describe's beforeAll.)
  const inTest = getCurrentTest() !== undefined;
  if (inTest)
    onTestFailed(async ({ task }) => {
      await look();
      if (!lastSeen) return;
      mkdirSync(RESULTS, { recursive: true });
      const name = `FAILED-${task.name.replace(/[^\w-]+/g, '-').slice(0, 60)}-${comboName(combo)}`;
      writeFileSync(join(RESULTS, `${name}.png`), lastSeen.png);
      writeFileSync(join(RESULTS, `${name}.txt`), `${lastSeen.aria}\n\npage errors:\n${errors.join('\n')}\n`);
    });
  await page.goto(url);
  // As the UI shows them: the call view reads its built-in defaults under the table's inCall group.
  const table = stringsFor(combo.locale);
  const s: Strings = { ...table, inCall: withInCallDefaults(combo.locale, table.inCall) };
  const pane = (name: string) => page.getByRole('region', { name: PANE_LABEL[combo.locale](name), exact: true });
  // Seeding the page's embedded server takes a while on a busy machine.
  await pane('Carol').waitFor({ timeout: 60_000 });
  return {
    page,
    context,
    combo,
    s,
    errors,
    pane,
    async openConversation(user, name, options = {}) {
      const p = pane(user);
      const back = p.getByRole('button', { name: s.conversationList.backToList });
      if (await back.isVisible()) await back.click();
      const item = p
        .getByRole('navigation', { name: s.conversationList.listLabel })
        .getByRole('button', { name: new RegExp(`^${name}`) });
      if (options.keyboard) {
        await item.focus();
        await page.keyboard.press('Enter');
      } else await item.click();
      await p.getByRole('heading', { name, exact: true }).waitFor();
    },
    async addUser() {
      const panes = () =>
        page.getByRole('region', { name: new RegExp(escape(PANE_LABEL[combo.locale]('')).replace(/^/, '.+')) });
      const before = await panes().count();
      await page.getByRole('button', { name: ADD_USER[combo.locale] }).click();
      await expect.poll(() => panes().count(), { timeout: 15_000 }).toBeGreaterThan(before);
    },
    async shot(journey) {
      mkdirSync(RESULTS, { recursive: true });
      await page.screenshot({ path: join(RESULTS, `${journey}-${comboName(combo)}.png`), fullPage: combo.width < 600 });
    },
    async close() {
      if (inTest) await look();
      await context.close();
    },
  };
}

/** Drops a PNG file (drawn in the page) on `target`, as a file dragged from the desktop would be. */
export async function dropPng(target: Locator, name: string, color: string): Promise<void> {
  await target.evaluate(
    async (el, { name, color }) => {
      const canvas = document.createElement('canvas');
      canvas.width = 40;
      canvas.height = 30;
      const g = canvas.getContext('2d') as CanvasRenderingContext2D;
      g.fillStyle = color;
      g.fillRect(0, 0, 40, 30);
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b as Blob), 'image/png'));
      const data = new DataTransfer();
      data.items.add(new File([blob], name, { type: 'image/png' }));
      for (const type of ['dragenter', 'dragover', 'drop'] as const)
        el.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    { name, color },
  );
}

/**
 * Scrolls `log` with the mouse wheel, as a reader does, until the message with `text` lies inside
 * its visible box. Being rendered is not enough: the virtualised list also draws rows just outside
 * the viewport, and a row there is not read. Both boxes are read in one frame, before any wheel: at
 * 390 px the page scrolls too (a wheel over a list at its end scrolls the page, smoothly), and boxes
 * read one after the other during that scroll disagreed, failing a message long in view.
 */
export async function scrollUntilSeen(page: Page, log: Locator, text: string): Promise<void> {
  const message = log.getByText(text, { exact: true });
  // evaluateAll: no wait for a row the virtualiser has not drawn yet (none matches: not in view).
  const inView = (): Promise<boolean> =>
    message.evaluateAll((els) =>
      els.some((el) => {
        const view = el.closest('[role="log"]')?.getBoundingClientRect();
        const box = el.getBoundingClientRect();
        return view !== undefined && box.top >= view.top && box.bottom <= view.bottom + 0.5;
      }),
    );
  await expect
    .poll(
      async () => {
        if (await inView()) return true;
        await log.hover();
        await page.mouse.wheel(0, 4000);
        return false;
      },
      { timeout: 15_000, interval: 250, message: `"${text}" scrolled into view` },
    )
    .toBe(true);
}
