// The conversation features through the drop-in Chat in Debian's Chromium:
// a reaction picked with the keyboard, a reply and an edit made with the
// mouse, a pin from the keyboard, a mention picked from the suggestions and a
// pin opened from the strip with the keyboard, a thread reply and a forward
// with the mouse — each checked on screen (by role and label) and at the
// other user's client.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatEvent } from '../../src/protocol/frames';
import { launchChromium } from '../support/chromium';
import { buildFixture, openFixture } from '../support/fixture-site';
import { resolve } from 'node:path';

let browser: Browser;
let site: { url: string; close(): Promise<void> };

beforeAll(async () => {
  site = await buildFixture(resolve(import.meta.dirname, 'features-page'));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const events = (page: Page): Promise<ChatEvent[]> =>
  page.evaluate(() => (window as unknown as { __natter: { events: ChatEvent[] } }).__natter.events);

async function openChatWithBob(): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 900, height: 600 } });
  const page = await context.newPage();
  await openFixture(page, site.url);
  await page.getByRole('button', { name: /^bob/ }).click();
  await page.locator('[data-natter-message]', { hasText: 'hello from bob' }).waitFor();
  return { page, close: () => context.close() };
}

describe('conversation features in Chromium', () => {
  it('reacts with the keyboard: Enter opens the menu, the picker takes arrows and Enter, the reaction shows pressed and reaches bob', async () => {
    const { page, close } = await openChatWithBob();
    try {
      const row = page.locator('[data-natter-message]', { hasText: 'hello from bob' });
      await row.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('menuitem', { name: 'Add reaction' }).waitFor();
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Add reaction');
      await page.keyboard.press('Enter');
      await page.getByRole('toolbar', { name: 'Add reaction' }).waitFor();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      const reaction = page.getByRole('button', { name: '❤️ 1 reaction, including yours' });
      await reaction.waitFor();
      expect(await reaction.getAttribute('aria-pressed')).toBe('true');
      await expect
        .poll(async () =>
          (await events(page)).some((e) => e.type === 'messageUpdate' && e.message.reactions?.[0]?.emoji === '❤️'),
        )
        .toBe(true);
      await reaction.click();
      await expect.poll(() => page.getByRole('button', { name: /reaction/ }).count()).toBe(0);
    } finally {
      await close();
    }
  });

  it('replies and edits with the mouse: the quote shows in the bubble, the edit is marked, bob gets both', async () => {
    const { page, close } = await openChatWithBob();
    try {
      const row = page.locator('[data-natter-message]', { hasText: 'hello from bob' });
      await row.hover();
      await row.getByRole('button', { name: 'Message actions' }).click();
      await page.getByRole('menuitem', { name: 'Reply', exact: true }).click();
      await page.getByText('Replying to bob').waitFor();
      const box = page.getByRole('textbox', { name: 'Message' });
      await box.click();
      await box.fill('sure');
      await box.press('Enter');
      const quote = page.getByRole('button', { name: 'bob hello from bob', exact: true });
      expect(await quote.getAttribute('title')).toBe('In reply to bob');
      await quote.waitFor();
      const bobId = await page.evaluate(
        () => (window as unknown as { __natter: { bobMessageId: string } }).__natter.bobMessageId,
      );
      await expect
        .poll(async () =>
          JSON.stringify(
            (await events(page)).flatMap((e) =>
              e.type === 'message' && e.message.from === 'alice' && e.message.body.type === 'txt'
                ? [e.message.reply?.serverId]
                : [],
            ),
          ),
        )
        .toBe(JSON.stringify([bobId]));

      const mine = page.locator('[data-natter-message]', { hasText: 'sure' }).last();
      await mine.hover();
      await mine.getByRole('button', { name: 'Message actions' }).click();
      await page.getByRole('menuitem', { name: 'Edit' }).click();
      await page.getByText('Editing message').waitFor();
      expect(await box.inputValue()).toBe('sure');
      await box.fill('sure thing');
      await box.press('Enter');
      await mine.getByText('edited').waitFor();
      await expect
        .poll(async () =>
          (await events(page)).some(
            (e) =>
              e.type === 'messageUpdate' &&
              e.reason === 'edit' &&
              e.message.body.type === 'txt' &&
              e.message.body.msg === 'sure thing',
          ),
        )
        .toBe(true);
      await quote.click();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
        .toContain('hello from bob');
    } finally {
      await close();
    }
  });

  it('pins from the keyboard: the menu item turns into Unpin and bob gets the pins list', async () => {
    const { page, close } = await openChatWithBob();
    try {
      const row = page.locator('[data-natter-message]', { hasText: 'hello from bob' });
      await row.focus();
      await page.keyboard.press('Shift+F10');
      const pin = page.getByRole('menuitem', { name: 'Pin' });
      await pin.waitFor();
      await pin.focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(async () => (await events(page)).some((e) => e.type === 'pins' && e.pins.length === 1))
        .toBe(true);
      await row.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('menuitem', { name: 'Unpin' }).waitFor();
    } finally {
      await close();
    }
  });

  it('mentions and pins with the keyboard: the @ badge, a suggestion picked with arrows and Enter, a far-back pin opened from the strip', async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 600 } });
    const page = await context.newPage();
    try {
      await openFixture(page, site.url);
      const team = page.getByRole('button', { name: /^team/ });
      await team.getByText('1 mention of you').waitFor();
      await team.focus();
      await page.keyboard.press('Enter');
      const box = page.getByRole('textbox', { name: 'Message' });
      await box.focus();
      await page.keyboard.type('thanks @');
      const list = page.getByRole('listbox', { name: 'People to mention' });
      await list.waitFor();
      expect(await list.getByRole('option').allTextContents()).toEqual([
        '@allEveryone in this group',
        '@bob',
        '@carol',
      ]);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      const carol = list.getByRole('option', { name: '@carol' });
      expect(await carol.getAttribute('aria-selected')).toBe('true');
      expect(await box.getAttribute('aria-activedescendant')).toBe(await carol.getAttribute('id'));
      await page.keyboard.press('Enter');
      expect(await box.inputValue()).toBe('thanks @carol ');
      await page.keyboard.press('Enter');
      await expect
        .poll(async () =>
          (await events(page)).some(
            (e) =>
              e.type === 'message' &&
              e.message.body.type === 'txt' &&
              e.message.body.msg === 'thanks @carol' &&
              e.message.mentions?.users?.[0] === 'carol',
          ),
        )
        .toBe(true);

      const strip = page.getByRole('region', { name: 'Pinned messages' });
      const pin = strip.getByRole('button', { name: 'bob agenda far back' });
      await pin.focus();
      await page.keyboard.press('Enter');
      const target = page.locator('[data-jump-target]');
      await target.waitFor();
      expect(await target.textContent()).toContain('agenda far back');
      await page.getByRole('button', { name: 'Jump to latest' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('replies in a thread and forwards with the mouse: the panel and the dialog, bob gets both', async () => {
    const { page, close } = await openChatWithBob();
    try {
      const row = page.locator('[data-natter-message]', { hasText: 'hello from bob' });
      await row.hover();
      await row.getByRole('button', { name: 'Message actions' }).click();
      await page.getByRole('menuitem', { name: 'Reply in thread' }).click();
      const panel = page.getByRole('complementary', { name: 'Thread' });
      await panel.getByText('No replies yet').waitFor();
      const reply = panel.getByRole('textbox', { name: 'Reply in thread' });
      await reply.click();
      await reply.fill('in the thread');
      await panel.getByRole('button', { name: 'Send' }).click();
      await panel.getByText('in the thread').waitFor();
      await expect
        .poll(async () =>
          (await events(page)).some(
            (e) => e.type === 'threadReply' && e.message.body.type === 'txt' && e.message.body.msg === 'in the thread',
          ),
        )
        .toBe(true);
      await row.getByRole('button', { name: '1 reply' }).waitFor();
      await panel.getByRole('button', { name: 'Close thread' }).click();
      await panel.waitFor({ state: 'detached' });

      await row.hover();
      await row.getByRole('button', { name: 'Message actions' }).click();
      await page.getByRole('menuitem', { name: 'Forward' }).click();
      const dialog = page.getByRole('dialog', { name: 'Forward message' });
      await dialog.getByRole('checkbox', { name: 'team' }).click();
      await dialog.getByRole('button', { name: 'Forward' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect
        .poll(async () =>
          (await events(page)).some(
            (e) =>
              e.type === 'message' &&
              e.conversation === 'group:team' &&
              e.message.forwarded?.from === 'bob' &&
              e.message.body.type === 'txt' &&
              e.message.body.msg === 'hello from bob',
          ),
        )
        .toBe(true);
    } finally {
      await close();
    }
  });
});
