// Jump-to-message benchmark: in a conversation of N messages open at
// the latest (and standing still, as a reader sees it before clicking), jump to
// a message 99% of the way back, as a click on a search result does, and time
// it until that message's row is painted in the list and highlighted. natter's MessageList (packed package, embedded server in the
// page holding the history: the page around the target is fetched) vs
// stream-chat-react's own `jumpToMessage` (every message already in its
// channel state, driven offline as the list bench does) vs a bare
// react-virtuoso `scrollToIndex` over every message in memory (the floor).
// Each contender is a page of one production Vite build (bench/support/bench-pages.ts);
// a fresh page per run; contenders alternate within each round. Medians and min–max over rounds.
// Run: node --import tsx bench/jump/jump.bench.ts [--messages 100000] [--rounds 5]
//      [--contenders natter,stream-chat-react,react-virtuoso] [--step-timeout-ms 60000]
// Prints one JSON document on stdout (progress on stderr).
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../test/support/chromium';
import { serveStatic } from '../../test/support/static-server';
import { ratio, stats, type Stats } from '../list/stats';
import { builtPages } from '../support/bench-pages';

const argOf = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const MESSAGES = Number(argOf('messages') ?? 100_000);
const ROUNDS = Math.max(1, Number(argOf('rounds') ?? 5));
const PAGES = { natter: 'natter', 'stream-chat-react': 'stream', 'react-virtuoso': 'virtuoso' } as const;
type Contender = keyof typeof PAGES;
const WANTED = (argOf('contenders')?.split(',') ?? Object.keys(PAGES)) as Contender[];
/** The message jumped to: 99% of the way back from the latest. */
const TARGET = Math.floor(MESSAGES * 0.01);
/**
 * A bound on each step's hang (page start, first paint, standing still, the jump), never a speed
 * check. The smoke run's 2,000 messages take it lower: a contender that broke would cost the test
 * suite 15 s, not 60.
 */
const STEP_TIMEOUT_MS = Number(argOf('step-timeout-ms') ?? 60_000);
const log = (s: string) => process.stderr.write(`${s}\n`);

/** One jump on a fresh page: ms from the jump to the painted, highlighted target row. */
async function oneRun(browser: Browser, url: string, errors: string[]): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 800, height: 1000 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(
      () => window.__jumpBench?.ready === true || window.__jumpBenchError !== undefined,
      undefined,
      {
        timeout: STEP_TIMEOUT_MS,
      },
    );
    const failed = await page.evaluate(() => window.__jumpBenchError);
    if (failed) throw new Error(`page start-up failed: ${failed}`);
    await page.evaluate((n) => window.__jumpBench!.start(n), MESSAGES);
    // Open at the latest first: the latest message's row is painted.
    await page.waitForFunction(
      (last) => document.getElementById('list')!.textContent.includes(`#${last}#`),
      MESSAGES - 1,
      { timeout: STEP_TIMEOUT_MS },
    );
    // Then the list stands still, as it has by the time a reader clicks a search result.
    await page.evaluate((cap) => window.__jumpBench!.settled(cap), STEP_TIMEOUT_MS);
    return await page.evaluate(([i, cap]) => window.__jumpBench!.jump(i, cap), [TARGET, STEP_TIMEOUT_MS] as const);
  } finally {
    await context.close().catch(() => undefined);
  }
}

const built = await builtPages(['jump']);
const server = await serveStatic(built.dir);
const browser = await launchChromium();
try {
  const runs = new Map<Contender, number[]>(WANTED.map((c) => [c, []]));
  const errors = new Map<Contender, string[]>(WANTED.map((c) => [c, []]));
  for (let r = 0; r < ROUNDS; r++) {
    const order = WANTED.map((_, k) => WANTED[(k + r) % WANTED.length]!);
    for (const c of order) {
      try {
        const ms = await oneRun(browser, `${server.url}/jump/${PAGES[c]}.html`, errors.get(c)!);
        runs.get(c)!.push(ms);
        log(`round ${r + 1}: ${c} ${ms.toFixed(1)} ms`);
      } catch (e) {
        errors.get(c)!.push(e instanceof Error ? e.message.split('\n')[0]! : String(e));
        log(`round ${r + 1}: ${c} failed: ${String(e)}`);
      }
    }
  }
  const result: Record<string, { runs: number; jumpMs: Stats; errors: string[] }> = {};
  for (const c of WANTED)
    result[c] = { runs: runs.get(c)!.length, jumpMs: stats(runs.get(c)!), errors: errors.get(c)! };
  process.stdout.write(
    JSON.stringify({
      messages: MESSAGES,
      target: TARGET,
      rounds: ROUNDS,
      contenders: result,
      ratios: {
        natterToStream: ratio(result.natter?.jumpMs.median, result['stream-chat-react']?.jumpMs.median),
        natterToFloor: ratio(result.natter?.jumpMs.median, result['react-virtuoso']?.jumpMs.median),
      },
    }) + '\n',
  );
} finally {
  await browser.close();
  await server.close();
  built.dispose();
}
