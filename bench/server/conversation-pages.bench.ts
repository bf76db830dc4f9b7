// Conversation-page benchmark: one `natter serve` (child process,
// default limits, SQLite) where user `heavy` has 5,000 conversations over
// 1,000,000 messages. Each round, another user (a new one each round) first sends back to back with
// the server otherwise idle; then `heavy` loads its whole list once, page by
// page as natter's client does (`conversations()`: 50 a page, the next asked
// as soon as the previous arrives, a 509 waited out for the time it names),
// while the same user sends back to back until the list is loaded. Reported:
// page latency p50/p99 as `heavy` sees it, the other user's send latency in
// both windows (samples of every round together), and the server's
// event-loop delay, CPU time and event-loop busy time in both windows: CPU
// per page and per send are counted by the kernel, so they hold on a loaded
// machine where the latencies do not.
// Run: npx tsx bench/server/conversation-pages.bench.ts [--conversations 5000] [--messages 1000000] [--sends 400] [--rounds 10]
// Prints one JSON document on stdout.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';

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

/** A protocol connection over ws: request → answer, with latency. */
class Conn {
  private next = 1;
  private waiting = new Map<string, (f: { t: string; r?: unknown; code?: number; retryAfter?: number }) => void>();
  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (d) => {
      const f = JSON.parse(String(d)) as { t: string; id?: string };
      if ((f.t === 'ok' || f.t === 'err') && f.id) {
        const w = this.waiting.get(f.id);
        this.waiting.delete(f.id);
        w?.(f);
      }
    });
  }
  static open(url: string, user: string): Promise<Conn> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.on('error', reject);
      ws.on('open', () => {
        ws.send(JSON.stringify({ v: 1, t: 'hello', user, device: 'bench' }));
        ws.once('message', () => resolve(new Conn(ws)));
      });
    });
  }
  request(op: string, p: unknown): Promise<{ t: string; r?: unknown; code?: number; retryAfter?: number }> {
    const id = `q${this.next++}`;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.ws.send(JSON.stringify({ v: 1, t: 'req', id, op, p }));
    });
  }
  close(): void {
    this.ws.close();
  }
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : NaN;
};
const r2 = (x: number) => Math.round(x * 100) / 100;
const median = (xs: number[]) => quantile(xs, 0.5);

/** Sends back to back: `n` of them, or (n = Infinity) until `until` settles. */
async function sendBackToBack(c: Conn, n: number, failures: number[], until?: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until?.then(() => (done = true));
  const times: number[] = [];
  for (let i = 0; i < n && !done; i++) {
    const t0 = performance.now();
    const f = await c.request('send', {
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

/** The whole list, as the client's conversations() loads it: a page refused for the rate is asked again after the wait it names. */
async function loadAllPages(c: Conn, pageTimes: number[], failures: number[], refused: number[]): Promise<number> {
  let cursor: string | null = null;
  let count = 0;
  do {
    const t0 = performance.now();
    const f = await c.request('conversations', cursor === null ? { limit: PAGE } : { cursor, limit: PAGE });
    if (f.t !== 'ok' && f.code === 509) {
      refused.push(f.retryAfter ?? 1000);
      await new Promise((resolve) => setTimeout(resolve, f.retryAfter ?? 1000));
      continue;
    }
    pageTimes.push(performance.now() - t0);
    if (f.t !== 'ok') {
      failures.push(f.code ?? -1);
      break;
    }
    const page = f.r as { conversations: unknown[]; cursor: string | null };
    count += page.conversations.length;
    cursor = page.cursor;
  } while (cursor !== null);
  return count;
}

const server = await startChild();
const url = `ws://127.0.0.1:${server.port}/ws`;
const eld = async (): Promise<Eld> => {
  const line = server.waitLine('ELD ');
  server.child.stdin!.write('report\n');
  return JSON.parse((await line).slice(4)) as Eld;
};
const heavy = await Conn.open(url, 'heavy');
// The other user is a new one each round: one user sending back to back for every round would be
// a flood the default rate limit rightly refuses (200/s past a burst of 1000).
const otherUser = async (r: number) => Conn.open(url, `other${r}`);
const failures: number[] = [];
const refused: number[] = [];
const rounds: { alone: number[]; loaded: number[]; pages: number[]; listed: number; eldAlone: Eld; eldLoaded: Eld }[] =
  [];
const warm = await otherUser(-1);
await sendBackToBack(warm, 50, failures); // warm-up
warm.close();
await loadAllPages(heavy, [], failures, refused); // warm-up: the pages' code compiled, the file's pages cached
for (let r = 0; r < ROUNDS; r++) {
  const other = await otherUser(r);
  server.child.stdin!.write('reset\n');
  const alone = await sendBackToBack(other, SENDS, failures);
  const eldAlone = await eld();
  server.child.stdin!.write('reset\n');
  const pages: number[] = [];
  const loading = loadAllPages(heavy, pages, failures, refused);
  const loaded = await sendBackToBack(other, Infinity, failures, loading);
  const listed = await loading;
  const eldLoaded = await eld();
  rounds.push({ alone, loaded, pages, listed, eldAlone, eldLoaded });
  other.close();
}
heavy.close();
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
  serverCpuMs: { perSend: Math.round(cpuPerSend * 1000) / 1000, perPage: Math.round(cpuPerPage * 1000) / 1000 },
  loopBusyMs: { perSend: Math.round(busyPerSend * 1000) / 1000, perPage: Math.round(busyPerPage * 1000) / 1000 },
  refused,
  failures,
};
process.stdout.write(
  `${JSON.stringify({ ...summary, sendP99Ratio: r2(summary.sendLoaded.p99 / summary.sendAlone.p99) }, null, 2)}\n`,
);
