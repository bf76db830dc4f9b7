// Owns the offline start benchmark's load-proof measures, which the wall clock
// of a shared machine cannot give: what a start did before its first message row
// was painted, counted in the page (the scripts fetched, the IndexedDB requests
// made and the records and bytes they returned) and, for one traced run of each
// arm, the renderer main thread's busy time in that window from a Chromium
// performance trace (top-level tasks, split into script, style and layout,
// paint and GC). Counts do not change with the load; busy time changes much
// less than the wall clock (a task preempted by another process still counts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { sumOf, type TraceEvent } from '../support/trace-events';

/** The console line that carries a start's first-row record (FIRST_ROW prints it). */
export const FIRST_ROW_LINE = 'natter-bench-first-row ';

/**
 * Runs `navigate` and resolves with the record FIRST_ROW prints to the console once the first row
 * is painted. Read from the console, not polled: Playwright's first evaluation in a new document
 * (waitForFunction, evaluate) compiles its injected script on the page's main thread, ~30 ms of
 * CPU that fell inside the measured window of every start whose row came after the load event.
 */
export function reportedFirstRow<T>(page: Page, navigate: () => Promise<unknown>, timeoutMs = 60_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`no first row within ${timeoutMs} ms`)), timeoutMs);
    const onConsole = (m: ConsoleMessage) => {
      const text = m.text();
      if (text.startsWith(FIRST_ROW_LINE)) finish(null, JSON.parse(text.slice(FIRST_ROW_LINE.length)) as T);
    };
    const finish = (error: Error | null, row?: T) => {
      clearTimeout(timer);
      page.off('console', onConsole);
      if (error) reject(error);
      else resolve(row!);
    };
    page.on('console', onConsole);
    navigate().catch((e: unknown) => finish(e instanceof Error ? e : new Error(String(e))));
  });
}

/**
 * Installed before the page's scripts, after FIRST_ROW's observer: counts every IndexedDB read
 * request (and, with `?probe=bytes` in the URL, the JSON size of what it returned: a costly
 * measure, kept out of the timed runs) until the first row is painted.
 */
export const IDB_COUNTER = `(() => {
  const c = (window.__idb = { requests: 0, records: 0, bytes: 0, stopped: false });
  const bytes = new URLSearchParams(location.search).get('probe') === 'bytes';
  const wrap = (proto, name) => {
    const orig = proto[name];
    proto[name] = function (...args) {
      const req = orig.apply(this, args);
      if (c.stopped) return req;
      c.requests++;
      req.addEventListener('success', () => {
        if (c.stopped) return;
        const r = req.result;
        c.firstRead ??= performance.now();
        if (r === undefined) return;
        c.records += Array.isArray(r) && name !== 'get' ? r.length : 1;
        if (bytes) c.bytes += JSON.stringify(r).length;
      });
      return req;
    };
  };
  // When the page first asked to open a database, when that open succeeded and when the first read answered.
  const open = indexedDB.open.bind(indexedDB);
  indexedDB.open = (...args) => {
    const req = open(...args);
    if (c.openAsked === undefined) {
      c.openAsked = performance.now();
      req.addEventListener('success', () => (c.opened ??= performance.now()));
    }
    return req;
  };
  for (const name of ['get', 'getAll', 'getAllKeys', 'openCursor']) {
    wrap(IDBObjectStore.prototype, name);
    wrap(IDBIndex.prototype, name);
  }
})();`;

/** What a start did before its first row was painted (FIRST_ROW records it with the paint). */
export interface BeforePaint {
  /** Script files loaded (entry and chunks), those of them that came over the network, and their decoded bytes. */
  scripts: number;
  scriptsFromNetwork: number;
  scriptBytes: number;
  /** IndexedDB read requests made, and the records they returned. */
  idbRequests: number;
  idbRecords: number;
  /** JSON bytes of those records (only measured with ?probe=bytes). */
  idbBytes: number;
  /** When (ms from navigation start) the page first asked to open a database, got it, and got its first read (-1: never). */
  idbOpenAskedMs: number;
  idbOpenedMs: number;
  idbFirstReadMs: number;
  /** Elements in the document when the row was painted (what the first frame drew). */
  elements: number;
  /** Each script as `file:start-end` (ms from navigation start). */
  names?: string[];
}

/** In-page, at the paint of the first row: FIRST_ROW calls it and stops the counter. */
export const BEFORE_PAINT_FN = `(at) => {
  const c = window.__idb ?? { requests: 0, records: 0, bytes: 0 };
  c.stopped = true;
  const scripts = performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js')).filter((e) => e.startTime < at);
  return {
    scripts: scripts.length,
    scriptsFromNetwork: scripts.filter((e) => e.transferSize > 0).length,
    scriptBytes: scripts.reduce((s, e) => s + (e.decodedBodySize || 0), 0),
    idbRequests: c.requests,
    idbRecords: c.records,
    idbBytes: c.bytes,
    idbOpenAskedMs: c.openAsked ?? -1,
    idbOpenedMs: c.opened ?? -1,
    idbFirstReadMs: c.firstRead ?? -1,
    elements: document.getElementsByTagName('*').length,
    names: scripts.map((e) => e.name.split('/').pop() + ':' + Math.round(e.startTime) + '-' + Math.round(e.responseEnd)),
  };
}`;

/** Main-thread time (ms) from navigation start to the first row's paint, by kind. */
export interface MainThread {
  /** The window itself: navigation start to the first row's paint. */
  windowMs: number;
  /** Time inside top-level tasks (wall clock: includes time the thread waited for a core). */
  busyMs: number;
  /** CPU time of the top-level tasks that started in the window (the trace's thread time: load-proof). */
  cpuMs: number;
  scriptMs: number;
  styleLayoutMs: number;
  paintMs: number;
  gcMs: number;
  /** Top-level tasks of 50 ms or more. */
  longTasks: number;
  /**
   * CPU time (as cpuMs) from navigation start until each point of the start (-1: not reached):
   * the new document's commit, the app's module run, the chat's root in the DOM, the start
   * snapshot read, the first message row in the DOM, and its paint (= cpuMs). Cumulative, so
   * that the medians of several traced starts still subtract into phases.
   */
  cpuAtCommit: number;
  cpuAtApp: number;
  cpuAtRoot: number;
  cpuAtSnapshot: number;
  cpuAtRow: number;
}

/** The page's marks each cpuAt* measure stops at. */
const CPU_POINTS = {
  cpuAtCommit: 'commitNavigationEnd',
  cpuAtApp: 'app',
  cpuAtRoot: 'p-root',
  cpuAtSnapshot: 'snapshot',
  cpuAtRow: 'p-row',
} as const;

const SCRIPT = new Set([
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'FunctionCall',
  'TimerFire',
  'FireAnimationFrame',
  'RunMicrotasks',
  'EventDispatch',
  'V8.ParseLazy',
  'v8.parseOnBackground',
]);
const STYLE_LAYOUT = new Set(['UpdateLayoutTree', 'Layout', 'RecalculateStyles', 'ParseAuthorStyleSheet']);
const PAINT = new Set(['Paint', 'PrePaint', 'Layerize', 'UpdateLayer', 'CompositeLayers', 'Commit']);
const GC = new Set(['MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'V8.GC_MARK_COMPACTOR', 'BlinkGC.AtomicPhase']);

/**
 * Navigates `page` to `url` while Chromium traces, waits for the first row (FIRST_ROW's
 * record, which also marks `natter-first-row`), and sums the renderer main thread's work
 * from navigation start to that paint.
 */
export async function tracedStart(browser: Browser, page: Page, url: string, traceName: string): Promise<MainThread> {
  // BENCH_TRACE_CATS=<comma-separated categories> traces more (e.g. IndexedDB,loading,disabled-by-default-v8.compile).
  await browser.startTracing(page, {
    categories: (process.env.BENCH_TRACE_CATS ?? 'devtools.timeline,blink.user_timing,toplevel').split(','),
  });
  // BENCH_TRACE_DIR also keeps a JavaScript CPU profile of the start (BENCH_NO_MINIFY=1 keeps its names).
  const cdp = process.env.BENCH_TRACE_DIR ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const { ms: firstMs } = await reportedFirstRow<{ ms: number }>(page, () => page.goto(url));
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(join(process.env.BENCH_TRACE_DIR!, `offline-${traceName}.cpuprofile`), JSON.stringify(profile));
    await cdp.detach();
  }
  const buf = await browser.stopTracing();
  // For a look at the trace itself (chrome://tracing, Perfetto): BENCH_TRACE_DIR=<folder>.
  if (process.env.BENCH_TRACE_DIR) writeFileSync(join(process.env.BENCH_TRACE_DIR, `offline-${traceName}.json`), buf);
  const parsed = JSON.parse(buf.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const mark = events.find((e) => e.name === 'natter-first-row');
  if (!mark) throw new Error('the trace holds no natter-first-row mark');
  const to = mark.ts;
  const from = to - firstMs * 1000;
  const main = events
    .filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts);
  const tasks = main.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  let longTasks = 0;
  let cpu = 0;
  let end = -Infinity;
  const outer: TraceEvent[] = [];
  for (const t of tasks) {
    if (t.ts < from || t.ts > to) continue;
    if ((t.dur ?? 0) >= 50_000) longTasks++;
    // Nested run loops report a task inside a task: count the outer one only.
    if (t.ts >= end) {
      cpu += t.tdur ?? 0;
      outer.push(t);
    }
    end = Math.max(end, t.ts + (t.dur ?? 0));
  }
  // A mark inside a task counts that task's CPU in proportion to the part of it before the mark.
  const cpuUntil = (at: number) =>
    outer.reduce((s, t) => s + (t.tdur ?? 0) * Math.min(1, Math.max(0, (at - t.ts) / Math.max(1, t.dur ?? 0))), 0) /
    1000;
  const marks = events.filter((e) => e.pid === mark.pid && e.ts >= from && e.ts <= to);
  const at = Object.fromEntries(
    Object.entries(CPU_POINTS).map(([key, name]) => {
      const m = marks.find((e) => e.name === name);
      return [key, m ? cpuUntil(m.ts) : -1];
    }),
  ) as Record<keyof typeof CPU_POINTS, number>;
  return {
    windowMs: firstMs,
    busyMs: sumOf(tasks, new Set(tasks.map((t) => t.name)), from, to),
    cpuMs: cpu / 1000,
    scriptMs: sumOf(main, SCRIPT, from, to),
    styleLayoutMs: sumOf(main, STYLE_LAYOUT, from, to),
    paintMs: sumOf(main, PAINT, from, to),
    gcMs: sumOf(main, GC, from, to),
    longTasks,
    ...at,
  };
}
