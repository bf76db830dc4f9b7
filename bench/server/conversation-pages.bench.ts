// Conversation-page benchmark: one `natter serve` (child process,
// default limits, SQLite) where user `heavy` has 5,000 conversations over
// 1,000,000 messages. Each round, other users (4 new ones each round, in turn) first send back to back with
// the server otherwise idle; then `heavy` loads its whole list once, page by
// page as natter's client does (`conversations()`: 50 a page, the next asked
// as soon as the previous arrives, a 509 waited out for the time it names),
// while the same users send back to back until the list is loaded (the loading
// user on a thread of its own, list-loader.ts, as if on its own machine). Reported:
// page latency p50/p99 as `heavy` sees it, the other user's send latency in
// both windows (samples of every round together), and the server's
// event-loop delay, CPU time and event-loop busy time in both windows: CPU
// per page and per send are counted by the kernel, so they hold on a loaded
// machine where the latencies do not. Each round `heavy` also loads its list
// once with nobody sending (between the two windows): the server's CPU and
// event-loop busy time per page measured directly, not as what the loaded
// window used beyond its sends.
// Run: npx tsx bench/server/conversation-pages.bench.ts [--conversations 5000] [--messages 1000000] [--sends 400] [--rounds 10]
// Prints one JSON document on stdout.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LoadResult } from './list-loader';
import { Conn } from './protocol-conn';

const here = dirname(fileURLToPath(import.meta.url));
const argNum = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const CONVERSATIONS = argNum('conversations', 5000);
const MESSAGES = argNum('messages', 1_000_000);
const SENDS = argNum('sends', 400);
const ROUNDS = argNum('rounds', 10);
const PAGE = 50;

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
    ['--import', 'tsx', join(here, 'heavy-server.ts'), String(CONVERSATIONS), String(MESSAGES)],
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
// `heavy` loads on a thread of its own (list-loader.ts).
// A worker does not inherit tsx's loader in Node 20: it registers it, then imports the TypeScript module.
const loaderUrl = new URL('./list-loader.ts', import.meta.url).href;
const heavy = new Worker(
  `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(loaderUrl)}); })`,
  { eval: true, workerData: { url, pageSize: PAGE } },
);
await new Promise((resolve) => heavy.once('message', resolve));
const loadList = (): Promise<LoadResult> =>
  new Promise((resolve) => {
    heavy.once('message', resolve);
    heavy.postMessage({ load: true });
  });
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
await sendBackToBack(warm, 50, failures); // warm-up
for (const c of warm) c.close();
await loadList(); // warm-up: the pages' code compiled, the file's pages cached
for (let r = 0; r < ROUNDS; r++) {
  const other = await otherUsers(r);
  server.child.stdin!.write('reset\n');
  const alone = await sendBackToBack(other, SENDS, failures);
  const eldAlone = await eld();
  // What the sends left for later (search index, WAL checkpoint) is done first, outside the window.
  const settled = server.waitLine('SETTLED');
  server.child.stdin!.write('settle\n');
  await settled;
  server.child.stdin!.write('reset\n');
  const pagesOnly = await loadList();
  refused.push(...pagesOnly.refused);
  failures.push(...pagesOnly.failures);
  const eldPagesOnly = await eld();
  server.child.stdin!.write('reset\n');
  const loading = loadList();
  const loaded = await sendBackToBack(other, Infinity, failures, loading);
  const { pages, listed, refused: waited, failures: failed } = await loading;
  refused.push(...waited);
  failures.push(...failed);
  const eldLoaded = await eld();
  rounds.push({ alone, loaded, pages, listed, eldAlone, eldLoaded, pagesOnly: pagesOnly.pages, eldPagesOnly });
  for (const c of other) c.close();
}
heavy.postMessage({ close: true });
await new Promise((resolve) => heavy.once('exit', resolve));
server.child.removeAllListeners('exit');
server.child.stdin!.end();
await new Promise((resolve) => server.child.on('exit', resolve));

const all = (f: (x: (typeof rounds)[number]) => number[]) => rounds.flatMap(f);
const pct = (xs: number[]) => ({ p50: r2(quantile(xs, 0.5)), p99: r2(quantile(xs, 0.99)), max: r2(Math.max(...xs)) });
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
  sends: SENDS,
  rounds: ROUNDS,
  listed: rounds.map((x) => x.listed),
  pagesLoaded: rounds.map((x) => x.pages.length),
  sendsWhileLoading: rounds.map((x) => x.loaded.length),
  page: pct(all((x) => x.pages)),
  sendAlone: pct(all((x) => x.alone)),
  sendLoaded: pct(all((x) => x.loaded)),
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
