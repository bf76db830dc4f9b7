// Message list render benchmark: natter's MessageList (plain, and with 10% of
// the messages carrying reactions and 5% quoted replies: natter-features),
// stream-chat-react's VirtualizedMessageList, chatscope's MessageList and a bare
// react-virtuoso list (the floor), each a page of one production Vite build,
// fed the same N messages in headless Chromium. Per run (a fresh page each):
// first paint, the kit's ingest, DOM elements and JS heap growth (CDP, after GC),
// append one, prepend 50 older and the anchor's shift. The definitions of
// "painted" live in pages/harness.ts. Contenders alternate within each round
// (the order rotates every round); medians and min–max over rounds.
// chatscope renders every message: once one of its runs (page load to the end of
// the prepend) takes longer than the cap, its further rounds and larger sizes are
// not run (reported as capped).
// Run: node --import tsx bench/list/list-render.bench.ts [--sizes 1000,10000,100000]
//      [--rounds 5] [--cap-ms 60000] [--contenders natter,natter-features,react-virtuoso]
// Prints one JSON document on stdout (progress on stderr).
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../../test/support/chromium';
import { serveStatic } from '../../test/support/static-server';
import { buildPages, CONTENDERS, type ContenderName } from './build-pages';
import type { PrependResult } from './pages/harness';
import { listRatios } from './ratios';
import { stats, type Stats } from './stats';

const argOf = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const SIZES = (argOf('sizes') ?? '1000,10000,100000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const ROUNDS = Math.max(1, Number(argOf('rounds') ?? 5));
const CAP_MS = Number(argOf('cap-ms') ?? 60_000);
const WANTED = (argOf('contenders')?.split(',') ?? [...CONTENDERS]) as ContenderName[];
// The window the list's targets are stated for; the list box (600×800, pages/*.html) fills its height.
const VIEWPORT = { width: 1280, height: 800 };
const STEP_TIMEOUT_MS = 20_000;

interface Run {
  ingestMs: number;
  firstPaintMs: number;
  domElements: number;
  heapMB: number;
  appendMs: number;
  prependBottomMs: number;
  prependBottomShiftPx: number | null;
  prependMs: number;
  prependShiftPx: number | null;
}

interface ContenderResult {
  runs: number;
  ingestMs?: Stats;
  firstPaintMs?: Stats;
  domElements?: Stats;
  heapMB?: Stats;
  appendMs?: Stats;
  prependBottomMs?: Stats;
  prependBottomShiftPx?: Stats;
  prependMs?: Stats;
  prependShiftPx?: Stats;
  /** Runs whose anchor row was gone after the prepend (at the top; at the bottom). */
  anchorLost?: number;
  anchorLostBottom?: number;
  capped?: string;
  errors?: string[];
  pageErrors?: string[];
}

const log = (s: string) => process.stderr.write(`${s}\n`);

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

async function heapUsed(cdp: CDPSession): Promise<number> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const h = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return h.usedSize;
}

async function oneRun(browser: Browser, url: string, n: number, pageErrors: string[]): Promise<Run> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page: Page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(`console.error: ${m.text().slice(0, 300)}`);
  });
  try {
    const cdp = await context.newCDPSession(page);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__bench?.ready === true || window.__benchError !== undefined, undefined, {
      timeout: STEP_TIMEOUT_MS,
    });
    const startupError = await page.evaluate(() => window.__benchError);
    if (startupError) throw new Error(`page start-up failed: ${startupError}`);
    await page.evaluate((count) => window.__bench!.generate(count), n);
    const heap0 = await heapUsed(cdp);
    const ingestMs = await page.evaluate(() => window.__bench!.ingest());
    const firstPaintMs = await withTimeout(
      page.evaluate((cap) => window.__bench!.mount(cap), CAP_MS),
      CAP_MS + STEP_TIMEOUT_MS,
      'mount',
    );
    await page.evaluate(() => window.__bench!.settle(3000));
    const heap1 = await heapUsed(cdp);
    const domElements = await page.evaluate(() => window.__bench!.domCount());
    const appendMs = await withTimeout(
      page.evaluate((cap) => window.__bench!.append(cap), CAP_MS),
      CAP_MS + STEP_TIMEOUT_MS,
      'append',
    );
    await page.evaluate(() => window.__bench!.settle(3000));
    const bottom: PrependResult = await withTimeout(
      page.evaluate((cap) => window.__bench!.prepend(cap), CAP_MS),
      CAP_MS + STEP_TIMEOUT_MS,
      'prepend at the bottom',
    );
    await page.evaluate(() => window.__bench!.settle(3000));
    const atTop = await withTimeout(
      page.evaluate(() => window.__bench!.scrollToTop()),
      CAP_MS + STEP_TIMEOUT_MS,
      'scroll to top',
    );
    if (!atTop) throw new Error('could not scroll the list to its top');
    const p: PrependResult = await withTimeout(
      page.evaluate((cap) => window.__bench!.prepend(cap), CAP_MS),
      CAP_MS + STEP_TIMEOUT_MS,
      'prepend',
    );
    return {
      ingestMs,
      firstPaintMs,
      domElements,
      heapMB: (heap1 - heap0) / 1e6,
      appendMs,
      prependBottomMs: bottom.ms,
      prependBottomShiftPx: bottom.shift,
      prependMs: p.ms,
      prependShiftPx: p.shift,
    };
  } finally {
    await context.close().catch(() => undefined);
  }
}

function summarize(runs: Run[]): Omit<ContenderResult, 'runs' | 'capped' | 'errors' | 'pageErrors'> {
  const pick = (f: (r: Run) => number) => stats(runs.map(f));
  const shifts = runs.map((r) => r.prependShiftPx).filter((s): s is number => s !== null);
  const bottomShifts = runs.map((r) => r.prependBottomShiftPx).filter((s): s is number => s !== null);
  return {
    ingestMs: pick((r) => r.ingestMs),
    firstPaintMs: pick((r) => r.firstPaintMs),
    domElements: pick((r) => r.domElements),
    heapMB: pick((r) => r.heapMB),
    appendMs: pick((r) => r.appendMs),
    prependBottomMs: pick((r) => r.prependBottomMs),
    ...(bottomShifts.length ? { prependBottomShiftPx: stats(bottomShifts) } : {}),
    prependMs: pick((r) => r.prependMs),
    ...(shifts.length ? { prependShiftPx: stats(shifts) } : {}),
    anchorLost: runs.length - shifts.length,
    anchorLostBottom: runs.length - bottomShifts.length,
  };
}

async function main(): Promise<void> {
  const names = CONTENDERS.filter((c) => WANTED.includes(c));
  const t0 = Date.now();
  log(`list: building ${names.join(', ')}`);
  const built = await buildPages(names);
  for (const [name, why] of Object.entries(built.skipped)) log(`list: ${name} skipped: ${why}`);
  log(`list: built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const server = await serveStatic(built.dir);
  const browser = await launchChromium();
  const runnable = names.filter((c) => built.pages[c]);
  const runs: Record<number, Partial<Record<ContenderName, Run[]>>> = {};
  const errors: Record<number, Partial<Record<ContenderName, string[]>>> = {};
  const pageErrors: Partial<Record<ContenderName, string[]>> = {};
  const cappedAt: Partial<Record<ContenderName, string>> = {};
  try {
    for (const n of SIZES) {
      runs[n] = {};
      errors[n] = {};
      for (let round = 0; round < ROUNDS; round++) {
        const order = runnable.map((_, k) => runnable[(k + round) % runnable.length]!);
        for (const c of order) {
          if (cappedAt[c]) continue;
          const pe = (pageErrors[c] ??= []);
          const started = Date.now();
          try {
            const r = await oneRun(browser, `${server.url}/${built.pages[c]}`, n, pe);
            (runs[n][c] ??= []).push(r);
            log(
              `list n=${n} r${round + 1} ${c} (${((Date.now() - started) / 1000).toFixed(1)} s): paint ${r.firstPaintMs.toFixed(1)} ms, append ${r.appendMs.toFixed(1)}, prepend at bottom ${r.prependBottomMs.toFixed(1)} (shift ${r.prependBottomShiftPx}), at top ${r.prependMs.toFixed(1)} (shift ${r.prependShiftPx}), ${r.domElements} el, heap +${r.heapMB.toFixed(1)} MB`,
            );
            const took = Date.now() - started;
            if (took > CAP_MS)
              cappedAt[c] =
                `one run took ${Math.round(took / 1000)} s at ${n} messages (cap ${CAP_MS / 1000} s a run); further rounds and larger sizes not run`;
          } catch (e) {
            const msg = e instanceof Error ? e.message.split('\n')[0]! : String(e);
            const elapsed = Date.now() - started;
            log(`list n=${n} r${round + 1} ${c}: ${elapsed > CAP_MS ? 'CAPPED' : 'FAILED'} ${msg} (${elapsed} ms)`);
            if (elapsed > CAP_MS) {
              cappedAt[c] =
                `not finished within the cap (${CAP_MS} ms) at ${n} messages (stopped after ${Math.round(elapsed / 1000)} s); this and larger sizes not run further`;
            } else {
              (errors[n][c] ??= []).push(msg);
            }
          }
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
    built.dispose();
  }

  const results: Record<number, Partial<Record<ContenderName, ContenderResult>>> = {};
  for (const n of SIZES) {
    results[n] = {};
    for (const c of runnable) {
      const rs = runs[n]![c] ?? [];
      const es = errors[n]![c] ?? [];
      const capped = !rs.length && !es.length && cappedAt[c] ? cappedAt[c] : undefined;
      results[n][c] = {
        runs: rs.length,
        ...(rs.length ? summarize(rs) : {}),
        ...(capped ? { capped } : {}),
        ...(es.length ? { errors: [...new Set(es)] } : {}),
      };
    }
    for (const c of runnable) {
      const pe = [...new Set(pageErrors[c] ?? [])];
      if (pe.length && results[n][c]) results[n][c].pageErrors = pe.slice(0, 5);
    }
  }
  const ratios: Record<number, Record<string, number | null>> = {};
  for (const n of SIZES) ratios[n] = listRatios(results[n]!);
  const doc = {
    benchmark: 'list',
    sizes: SIZES,
    rounds: ROUNDS,
    capMs: CAP_MS,
    viewport: VIEWPORT,
    listBox: { width: 600, height: 800 },
    contenders: names,
    skipped: built.skipped,
    buildSeconds: built.buildSeconds,
    cappedAt,
    definitions: {
      firstPaintMs:
        'from just before the list is mounted (its kit state already filled) to after the paint of the first frame in which the last message row is in the DOM and overlaps the list box',
      ingestMs:
        "converting the N messages into the kit's own state (natter: store.apply of a history input; stream-chat-react: channel.state.formatMessage per message into the channel's initial set; chatscope: message models; virtuoso: none)",
      domElements: 'elements inside the list box after first paint settles',
      heapMB:
        'JS heap used after GC (CDP) once first paint settled, minus the same before ingest (the generated raw messages already exist): what the kit holds for N messages',
      appendMs:
        'from the state change to after the paint of the first frame in which the new message row is in the DOM and overlaps the list box (list at the bottom)',
      prependBottomMs:
        'the reader at the bottom (right after the append); from the state change adding 50 older messages to after the paint of the first frame begun after the last DOM mutation or scroll in the list (then 3 quiet frames); when nothing in the list changes for 10 frames (natter draws nothing for messages above its history window), to after the paint of the first frame begun after a task posted right after the state change',
      prependMs:
        'list scrolled to its top; from the state change adding 50 older messages to after the paint of the first frame begun after the last DOM mutation or scroll in the list (then 3 quiet frames)',
      prependShiftPx:
        'on-screen move of the topmost fully visible message row across the prepend (0 = anchored), at the top and at the bottom',
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
