// Where a list contender's first paint goes: the list bench's pages (the same
// build, the same steps up to the mount), with a Chromium trace around the
// mount, summed on the page's main thread between the mount and the painted
// frame: busy (top-level tasks), script, style, layout, paint, the longest task
// and how many frames began. With --profile, a sampled CPU profile of the mount
// instead (no trace), its self time by function. Names are readable with
// BENCH_NO_MINIFY=1 (profiles only: minification changes what is measured).
// Contenders alternate within each round; medians over rounds. Two builds of
// the pages (say, before and after a change) are compared by building each
// once with --build-to <dir> and running with --dirs before=<dir>,after=<dir>.
// Run: node --import tsx bench/list/mount-trace.ts [--size 100000] [--rounds 5]
//      [--contenders natter,react-virtuoso] [--profile [--timeline]] [--dump trace.json]
//      [--build-to dir | --dirs label=dir,label=dir]
import { cpSync, writeFileSync } from 'node:fs';
import type { Browser, CDPSession } from 'playwright-core';
import { launchChromium } from '../../test/support/chromium';
import { serveStatic } from '../../test/support/static-server';
import { buildPages, CONTENDERS, type ContenderName } from './build-pages';
import { sumOf, type TraceEvent } from '../support/trace-events';

const argOf = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const SIZE = Number(argOf('size') ?? 100_000);
const ROUNDS = Math.max(1, Number(argOf('rounds') ?? 5));
const WANTED = (argOf('contenders')?.split(',') ?? ['natter', 'react-virtuoso']) as ContenderName[];
const PROFILE = process.argv.includes('--profile');
const VIEWPORT = { width: 1280, height: 800 };
const CAP_MS = 60_000;

interface MountFigures {
  firstPaintMs: number;
  /** Main-thread CPU time of the tasks begun in the mount window (the trace's thread durations). */
  cpuMs: number;
  busyMs: number;
  scriptMs: number;
  styleMs: number;
  layoutMs: number;
  paintMs: number;
  longestTaskMs: number;
  tasks: number;
  frames: number;
}

const log = (s: string) => process.stderr.write(`${s}\n`);

function figuresOf(trace: { traceEvents: TraceEvent[] }): Omit<MountFigures, 'firstPaintMs'> {
  const all = trace.traceEvents;
  const m0 = all.find((e) => e.name === 'bench-mount-start');
  const m1 = all.find((e) => e.name === 'bench-mount-end');
  if (!m0 || !m1) throw new Error('trace: the mount marks are missing');
  const thread = all.filter((e) => e.pid === m0.pid && e.tid === m0.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const tasks = thread.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const inWindow = tasks.filter((e) => e.ts + (e.dur ?? 0) > m0.ts && e.ts < m1.ts);
  const clip = (e: TraceEvent) => (Math.min(e.ts + (e.dur ?? 0), m1.ts) - Math.max(e.ts, m0.ts)) / 1000;
  const frames = all.filter(
    (e) => e.pid === m0.pid && e.name === 'BeginMainThreadFrame' && e.ts > m0.ts && e.ts < m1.ts,
  ).length;
  const begun = tasks.filter((e) => e.ts >= m0.ts && e.ts < m1.ts);
  return {
    cpuMs: begun.reduce((a, e) => a + (e.tdur ?? 0), 0) / 1000,
    busyMs: sumOf(tasks, new Set(['RunTask', 'ThreadControllerImpl::RunTask']), m0.ts, m1.ts),
    scriptMs: sumOf(
      thread,
      new Set(['FunctionCall', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'v8.callFunction', 'RunMicrotasks']),
      m0.ts,
      m1.ts,
    ),
    styleMs: sumOf(thread, new Set(['UpdateLayoutTree', 'RecalculateStyles']), m0.ts, m1.ts),
    layoutMs: sumOf(thread, new Set(['Layout']), m0.ts, m1.ts),
    paintMs: sumOf(thread, new Set(['Paint', 'PrePaint', 'Layerize', 'UpdateLayer', 'Commit']), m0.ts, m1.ts),
    longestTaskMs: Math.max(0, ...inWindow.map(clip)),
    tasks: inWindow.length,
    frames,
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const frameName = (n: ProfileNode) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber + 1}`;

/**
 * Self time (ms) by function over the profile's samples (keys `self <name>`), and inclusive time
 * (keys `incl <name>`: samples with the function anywhere on their stack, counted once), and the
 * whole profile (`total`).
 */
/** Prints the profile as a timeline: runs of samples with the same React phase and innermost natter frame. */
function printTimeline(profile: CpuProfile & { startTime: number }): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const PHASES = new Set([
    'renderRootSync',
    'commitMutationEffects',
    'flushLayoutEffects',
    'flushPassiveEffects',
    'flushSpawnedWork',
    'commitRoot',
  ]);
  let t = 0;
  let run: { label: string; from: number; to: number } | null = null;
  const flush = () => {
    if (run && run.to - run.from >= 0.3)
      process.stdout.write(
        `  ${run.from.toFixed(1).padStart(7)} +${(run.to - run.from).toFixed(1).padStart(5)}  ${run.label}\n`,
      );
  };
  for (let k = 0; k < profile.samples.length; k++) {
    t += (profile.timeDeltas[k] ?? 0) / 1000;
    const names: string[] = [];
    for (let id: number | undefined = profile.samples[k]; id !== undefined; id = parent.get(id)) {
      const n = byId.get(id)!;
      names.push(n.callFrame.functionName || '(anonymous)');
    }
    const phase = names.find((x) => PHASES.has(x)) ?? '';
    const own = names.find((x) => /^(use|[A-Z])/.test(x) && !PHASES.has(x)) ?? names[0] ?? '';
    const label = `${phase} ${own} ${names[0] ?? ''}`;
    if (run && run.label === label) run.to = t;
    else {
      flush();
      run = { label, from: t, to: t };
    }
  }
  flush();
}

function selfTimes(profile: CpuProfile): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const out = new Map<string, number>();
  const add = (k: string, ms: number) => out.set(k, (out.get(k) ?? 0) + ms);
  for (let k = 0; k < profile.samples.length; k++) {
    const ms = (profile.timeDeltas[k + 1] ?? 0) / 1000;
    const leaf = byId.get(profile.samples[k]!)!;
    add(`self ${frameName(leaf)}`, ms);
    add('total', ms);
    const seen = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const name = frameName(byId.get(id)!);
      if (!seen.has(name)) {
        seen.add(name);
        add(`incl ${name}`, ms);
      }
    }
  }
  return out;
}

async function oneRun(browser: Browser, url: string, profiles: Map<string, number>): Promise<MountFigures> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  try {
    const cdp: CDPSession = await context.newCDPSession(page);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__bench?.ready === true || window.__benchError !== undefined);
    const startupError = await page.evaluate(() => window.__benchError);
    if (startupError) throw new Error(`page start-up failed: ${startupError}`);
    await page.evaluate((count) => window.__bench!.generate(count), SIZE);
    await page.evaluate(() => window.__bench!.ingest());
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    if (PROFILE) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    } else {
      await browser.startTracing(page, {
        categories: [
          'toplevel',
          'devtools.timeline',
          'blink.user_timing',
          'disabled-by-default-devtools.timeline.frame',
        ],
      });
    }
    const firstPaintMs = await page.evaluate(async (cap) => {
      performance.mark('bench-mount-start');
      const ms = await window.__bench!.mount(cap);
      performance.mark('bench-mount-end');
      return ms;
    }, CAP_MS);
    if (PROFILE) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile & { startTime: number } };
      if (process.argv.includes('--timeline')) printTimeline(profile);
      for (const [k, v] of selfTimes(profile)) profiles.set(k, (profiles.get(k) ?? 0) + v);
      return {
        firstPaintMs,
        cpuMs: NaN,
        busyMs: NaN,
        scriptMs: NaN,
        styleMs: NaN,
        layoutMs: NaN,
        paintMs: NaN,
        longestTaskMs: NaN,
        tasks: NaN,
        frames: NaN,
      };
    }
    const buf = await browser.stopTracing();
    const dump = argOf('dump');
    if (dump) writeFileSync(dump, buf);
    const trace = JSON.parse(buf.toString('utf8')) as { traceEvents: TraceEvent[] };
    return { firstPaintMs, ...figuresOf(trace) };
  } finally {
    await context.close().catch(() => undefined);
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main(): Promise<void> {
  const contenders = CONTENDERS.filter((c) => WANTED.includes(c));
  const buildTo = argOf('build-to');
  const dirs = argOf('dirs')
    ?.split(',')
    .map((d) => d.split('=') as [string, string]);
  const built = dirs ? null : await buildPages(contenders);
  if (built && buildTo) {
    cpSync(built.dir, buildTo, { recursive: true });
    built.dispose();
    log(`mount-trace: pages built into ${buildTo}`);
    return;
  }
  const servers = new Map<string, { url: string; close(): Promise<void> }>();
  for (const [label, dir] of dirs ?? [['', built!.dir]]) servers.set(label, await serveStatic(dir));
  const names = [...servers.keys()].flatMap((label) => contenders.map((c) => (label ? `${c}@${label}` : c)));
  const browser = await launchChromium();
  const runs = new Map<string, MountFigures[]>();
  const profiles = new Map<string, Map<string, number>>();
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const order = names.map((_, k) => names[(k + round) % names.length]!);
      for (const c of order) {
        const prof = profiles.get(c) ?? new Map<string, number>();
        profiles.set(c, prof);
        const [contender, label = ''] = c.split('@') as [ContenderName, string?];
        const page = `list/${contender === 'react-virtuoso' ? 'virtuoso' : contender === 'stream-chat-react' ? 'stream' : contender}.html`;
        const r = await oneRun(browser, `${servers.get(label)!.url}/${page}`, prof);
        (runs.get(c) ?? runs.set(c, []).get(c)!).push(r);
        log(
          `mount n=${SIZE} r${round + 1} ${c}: ${JSON.stringify(r, (_, v: unknown) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v))}`,
        );
      }
    }
  } finally {
    await browser.close();
    for (const s of servers.values()) await s.close();
    built?.dispose();
  }
  for (const c of names) {
    const rs = runs.get(c) ?? [];
    const keys = Object.keys(rs[0] ?? {}) as (keyof MountFigures)[];
    const med = Object.fromEntries(keys.map((k) => [k, Math.round(median(rs.map((r) => r[k])) * 10) / 10]));
    process.stdout.write(`${c} n=${SIZE} medians over ${rs.length}: ${JSON.stringify(med)}\n`);
    if (PROFILE) {
      const all = [...(profiles.get(c) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1]);
      const show = (prefix: string, count: number) => {
        for (const [name, ms] of all.filter(([k]) => k.startsWith(prefix)).slice(0, count))
          process.stdout.write(`  ${(ms / rs.length).toFixed(2).padStart(8)} ms  ${name}\n`);
      };
      show('total', 1);
      show('self ', 30);
      show('incl ', Number(argOf('inclusive') ?? 60));
    }
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
