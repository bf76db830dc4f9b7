// Conversation-page benchmark: one `natter serve` (child process,
// default limits, SQLite) where user `heavy` has 5,000 conversations over
// 1,000,000 messages. Each round, other users (4 new ones each round, in
// turn) send back to back in two windows side by side: while `heavy` loads
// its whole list once, page by page as natter's client does
// (`conversations()`: 50 a page, the next asked as soon as the previous
// arrives), and with the server otherwise idle, as many sends as the loaded
// window got. The two windows alternate which comes first (even rounds
// loaded first), so a drift of the machine's load over a round counts against
// both alike, and each p99 is taken over the same number of samples. The
// loading user runs on a thread of its own (list-loader.ts), as if on its own
// machine. Before each window the server settles what earlier sends left for
// later (search index catch-up, a WAL checkpoint), so no window pays for
// another's sends; and before each list load the bench waits until `heavy`'s
// rate-limit bucket (the server's default rule) holds a whole list, so no
// page is refused mid-window (a refused page left the server idle while the
// loader waited, and the sends meanwhile counted as "loaded"). Reported: page
// latency p50/p99 as `heavy` sees it, the other users' send latency in both
// windows (samples of every round together), and the server's event-loop
// delay, CPU time and event-loop busy time per window: CPU per page and per
// send are counted by the kernel, so they hold on a loaded machine where the
// latencies do not. Each round `heavy` also loads its list once with nobody
// sending: the server's CPU and event-loop busy time per page measured
// directly, not as what the loaded window used beyond its sends.
// Run: npx tsx bench/server/conversation-pages.bench.ts [--conversations 5000] [--messages 1000000] [--rounds 20]
// [--server-cpu-prof DIR] (the server writes a V8 CPU profile of each of its threads into DIR when it
// stops, to see where a page's time goes). Prints one JSON document on stdout.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DEFAULT_RATE_LIMIT } from '../../src/server/rate-limiter';
import type { LoadResult } from './list-loader';
import { Conn } from './protocol-conn';
import { packedServerEntryUrl } from '../support/packed-package';

const here = dirname(fileURLToPath(import.meta.url));
const argNum = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const argDir = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const CONVERSATIONS = argNum('conversations', 5000);
const MESSAGES = argNum('messages', 1_000_000);
const ROUNDS = argNum('rounds', 20);
const PAGE = 50;
/** Back-to-back sends that warm the send path up before the first round. */
const WARM_SENDS = 50;
const PROFILE_DIR = argDir('server-cpu-prof');

interface Eld {
  p50: number;
  p99: number;
  max: number;
  cpuMs: number;
  loopBusyMs: number;
}

function startChild(): Promise<{
  child: ChildProcess;
  port: number;
  lines: string[];
  waitLine(prefix: string): Promise<string>;
}> {
  const child = spawn(
    process.execPath,
    [
      ...(PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR] : []),
      '--import',
      'tsx',
      join(here, 'heavy-server.ts'),
      String(CONVERSATIONS),
      String(MESSAGES),
      packedServerEntryUrl(),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines: string[] = [];
  const waiters: { prefix: string; resolve(line: string): void }[] = [];
  let buf = '';
  child.stdout.on('data', (d: Buffer) => {
    buf += String(d);
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      const w = waiters.findIndex((x) => line.startsWith(x.prefix));
      if (w >= 0) waiters.splice(w, 1)[0]!.resolve(line);
      else lines.push(line);
    }
  });
  const waitLine = (prefix: string) => new Promise<string>((resolve) => waiters.push({ prefix, resolve }));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    void waitLine('PORT ').then((line) => resolve({ child, port: Number(line.slice(5)), lines, waitLine }));
  });
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : NaN;
};
const r2 = (x: number) => Math.round(x * 100) / 100;
const median = (xs: number[]) => quantile(xs, 0.5);

/** Sends back to back, from each of `cs` in turn: `n` of them, or (n = Infinity) until `until` settles. */
async function sendBackToBack(cs: Conn[], n: number, failures: number[], until?: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until?.then(() => (done = true));
  const times: number[] = [];
  for (let i = 0; i < n && !done; i++) {
    const t0 = performance.now();
    const f = await cs[i % cs.length]!.request('send', {
      localId: `b${Date.now()}-${i}-${Math.random().toString(36).slice(2)}`,
      to: 'peer',
      chatType: 'single',
      body: { type: 'txt', msg: `hello ${i}` },
    });
    times.push(performance.now() - t0);
    if (f.t !== 'ok') failures.push(f.code ?? -1);
  }
  return times;
}

const server = await startChild();
const url = `ws://127.0.0.1:${server.port}/ws`;
const eld = async (): Promise<Eld> => {
  const line = server.waitLine('ELD ');
  server.child.stdin!.write('report\n');
  return JSON.parse((await line).slice(4)) as Eld;
};
/** What earlier sends left for later is done first, then a new window starts. */
const newWindow = async (): Promise<void> => {
  const settled = server.waitLine('SETTLED');
  server.child.stdin!.write('settle\n');
  await settled;
  server.child.stdin!.write('reset\n');
};
// `heavy` loads on a thread of its own (list-loader.ts).
// A worker does not inherit tsx's loader in Node 20: it registers it, then imports the TypeScript module.
const loaderUrl = new URL('./list-loader.ts', import.meta.url).href;
const heavy = new Worker(
  `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(loaderUrl)}); })`,
  { eval: true, workerData: { url, pageSize: PAGE } },
);
await new Promise((resolve) => heavy.once('message', resolve));
// `heavy`'s bucket at the server's default rule (per user, refilled at perSecond, capped at burst),
// counted from the pages it was answered (a refused page takes nothing). Counted from when each
// load starts, not from its last page, so it is never more than the server's: a load waits until it
// holds a whole list and a page never waits out a 509 in the middle of a window.
const LIST_PAGES = Math.ceil(CONVERSATIONS / PAGE) + 1;
const bucket = { tokens: DEFAULT_RATE_LIMIT.burst, at: performance.now() };
const refill = (): void => {
  const now = performance.now();
  bucket.tokens = Math.min(
    DEFAULT_RATE_LIMIT.burst,
    bucket.tokens + ((now - bucket.at) * DEFAULT_RATE_LIMIT.perSecond) / 1000,
  );
  bucket.at = now;
};
const bucketHoldsAList = async (): Promise<void> => {
  refill();
  const short = LIST_PAGES - bucket.tokens;
  // The refill rate is the server's rule: this wait is the time the bucket needs, not a guess.
  if (short > 0) await new Promise((resolve) => setTimeout(resolve, (short * 1000) / DEFAULT_RATE_LIMIT.perSecond + 1));
  refill();
};
const loadList = async (): Promise<LoadResult> => {
  await bucketHoldsAList();
  const result = await new Promise<LoadResult>((resolve) => {
    heavy.once('message', resolve);
    heavy.postMessage({ load: true });
  });
  bucket.tokens -= result.pages.length;
  return result;
};
// The other users (new ones each round) send in turn: one user sending back to back through every
// round, or through a list load slowed down by a loaded machine, is a flood the default rate limit
// rightly refuses (200/s past a burst of 1000).
const OTHERS = 4;
const otherUsers = (r: number) =>
  Promise.all(Array.from({ length: OTHERS }, (_, i) => Conn.open(url, `other${r}-${i}`)));
const failures: number[] = [];
const refused: number[] = [];
const rounds: {
  alone: number[];
  loaded: number[];
  pages: number[];
  listed: number;
  eldAlone: Eld;
  eldLoaded: Eld;
  /** The list loaded with nobody sending: its page latencies and the server's window. */
  pagesOnly: number[];
  eldPagesOnly: Eld;
}[] = [];
const warm = await otherUsers(-1);
await sendBackToBack(warm, WARM_SENDS, failures); // warm-up
for (const c of warm) c.close();
await loadList(); // warm-up: the pages' code compiled, the file's pages cached
// The idle window of an alone-first round sends as many as the previous round's loaded window got.
let lastLoadedCount = 0;
for (let r = 0; r < ROUNDS; r++) {
  const other = await otherUsers(r);
  const aloneWindow = async (n: number) => {
    await newWindow();
    const alone = await sendBackToBack(other, n, failures);
    return { alone, eldAlone: await eld() };
  };
  const loadedWindow = async () => {
    // The bucket is waited for before the window starts: the wait is no part of it.
    await bucketHoldsAList();
    await newWindow();
    const loading = loadList();
    const loaded = await sendBackToBack(other, Infinity, failures, loading);
    const { pages, listed, refused: waited, failures: failed } = await loading;
    refused.push(...waited);
    failures.push(...failed);
    lastLoadedCount = loaded.length;
    return { loaded, pages, listed, eldLoaded: await eld() };
  };
  let a: Awaited<ReturnType<typeof aloneWindow>>;
  let l: Awaited<ReturnType<typeof loadedWindow>>;
  if (r % 2 === 0) {
    l = await loadedWindow();
    a = await aloneWindow(l.loaded.length);
  } else {
    a = await aloneWindow(lastLoadedCount);
    l = await loadedWindow();
  }
  await bucketHoldsAList();
  await newWindow();
  const pagesOnly = await loadList();
  refused.push(...pagesOnly.refused);
  failures.push(...pagesOnly.failures);
  const eldPagesOnly = await eld();
  rounds.push({ ...a, ...l, pagesOnly: pagesOnly.pages, eldPagesOnly });
  for (const c of other) c.close();
}
heavy.postMessage({ close: true });
await new Promise((resolve) => heavy.once('exit', resolve));
server.child.removeAllListeners('exit');
server.child.stdin!.end();
await new Promise((resolve) => server.child.on('exit', resolve));

const all = (f: (x: (typeof rounds)[number]) => number[]) => rounds.flatMap(f);
const pct = (xs: number[]) => ({ p50: r2(quantile(xs, 0.5)), p99: r2(quantile(xs, 0.99)), max: r2(Math.max(...xs)) });
const p99Ratio = (rs: typeof rounds) =>
  r2(
    quantile(
      rs.flatMap((x) => x.loaded),
      0.99,
    ) /
      quantile(
        rs.flatMap((x) => x.alone),
        0.99,
      ),
  );
const per = (f: (x: (typeof rounds)[number]) => number) => r2(median(rounds.map(f)));
const sum = (f: (x: (typeof rounds)[number]) => number) => rounds.reduce((a, x) => a + f(x), 0);
// Server CPU per send from the idle windows; what the loaded windows used beyond their sends is the pages'.
const cpuPerSend = sum((x) => x.eldAlone.cpuMs) / sum((x) => x.alone.length);
const pagesLoaded = sum((x) => x.pages.length);
const cpuPerPage = (sum((x) => x.eldLoaded.cpuMs) - cpuPerSend * sum((x) => x.loaded.length)) / pagesLoaded;
const busyPerSend = sum((x) => x.eldAlone.loopBusyMs) / sum((x) => x.alone.length);
const pagesOnlyLoaded = sum((x) => x.pagesOnly.length);
const cpuPerPageOnly = sum((x) => x.eldPagesOnly.cpuMs) / pagesOnlyLoaded;
const busyPerPageOnly = sum((x) => x.eldPagesOnly.loopBusyMs) / pagesOnlyLoaded;
const ms3 = (x: number) => Math.round(x * 1000) / 1000;
const busyPerPage = (sum((x) => x.eldLoaded.loopBusyMs) - busyPerSend * sum((x) => x.loaded.length)) / pagesLoaded;
const summary = {
  conversations: CONVERSATIONS,
  messages: MESSAGES,
  pageSize: PAGE,
  rounds: ROUNDS,
  listed: rounds.map((x) => x.listed),
  pagesLoaded: rounds.map((x) => x.pages.length),
  sendsWhileLoading: rounds.map((x) => x.loaded.length),
  sendsIdle: rounds.map((x) => x.alone.length),
  page: pct(all((x) => x.pages)),
  sendAlone: pct(all((x) => x.alone)),
  sendLoaded: pct(all((x) => x.loaded)),
  // The same ratio over the loaded-first rounds and over the alone-first ones: how far it moves
  // between two halves of one run (and whether the order of the windows matters).
  sendP99RatioByOrder: {
    loadedFirst: p99Ratio(rounds.filter((_, i) => i % 2 === 0)),
    aloneFirst: p99Ratio(rounds.filter((_, i) => i % 2 === 1)),
  },
  eventLoopAlone: { p99: per((x) => x.eldAlone.p99), max: per((x) => x.eldAlone.max) },
  eventLoopLoaded: { p99: per((x) => x.eldLoaded.p99), max: per((x) => x.eldLoaded.max) },
  // The list loaded with nobody sending: page latency, the server's event-loop delay, CPU and busy time per page.
  pageOnly: pct(all((x) => x.pagesOnly)),
  eventLoopPagesOnly: { p99: per((x) => x.eldPagesOnly.p99), max: per((x) => x.eldPagesOnly.max) },
  serverCpuMs: { perSend: ms3(cpuPerSend), perPage: ms3(cpuPerPage), perPageOnly: ms3(cpuPerPageOnly) },
  loopBusyMs: { perSend: ms3(busyPerSend), perPage: ms3(busyPerPage), perPageOnly: ms3(busyPerPageOnly) },
  refused,
  failures,
};
process.stdout.write(
  `${JSON.stringify({ ...summary, sendP99Ratio: r2(summary.sendLoaded.p99 / summary.sendAlone.p99) }, null, 2)}\n`,
);
