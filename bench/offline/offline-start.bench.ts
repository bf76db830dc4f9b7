// Offline start benchmark: the drop-in Chat for a user with 1,000
// conversations and 10,000 messages (10 per conversation, all seen by the page
// so its IndexedDB cache holds them), on a real `natter serve` on 127.0.0.1,
// page and server from the packed packages, in headless Chromium. The page
// (pages/offline.tsx) is an app's: a production Vite build importing natter from
// its packed tarball, built once per run (bench/support/bench-pages.ts). Measured from navigation start to the
// paint of the frame that first holds a message row of the open conversation
// (a MutationObserver installed before the page's scripts, then "painted" as
// bench/support/paint-timing.ts defines it): a cold start (new browser context,
// nothing cached, the list and the page come over the socket) vs a reload (the
// same context: drawn from the cache, then reconciled). Each run also notes
// whether the socket was open when that row was painted (a reload should paint
// from the cache first). Rounds alternate; medians and min–max. The page's files
// are served as a deployed Vite app's are (hashed assets immutable, the HTML
// revalidated): a reload takes its scripts from the browser's HTTP cache, as a
// returning user's does (an offline start has no other way to get them), a cold
// start in a fresh context fetches them all. Load-proof measures beside the
// wall clock (start-probe.ts): the scripts fetched and the IndexedDB reads made
// before the first row, and traced starts of each arm (--traced N, median) for
// main-thread time. A reference arm, the floor (pages/floor.tsx), is a minimal
// Vite + React app built and served the same way that reads one cached record
// from IndexedDB and renders one message row: its reload is what React on this
// machine costs at least (reloaded in its own context, alternating with natter's
// reload). Each round also logs its phases (ms from navigation start):
// the HTML, the page's marks (app module run, client made, start snapshot read,
// offline cache settled) and when the chat's root, a list row, the message list
// and the first message row entered the DOM (marked p-* for a trace's timeline).
// Run: node --import tsx bench/offline/offline-start.bench.ts [--conversations 1000]
//      [--per 10] [--rounds 5] [--traced 1] [--no-http-cache] [--scripts]
// Prints one JSON document on stdout (progress on stderr).
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { WebSocket } from 'ws';
import { conversationId } from '../../src/protocol/ids';
import { tempDir } from '../../test/node/support/servers';
import { launchChromium } from '../../test/support/chromium';
import { serveStatic } from '../../test/support/static-server';
import { stats } from '../list/stats';
import { builtPages } from '../support/bench-pages';
import { packedEntryUrl, packedServerEntryUrl } from '../support/packed-package';
import {
  BEFORE_PAINT_FN,
  FIRST_ROW_LINE,
  IDB_COUNTER,
  reportedFirstRow,
  tracedStart,
  type BeforePaint,
  type MainThread,
} from './start-probe';

// natter serve and the writing client as an app gets them: from the packed packages.
const { createChatClient } = (await import(packedEntryUrl('.'))) as typeof import('../../src/entries/index');
const { startServer, silentLogger } = (await import(
  packedServerEntryUrl()
)) as typeof import('../../src/entries/server');

const argOf = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const CONVERSATIONS = Number(argOf('conversations') ?? 1000);
const PER = Number(argOf('per') ?? 10);
const ROUNDS = Math.max(1, Number(argOf('rounds') ?? 5));
/** `--no-http-cache`: every load fetches every script again (how this benchmark ran before 2026-12-05). */
const HTTP_CACHE = !process.argv.includes('--no-http-cache');
const SCRIPTS = process.argv.includes('--scripts');
const TRACED = Math.max(1, Number(argOf('traced') ?? 1));
const log = (s: string) => process.stderr.write(`${s}\n`);

/**
 * Records when the first message row is painted, from navigation start (performance.now()): the
 * row enters the DOM, then the task posted from the next frame runs after that frame's paint (the
 * definition of bench/support/paint-timing.ts, inlined: this runs before the page's own scripts).
 * Also whether the socket was open by then.
 */
const FIRST_ROW = `(() => {
  const beforePaint = ${BEFORE_PAINT_FN};
  const phases = (window.__phases = {});
  const o = new MutationObserver(() => {
    const t = performance.now();
    if (phases.root === undefined && document.getElementById('root')?.firstChild) (phases.root = t), performance.mark('p-root');
    if (phases.listRow === undefined && document.querySelector('.natter-conversations__list li')) (phases.listRow = t), performance.mark('p-listRow');
    if (phases.loading === undefined && document.querySelector('.natter-chat__messages--loading')) (phases.loading = t), performance.mark('p-loading');
    if (phases.messageList === undefined && document.querySelector('.natter-message-list')) (phases.messageList = t), performance.mark('p-messageList');
    if (!document.querySelector('[data-natter-message]')) return;
    phases.row = t;
    performance.mark('p-row');
    o.disconnect();
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        const ms = performance.now();
        performance.mark('natter-first-row');
        const nav = performance.getEntriesByType('navigation')[0];
        for (const m of performance.getEntriesByType('mark')) if (!m.name.startsWith('p-') && m.name !== 'natter-first-row') phases[m.name] = m.startTime;
        Object.assign(phases, { htmlStart: nav.requestStart, htmlEnd: nav.responseEnd, domInteractive: nav.domInteractive });
        window.__firstRow = { phases, ms, socket: window.__natter ? window.__natter.client.state : 'none', before: beforePaint(ms) };
        console.debug(${JSON.stringify(FIRST_ROW_LINE)} + JSON.stringify(window.__firstRow));
      };
      ch.port2.postMessage(null);
    });
  });
  o.observe(document, { childList: true, subtree: true });
})();`;

interface FirstRow {
  ms: number;
  phases: Record<string, number>;
  /** The client's connection state when the row was painted. */
  socket: string;
  before: BeforePaint;
}

function firstRow(page: Page, url: string): Promise<FirstRow> {
  return reportedFirstRow<FirstRow>(page, () => page.goto(url));
}

async function main(): Promise<void> {
  const tmp = tempDir('natter-bench-offline-');
  const srv = await startServer({
    port: 0,
    host: '127.0.0.1',
    db: join(tmp.dir, 'natter.sqlite'),
    files: join(tmp.dir, 'files'),
    logger: silentLogger,
    dev: true,
    core: { rateLimit: false },
  });
  // The page as an app builds it against the packed package (pages/offline.tsx).
  const built = await builtPages(['offline', 'offline-floor']);
  // As a deployed Vite app is served: the hashed assets cached by the browser, the HTML asked again.
  const site = await serveStatic(built.dir, { cacheAssets: HTTP_CACHE });
  let browser: Browser | null = null;
  try {
    browser = await launchChromium();
    const open = conversationId('single', 'u0');
    const url = `${site.url}/offline/offline.html?${new URLSearchParams({ server: srv.url, user: 'me', open }).toString()}`;

    // The page is open while another device of `me` writes, so every message reaches its cache.
    const warm = await browser.newContext({ viewport: { width: 900, height: 700 } });
    const page = await warm.newPage();
    await page.goto(url);
    await page.waitForFunction(
      () => (window as unknown as { __natter?: { client: { state: string } } }).__natter?.client.state === 'open',
      null,
      { timeout: 60_000 },
    );
    const writer = createChatClient({ url: srv.url, user: 'me', WebSocket, delivery: false });
    await writer.connect();
    log(`writing ${CONVERSATIONS * PER} messages in ${CONVERSATIONS} conversations`);
    for (let i = PER - 1; i >= 0; i--) {
      await Promise.all(
        Array.from({ length: CONVERSATIONS }, (_, c) =>
          writer.sendText(conversationId('single', `u${c}`), `message ${i} to u${c}`),
        ),
      );
    }
    writer.close();
    const cachedCount = async () =>
      page.evaluate(async () => {
        const n = (
          window as unknown as { __natter: { client: { offline: { name: string; settled(): Promise<void> } } } }
        ).__natter.client.offline;
        await n.settled();
        const db = await new Promise<IDBDatabase>((ok, ko) => {
          const r = indexedDB.open(n.name);
          r.onsuccess = () => ok(r.result);
          r.onerror = () => ko(r.error);
        });
        const pages = await new Promise<Array<{ messages: unknown[] }>>((ok, ko) => {
          const r = db.transaction('pages').objectStore('pages').getAll();
          r.onsuccess = () => ok(r.result as Array<{ messages: unknown[] }>);
          r.onerror = () => ko(r.error);
        });
        db.close();
        return pages.reduce((s, p) => s + p.messages.length, 0);
      });
    const deadline = Date.now() + 120_000;
    let cached = 0;
    while ((cached = await cachedCount()) < CONVERSATIONS * PER && Date.now() < deadline)
      await page.waitForTimeout(500);
    log(`cache holds ${cached} messages`);
    await warm.addInitScript(FIRST_ROW);
    await warm.addInitScript(IDB_COUNTER);
    // The floor's first visit caches its one record; every later visit is a reload that reads it.
    const floorUrl = `${site.url}/offline-floor/floor.html`;
    const floorContext = await browser.newContext({ viewport: { width: 900, height: 700 } });
    await floorContext.addInitScript(FIRST_ROW);
    await floorContext.addInitScript(IDB_COUNTER);
    const floorPage = await floorContext.newPage();
    await firstRow(floorPage, floorUrl);

    const coldRuns: FirstRow[] = [];
    const reloadRuns: FirstRow[] = [];
    const floorRuns: FirstRow[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const cold = await browser.newContext({ viewport: { width: 900, height: 700 } });
      await cold.addInitScript(FIRST_ROW);
      await cold.addInitScript(IDB_COUNTER);
      coldRuns.push(await firstRow(await cold.newPage(), url));
      await cold.close();
      // natter's reload and the floor's take turns going first.
      if (r % 2 === 1) floorRuns.push(await firstRow(floorPage, floorUrl));
      reloadRuns.push(await firstRow(page, url));
      if (r % 2 === 0) floorRuns.push(await firstRow(floorPage, floorUrl));
      const [c, w, f] = [coldRuns.at(-1)!, reloadRuns.at(-1)!, floorRuns.at(-1)!];
      log(
        `round ${r + 1}: cold ${c.ms.toFixed(1)} ms, reload ${w.ms.toFixed(1)} ms (socket ${w.socket} at paint), floor ${f.ms.toFixed(1)} ms`,
      );
      // The scripts' names and times (`name:start-end`) only with --scripts: long, for a look at one run.
      const show = (b: BeforePaint) => JSON.stringify(SCRIPTS ? b : { ...b, names: undefined });
      log(`  before the paint: cold ${show(c.before)}, reload ${show(w.before)}`);
      const ph = (x: FirstRow) =>
        Object.entries(x.phases)
          .sort((a, b) => a[1] - b[1])
          .map(([k, v]) => `${k} ${v.toFixed(0)}`)
          .join(', ');
      log(`  phases: cold ${ph(c)}\n  phases: reload ${ph(w)}\n  phases: floor ${ph(f)}`);
    }
    // Untimed: `--traced N` traced starts of each arm, alternating (main-thread work before the
    // paint; the median of each measure), and one reload that also measures the bytes read from
    // IndexedDB before it.
    const tracedRuns = { cold: [] as MainThread[], reload: [] as MainThread[], floor: [] as MainThread[] };
    for (let r = 0; r < TRACED; r++) {
      const tracedCold = await browser.newContext({ viewport: { width: 900, height: 700 } });
      await tracedCold.addInitScript(FIRST_ROW);
      tracedRuns.cold.push(await tracedStart(browser, await tracedCold.newPage(), url, 'cold'));
      await tracedCold.close();
      tracedRuns.reload.push(await tracedStart(browser, page, url, 'reload'));
      tracedRuns.floor.push(await tracedStart(browser, floorPage, floorUrl, 'floor'));
      log(
        `traced ${r + 1}: cold cpu ${tracedRuns.cold.at(-1)!.cpuMs.toFixed(1)} ms, reload cpu ${tracedRuns.reload.at(-1)!.cpuMs.toFixed(1)} ms, floor cpu ${tracedRuns.floor.at(-1)!.cpuMs.toFixed(1)} ms`,
      );
    }
    const medianOf = (runs: MainThread[]): MainThread =>
      Object.fromEntries(
        (Object.keys(runs[0]!) as (keyof MainThread)[]).map((k) => [k, stats(runs.map((x) => x[k])).median]),
      ) as unknown as MainThread;
    const coldMain = medianOf(tracedRuns.cold);
    const reloadMain = medianOf(tracedRuns.reload);
    const floorMain = medianOf(tracedRuns.floor);
    const bytesRun = await firstRow(page, `${url}&probe=bytes`);
    log(
      `traced: cold ${JSON.stringify(coldMain)}, reload ${JSON.stringify(reloadMain)}, floor ${JSON.stringify(floorMain)}`,
    );
    const COUNTS = [
      'scripts',
      'scriptsFromNetwork',
      'scriptBytes',
      'idbRequests',
      'idbRecords',
      'idbBytes',
      'idbOpenAskedMs',
      'idbOpenedMs',
      'idbFirstReadMs',
      'elements',
    ] as const;
    const beforePaint = (runs: FirstRow[]) =>
      Object.fromEntries(COUNTS.map((k) => [k, stats(runs.map((x) => x.before[k])).median]));
    const cold = stats(coldRuns.map((x) => x.ms));
    const reload = stats(reloadRuns.map((x) => x.ms));
    const floor = stats(floorRuns.map((x) => x.ms));
    const reloadPaintedBeforeSocket = reloadRuns.filter((x) => x.socket !== 'open').length;
    process.stdout.write(
      `${JSON.stringify({ conversations: CONVERSATIONS, messages: CONVERSATIONS * PER, cached, rounds: ROUNDS, httpCache: HTTP_CACHE, coldMs: cold, reloadMs: reload, ratio: reload.median / cold.median, floorMs: floor, reloadToFloor: reload.median / floor.median, reloadPaintedBeforeSocket, beforePaint: { cold: beforePaint(coldRuns), reload: { ...beforePaint(reloadRuns), idbBytes: bytesRun.before.idbBytes }, floor: beforePaint(floorRuns) }, mainThread: { cold: coldMain, reload: reloadMain, floor: floorMain } })}\n`,
    );
    await warm.close();
    await floorContext.close();
  } finally {
    await browser?.close();
    await site.close();
    built.dispose();
    await srv.close();
    tmp.remove();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
