// Conversation list benchmark: natter's drop-in ConversationList from
// the packed package (as an app installs it) against stream-chat-react's
// ChannelList (offline, pages/stream.tsx) and a bare virtualizer floor,
// each a page of one production Vite build, for N conversations in headless
// Chromium. Per run (a fresh page each): first paint, DOM elements, JS heap the
// list keeps (CDP, after GC), time until a conversation with a new message is
// repainted at the top, and time to scroll to the oldest conversation (natter
// loads its pages from its in-page server on the way). Definitions live in
// pages/harness.ts. Contenders alternate within each round; medians and min–max.
// Each list is mounted once its page has settled (SETTLE_MS after its data was
// prepared): a page still finishing its load does work of its own in the first
// second or two (the same for every contender: mounting right after preparing
// cost natter 53 and the floor 50 ms at 1,000, against 37 and 33 ms after 2 s,
// medians of 5 on unminified pages), and how long preparing took decided how
// much of it a mount met: 100,000 conversations took long enough to leave none,
// 1,000 did not, so the smallest size measured the page's load as much as the
// list.
// Run: node --import tsx bench/conversation-list/conversation-list.bench.ts
//      [--sizes 1000,10000,100000] [--rounds 5] [--scroll-cap-ms 30000] [--contenders natter,floor] [--settle-ms 2000]
// Scrolling to the end is capped: a list that has not shown its oldest row
// within the cap is not scrolled again in later rounds or at larger sizes.
// Prints one JSON document on stdout (progress on stderr).
import type { Browser, CDPSession } from 'playwright-core';
import { launchChromium } from '../../test/support/chromium';
import { serveStatic } from '../../test/support/static-server';
import { ratio, stats, type Stats } from '../list/stats';
import { builtPages } from '../support/bench-pages';

const argOf = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const SIZES = (argOf('sizes') ?? '1000,10000,100000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const ROUNDS = Math.max(1, Number(argOf('rounds') ?? 5));
const ALL_CONTENDERS = ['natter', 'stream', 'floor'] as const;
type Contender = (typeof ALL_CONTENDERS)[number];
const WANTED = argOf('contenders')?.split(',');
const CONTENDERS = ALL_CONTENDERS.filter((c) => !WANTED || WANTED.includes(c));
const LABEL: Record<Contender, string> = {
  natter: 'natter ConversationList',
  stream: "stream-chat-react's ChannelList",
  floor: 'bare @tanstack/react-virtual (floor)',
};
const VIEWPORT = { width: 800, height: 1000 };
const STEP_MS = 60_000;
const SCROLL_CAP_MS = Number(argOf('scroll-cap-ms') ?? 30_000);
/** How long a page rests between preparing its data and mounting the list. */
const SETTLE_MS = Number(argOf('settle-ms') ?? 2000);
const log = (s: string) => process.stderr.write(`${s}\n`);

interface Run {
  firstPaintMs: number;
  domElements: number;
  heapMB: number;
  updateMs: number;
  /** Null when not measured (capped). */
  scrollToEndMs: number | null;
}
type Measure = keyof Run;
const MEASURES: Measure[] = ['firstPaintMs', 'domElements', 'heapMB', 'updateMs', 'scrollToEndMs'];

async function heapUsed(cdp: CDPSession): Promise<number> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
}

/** Why a contender's scroll to the end is no longer measured. */
const scrollCapped: Partial<Record<Contender, string>> = {};

async function oneRun(browser: Browser, url: string, c: Contender, n: number, errors: string[]): Promise<Run> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  try {
    const cdp = await context.newCDPSession(page);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__conversationBench?.ready === true, undefined, { timeout: STEP_MS });
    await page.evaluate((count) => window.__conversationBench!.prepare(count), n);
    await page.waitForTimeout(SETTLE_MS);
    const heap0 = await heapUsed(cdp);
    const firstPaintMs = await page.evaluate((cap) => window.__conversationBench!.mount(cap), STEP_MS);
    await page.evaluate(() => window.__conversationBench!.settle());
    const heap1 = await heapUsed(cdp);
    const domElements = await page.evaluate(() => window.__conversationBench!.domCount());
    const updateMs = await page.evaluate((cap) => window.__conversationBench!.update(cap), STEP_MS);
    await page.evaluate(() => window.__conversationBench!.settle());
    let scrollToEndMs: number | null = null;
    if (!scrollCapped[c]) {
      try {
        scrollToEndMs = await page.evaluate((cap) => window.__conversationBench!.scrollToEnd(cap), SCROLL_CAP_MS);
      } catch (e) {
        if (!(e instanceof Error) || !e.message.includes('timed out')) throw e;
        scrollCapped[c] =
          `the oldest row was not shown within ${SCROLL_CAP_MS / 1000} s at ${n.toLocaleString('en-US')} conversations; not measured again at this or larger sizes`;
      }
    }
    return { firstPaintMs, domElements, heapMB: (heap1 - heap0) / 1e6, updateMs, scrollToEndMs };
  } finally {
    await context.close().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const built = await builtPages(['conversation-list']);
  log(`conversation-list: packed and built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const server = await serveStatic(built.dir);
  const browser = await launchChromium();
  const runs: Record<number, Partial<Record<Contender, Run[]>>> = {};
  const errors: Record<number, Partial<Record<Contender, string[]>>> = {};
  try {
    for (const n of SIZES) {
      runs[n] = {};
      errors[n] = {};
      for (let round = 0; round < ROUNDS; round++) {
        for (let k = 0; k < CONTENDERS.length; k++) {
          const c = CONTENDERS[(k + round) % CONTENDERS.length]!;
          const es = (errors[n][c] ??= []);
          try {
            const r = await oneRun(browser, `${server.url}/conversation-list/${c}.html`, c, n, es);
            (runs[n][c] ??= []).push(r);
            log(
              `conversation-list n=${n} r${round + 1} ${c}: paint ${r.firstPaintMs.toFixed(1)} ms, update ${r.updateMs.toFixed(1)}, to end ${r.scrollToEndMs?.toFixed(0) ?? 'capped'}, ${r.domElements} el, heap +${r.heapMB.toFixed(1)} MB`,
            );
          } catch (e) {
            es.push(e instanceof Error ? e.message.split('\n')[0]! : String(e));
            log(`conversation-list n=${n} r${round + 1} ${c}: FAILED ${es[es.length - 1]}`);
          }
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
    built.dispose();
  }
  const results: Record<
    number,
    Partial<Record<Contender, { runs: number; errors?: string[] } & Partial<Record<Measure, Stats>>>>
  > = {};
  const ratios: Record<number, Record<string, number | null>> = {};
  const streamRatio = (n: number, m: Measure) =>
    ratio(results[n]?.natter?.[m]?.median, results[n]?.stream?.[m]?.median);
  for (const n of SIZES) {
    results[n] = {};
    for (const c of CONTENDERS) {
      const rs = runs[n]![c] ?? [];
      const es = [...new Set(errors[n]![c] ?? [])];
      results[n][c] = {
        runs: rs.length,
        ...Object.fromEntries(
          MEASURES.flatMap((m) => {
            const values = rs.map((r) => r[m]).filter((v): v is number => v !== null);
            return values.length ? [[m, stats(values)]] : [];
          }),
        ),
        ...(es.length ? { errors: es } : {}),
      };
    }
    const med = (c: Contender, m: Measure) => results[n]![c]?.[m]?.median;
    ratios[n] = {
      firstPaintToFloor: ratio(med('natter', 'firstPaintMs'), med('floor', 'firstPaintMs')),
      updateToFloor: ratio(med('natter', 'updateMs'), med('floor', 'updateMs')),
      scrollToEndToFloor: ratio(med('natter', 'scrollToEndMs'), med('floor', 'scrollToEndMs')),
      firstPaintToStream: streamRatio(n, 'firstPaintMs'),
    };
  }
  const doc = {
    benchmark: 'conversation-list',
    sizes: SIZES,
    rounds: ROUNDS,
    viewport: VIEWPORT,
    listBox: { width: 360, height: 800 },
    contenders: CONTENDERS.map((c) => ({ name: c, label: LABEL[c] })),
    scrollCapMs: SCROLL_CAP_MS,
    settleMs: SETTLE_MS,
    scrollCapped,
    definitions: {
      firstPaintMs:
        "from just before the list is mounted (its page having rested settleMs after its data was prepared) to after the paint of the first frame in which the newest conversation's row is inside the list box (natter: its client is connected; the list syncs its first page from the in-page server)",
      domElements: 'elements inside the list box after first paint settles',
      heapMB:
        'JS heap used after GC (CDP) once first paint settled, minus the same before mounting (the data is already generated; natter: already in its server)',
      updateMs:
        'a conversation 30 rows down gets a new message (natter: a real send from the peer through the server); until its row is painted as the topmost one',
      scrollToEndMs:
        "the list's scroller set to its bottom every frame until the oldest conversation's row is painted (natter loads its pages on the way: 50 first, then 200 at a time; stream-chat-react 30 at a time); capped",
    },
    results,
    ratios,
  };
  process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
