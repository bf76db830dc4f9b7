// Takes the README's screenshot of the real Playground story: builds Storybook
// (or reuses --storybook <dir>), opens the Playground in headless Chromium, lets
// the three users exchange a few messages, and writes docs/playground.png.
// Run: npx tsx scripts/screenshot-playground.ts [--storybook <built dir>]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../test/support/chromium';
import { serveStatic } from '../test/support/static-server';

const given = process.argv.indexOf('--storybook');
const dir = given >= 0 ? process.argv[given + 1]! : mkdtempSync(join(tmpdir(), 'natter-sb-'));
if (given < 0) {
  execFileSync(process.execPath, ['node_modules/storybook/dist/bin/dispatcher.js', 'build', '-o', dir, '--quiet'], {
    stdio: 'inherit',
  });
}
const server = await serveStatic(dir);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 760 }, deviceScaleFactor: 1 });
  await page.goto(`${server.url}/iframe.html?id=playground--three-users&viewMode=story`);
  const pane = (name: string) => page.getByRole('region', { name: `${name}'s chat` });
  await pane('Carol').waitFor({ timeout: 30_000 });
  await pane('Bob').locator('[data-conversation="single:alice"]').click();
  await pane('Carol').locator('[data-conversation="group:team"]').click();
  const say = async (who: string, text: string) => {
    const box = pane(who).getByRole('textbox', { name: 'Message' });
    await box.fill(text);
    await box.press('Enter');
  };
  await say('Alice', 'Lunch at noon? 🍜');
  await say('Bob', 'Sure — see you there 👍');
  await say('Carol', 'Count me in too!');
  await page.waitForTimeout(800);
  await page.screenshot({ path: 'docs/playground.png' });
  console.log('wrote docs/playground.png');
} finally {
  await browser.close();
  await server.close();
  if (given < 0) rmSync(dir, { recursive: true, force: true });
}
