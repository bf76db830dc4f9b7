// Conversation-page benchmark: one `natter serve` (child process,
// default limits, SQLite) where user `heavy` has 5,000 conversations over
// 1,000,000 messages. `heavy` loads its whole list page by page (the
// `conversations` op, 100 a page) again and again, while another user sends
// back to back; the same sender also runs alone first. Reported: page
// latency p50/p99 as `heavy` sees it, the other user's send latency alone and
// during the load, and the server's event-loop delay in both windows.
// Run: npx tsx bench/server/conversation-pages.bench.ts [--conversations 5000] [--messages 1000000] [--sends 400] [--rounds 3]
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
const ROUNDS = argNum('rounds', 3);
const PAGE = 50;

interface Eld {
  p50: number;
  p99: number;
  max: number;
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
  private waiting = new Map<string, (f: { t: string; r?: unknown; code?: number }) => void>();
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
  request(op: string, p: unknown): Promise<{ t: string; r?: unknown; code?: number }> {
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

async function sendBackToBack(c: Conn, n: number, failures: number[]): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
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

async function loadAllPages(c: Conn, pageTimes: number[], failures: number[]): Promise<number> {
  let cursor: string | null = null;
  let count = 0;
  do {
    const t0 = performance.now();
    const f = await c.request('conversations', cursor === null ? { limit: PAGE } : { cursor, limit: PAGE });
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
const other = await Conn.open(url, 'other');
const failures: number[] = [];
const rounds: { alone: number[]; loaded: number[]; pages: number[]; listed: number; eldAlone: Eld; eldLoaded: Eld }[] =
  [];
await sendBackToBack(other, 50, failures); // warm-up
for (let r = 0; r < ROUNDS; r++) {
  server.child.stdin!.write('reset\n');
  const alone = await sendBackToBack(other, SENDS, failures);
  const eldAlone = await eld();
  server.child.stdin!.write('reset\n');
  const pages: number[] = [];
  let loading = true;
  let listed = 0;
  const loader = (async () => {
    while (loading) listed = await loadAllPages(heavy, pages, failures);
  })();
  const loaded = await sendBackToBack(other, SENDS, failures);
  loading = false;
  await loader;
  const eldLoaded = await eld();
  rounds.push({ alone, loaded, pages, listed, eldAlone, eldLoaded });
}
heavy.close();
other.close();
server.child.removeAllListeners('exit');
server.child.stdin!.end();
await new Promise((resolve) => server.child.on('exit', resolve));

const per = (f: (x: (typeof rounds)[number]) => number) => r2(median(rounds.map(f)));
const summary = {
  conversations: CONVERSATIONS,
  messages: MESSAGES,
  pageSize: PAGE,
  sends: SENDS,
  rounds: ROUNDS,
  listed: rounds.map((x) => x.listed),
  pagesLoaded: rounds.map((x) => x.pages.length),
  page: { p50: per((x) => quantile(x.pages, 0.5)), p99: per((x) => quantile(x.pages, 0.99)) },
  sendAlone: { p50: per((x) => quantile(x.alone, 0.5)), p99: per((x) => quantile(x.alone, 0.99)) },
  sendLoaded: { p50: per((x) => quantile(x.loaded, 0.5)), p99: per((x) => quantile(x.loaded, 0.99)) },
  eventLoopAlone: { p99: per((x) => x.eldAlone.p99), max: per((x) => x.eldAlone.max) },
  eventLoopLoaded: { p99: per((x) => x.eldLoaded.p99), max: per((x) => x.eldLoaded.max) },
  failures,
};
process.stdout.write(
  `${JSON.stringify({ ...summary, sendP99Ratio: r2(summary.sendLoaded.p99 / summary.sendAlone.p99) }, null, 2)}\n`,
);
