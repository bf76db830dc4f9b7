// User journeys through the drop-in UI in Chromium, on the built Storybook's
// Playground (several users side by side on one embedded server), driven only
// by role and accessible name: two users chat and both see read state settle;
// an image sent by paste and by drag; a call rung, answered in one place and
// declined in another; a group of five where three read and the who-read list
// names them; a long history scrolled up while a new message arrives. Each in
// light and dark, English and Chinese, at 1280 px and 390 px (four
// combinations covering every pair, playground-driver.ts), with a screenshot
// of each under test-results/journeys/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { copyPngToClipboard } from '../support/clipboard';
import { openStorybook, type StorybookSite } from '../support/storybook-site';
import {
  COMBOS,
  comboName,
  dropPng,
  openPlayground,
  scrollUntilSeen,
  type Combo,
  type Playground,
} from './playground-driver';

let site: StorybookSite;
let browser: Browser;

beforeAll(async () => {
  site = await openStorybook();
  browser = await launchChromium();
}, 480_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.each(COMBOS.map((c) => [comboName(c), c] as [string, Combo]))('%s', (_name, combo) => {
  let pg: Playground;

  beforeAll(async () => {
    pg = await openPlayground(browser, site, combo);
  }, 60_000);

  afterAll(async () => {
    await pg?.close();
  });

  it('two users chat and both see read state settle', async () => {
    const { s, pane } = pg;
    const alice = pane('Alice');
    const bob = pane('Bob');
    // Alice opens at her chat with Bob; Bob has not read Alice's seeded messages yet.
    const aliceLog = alice.getByRole('log', { name: s.messageList.logLabel });
    const delivered = aliceLog.getByRole('img', { name: s.messageList.statusDelivered }).first();
    await delivered.waitFor();
    const tickStyle = (el: Element) => {
      const cs = getComputedStyle(el);
      return `${cs.color}|${cs.opacity}`;
    };
    const deliveredLook = await delivered.evaluate(tickStyle);
    const text = `Hi Bob ${Date.now()}`;
    const box = alice.getByRole('textbox', { name: s.input.messageLabel });
    await box.fill(text);
    await box.press('Enter');
    // Bob opens the chat from his list with the keyboard; in the narrow layout focus follows to his message box.
    await pg.openConversation('Bob', 'Alice', { keyboard: true });
    expect(
      await pg.page.evaluate(() => document.activeElement !== null && document.activeElement !== document.body),
    ).toBe(true);
    if (combo.width < 600)
      expect(
        await bob.getByRole('textbox', { name: s.input.messageLabel }).evaluate((el) => el === document.activeElement),
      ).toBe(true);
    await bob.getByRole('log').getByText(text, { exact: true }).waitFor();
    // Bob's conversation fits on his screen: opening it is reading it. Alice's ticks all turn to read.
    await expect
      .poll(() => aliceLog.getByRole('img', { name: s.messageList.statusDelivered }).count(), { timeout: 10_000 })
      .toBe(0);
    const read = aliceLog.getByRole('img', { name: s.messageList.statusRead }).last();
    // Read looks different from delivered (colour or strength), not only to screen readers.
    expect(await read.evaluate(tickStyle)).not.toBe(deliveredLook);
    // Bob answers with a :shortcode:; Alice sees it at once as an emoji (no "new messages" button for a
    // message on screen), and Bob's tick turns read.
    const reply = `Hello Alice ${Date.now()} :tada:`;
    await bob.getByRole('textbox', { name: s.input.messageLabel }).fill(reply);
    await bob.getByRole('textbox', { name: s.input.messageLabel }).press('Enter');
    await aliceLog.getByText(reply.replace(':tada:', '🎉'), { exact: true }).waitFor();
    expect(await alice.getByRole('button', { name: new RegExp(escape(s.messageList.newMessages(1))) }).count()).toBe(0);
    const bobLog = bob.getByRole('log');
    await expect
      .poll(() => bobLog.getByRole('img', { name: s.messageList.statusRead }).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await pg.shot('chat-read-state');
  }, 60_000);

  it('sends an image by paste and another by drag; the viewer shows it whole and keeps focus inside', async () => {
    const { s, pane, page } = pg;
    const alice = pane('Alice');
    const bob = pane('Bob');
    const box = bob.getByRole('textbox', { name: s.input.messageLabel });
    await copyPngToClipboard(page, { width: 48, height: 32, color: '#2a9d8f' });
    await box.click();
    await page.keyboard.press('Control+V');
    await bob.getByRole('list', { name: s.input.attachmentsLabel }).waitFor();
    await box.press('Enter');
    const openImage = (name: string) => alice.getByRole('button', { name: s.messageList.openImage(name), exact: true });
    await expect
      .poll(() => alice.getByRole('button', { name: new RegExp(`^${escape(s.messageList.openImage(''))}`) }).count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);

    await dropPng(box, 'dropped.png', '#e76f51');
    await bob.getByRole('list', { name: s.input.attachmentsLabel }).waitFor();
    await box.press('Enter');
    await openImage('dropped.png').waitFor({ timeout: 15_000 });

    // Alice opens it: the viewer covers the whole window (not clipped by her chat's box).
    await openImage('dropped.png').click();
    const viewer = page.getByRole('dialog', { name: s.messageList.lightboxLabel });
    await viewer.waitFor();
    const vp = page.viewportSize() as { width: number; height: number };
    const rect = await viewer.boundingBox();
    expect(rect && [Math.round(rect.x), Math.round(rect.y), Math.round(rect.width), Math.round(rect.height)]).toEqual([
      0,
      0,
      vp.width,
      vp.height,
    ]);
    const img = await viewer.getByRole('img').boundingBox();
    expect(
      img !== null && img.x >= 0 && img.y >= 0 && img.x + img.width <= vp.width && img.y + img.height <= vp.height,
    ).toBe(true);
    // The rest of the page is inert: Tab reaches nothing outside the viewer (past its last control
    // the browser's own UI may take focus, leaving the page's active element at <body>).
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      expect(
        await viewer.evaluate((d) => d.contains(document.activeElement) || document.activeElement === document.body),
      ).toBe(true);
    }
    // It is the page's modal element (the platform makes everything else inert).
    expect(await viewer.evaluate((d) => d.matches(':modal'))).toBe(true);
    await pg.shot('image-viewer');
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
    expect(await openImage('dropped.png').evaluate((el) => el === document.activeElement)).toBe(true);
  }, 60_000);

  it('rings a group call: Enter typed meanwhile answers nothing, one answers, another declines', async () => {
    const { s, pane } = pg;
    const alice = pane('Alice');
    const bob = pane('Bob');
    const carol = pane('Carol');
    // First Bob rings Alice while she has his chat open: his avatar has one colour in her header and in the call.
    await bob.getByRole('button', { name: s.call.voiceCall, exact: true }).click();
    const fromBob = alice.getByRole('dialog');
    await fromBob.waitFor({ timeout: 15_000 });
    const avatarColour = (el: Element) => getComputedStyle(el).backgroundColor;
    const inHeader = await alice
      .getByRole('heading', { name: 'Bob', exact: true })
      .locator('xpath=ancestor::header[1]')
      .locator('.natter-avatar')
      .evaluate(avatarColour);
    expect(await fromBob.locator('.natter-avatar').evaluate(avatarColour)).toBe(inHeader);
    await bob.getByRole('dialog').getByRole('button', { name: s.call.cancel }).click();
    await fromBob.waitFor({ state: 'detached', timeout: 15_000 });
    // Alice is typing when the call comes.
    const box = alice.getByRole('textbox', { name: s.input.messageLabel });
    await box.click();
    await box.pressSequentially('on my way');
    await pg.openConversation('Carol', 'Team');
    await carol.getByRole('button', { name: s.call.voiceCall, exact: true }).click();
    const ringing = alice.getByRole('dialog');
    await ringing.waitFor({ timeout: 15_000 });
    await pg.page.keyboard.press('Enter');
    await pg.page.keyboard.press('Escape');
    // Still ringing: neither Enter nor Escape answered or declined it.
    await ringing.getByRole('button', { name: s.call.accept }).waitFor();
    expect(await ringing.getByRole('button', { name: s.call.decline }).isVisible()).toBe(true);
    await pg.shot('call-ringing');
    await ringing.getByRole('button', { name: s.call.accept }).click();
    await ringing.waitFor({ state: 'detached', timeout: 15_000 });
    const bobRinging = bob.getByRole('dialog');
    await bobRinging.getByRole('button', { name: s.call.decline }).click();
    await bobRinging.waitFor({ state: 'detached', timeout: 15_000 });
    // The caller's dialog ends once someone answered, and the call connects: caller and callee are
    // in the call view with its controls. Both hang up, so the next journey starts without a call.
    await carol.getByRole('dialog').waitFor({ state: 'detached', timeout: 15_000 });
    const hangUpOf = (who: typeof alice) => who.getByRole('button', { name: s.inCall.hangUp, exact: true });
    await hangUpOf(carol).waitFor({ timeout: 15_000 });
    await hangUpOf(alice).click();
    if (await hangUpOf(carol).isVisible()) await hangUpOf(carol).click();
    for (const who of [alice, carol]) await hangUpOf(who).waitFor({ state: 'detached', timeout: 15_000 });
  }, 60_000);

  it('a group of five: three read, and the who-read list names them', async () => {
    const { s, pane } = pg;
    await pg.addUser();
    await pg.addUser();
    await pane('user5').waitFor();
    // Long enough to fill the bubble's width: its actions menu must still fit inside the list.
    const text = `Standup notes ${Date.now()}: shipping the release today, reviews first, then the changelog and the announcement`;
    await pg.openConversation('Alice', 'Team');
    const alice = pane('Alice');
    await alice.getByRole('textbox', { name: s.input.messageLabel }).fill(text);
    await alice.getByRole('textbox', { name: s.input.messageLabel }).press('Enter');
    for (const reader of ['Bob', 'Carol', 'Dave']) {
      await pg.openConversation(reader, 'Team');
      // A newcomer's list opens at the unread divider: they scroll down to the newest message.
      await scrollUntilSeen(pg.page, pane(reader).getByRole('log'), text);
    }
    const row = alice.getByRole('log').locator('[data-natter-message]').filter({ hasText: text });
    await row
      .getByRole('img', { name: s.messageList.readBy(3) })
      .waitFor({ timeout: 30_000 })
      .catch(async (e: unknown) => {
        await pg.shot('group-readers-failed');
        throw new Error(`${String(e)}\nreceipt: ${await row.getByRole('img').last().getAttribute('aria-label')}`);
      });
    // From the keyboard: the message takes focus, Enter opens its menu; the focused item shows a focus ring.
    await row.getByText(text, { exact: true }).click();
    await pg.page.keyboard.press('Enter');
    const menu = alice.getByRole('menu', { name: s.messageList.messageActions });
    await menu.waitFor();
    const focused = alice.getByRole('menuitem').first();
    await expect.poll(() => focused.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    const [menuBox, logBox] = [await menu.boundingBox(), await alice.getByRole('log').boundingBox()];
    expect(
      menuBox !== null &&
        logBox !== null &&
        menuBox.x >= logBox.x &&
        menuBox.x + menuBox.width <= logBox.x + logBox.width + 0.5 &&
        menuBox.y >= logBox.y,
    ).toBe(true);
    await alice.getByRole('menuitem', { name: s.messageList.showReaders }).click();
    const readers = row.getByRole('status');
    await expect.poll(async () => (await readers.textContent()) ?? '', { timeout: 10_000 }).toContain('Dave');
    const said = (await readers.textContent()) ?? '';
    for (const name of ['Bob', 'Carol', 'Dave']) expect(said).toContain(name);
    expect(said).not.toContain('user5');
    await pg.shot('group-readers');
    expect(pg.errors).toEqual([]);
  }, 90_000);
});

describe.each(COMBOS.map((c) => [comboName(c), c] as [string, Combo]))('long history, %s', (_name, combo) => {
  it('scrolled up in a long history, a new message is counted on a button that brings it into view', async () => {
    const pg = await openPlayground(browser, site, combo, 'playground--long-history');
    try {
      const { s, pane, page } = pg;
      const alice = pane('Alice');
      const log = alice.getByRole('log', { name: s.messageList.logLabel });
      // The page writes 1,500 messages into its embedded server before the chat settles: slow on a busy machine.
      await log.getByRole('img', { name: s.messageList.statusDelivered }).first().waitFor({ timeout: 100_000 });
      await log.hover();
      for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -1500);
      await pg.openConversation('Bob', 'Alice');
      const text = `While you were reading ${Date.now()}`;
      await pane('Bob').getByRole('textbox', { name: s.input.messageLabel }).fill(text);
      await pane('Bob').getByRole('textbox', { name: s.input.messageLabel }).press('Enter');
      const jump = alice.getByRole('button', { name: new RegExp(`^${escape(s.messageList.newMessages(1))}`) });
      await jump.waitFor({ timeout: 15_000 });
      await pg.shot('long-history-new-message');
      await jump.click();
      await log.getByText(text, { exact: true }).waitFor();
      await expect.poll(() => jump.count()).toBe(0);
      expect(pg.errors).toEqual([]);
    } finally {
      await pg.close();
    }
  }, 180_000);
});
