// The search benchmark's run against one `natter serve` (search-server.ts, a
// child process): searching users run each query `rounds` times one after
// another (first page, 20 hits) while a sender sends `rate` messages per
// second; latencies are measured at the client (WebSocket round trip on
// 127.0.0.1), and the server's event-loop delay is sampled with sends alone
// and while searching.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import type { ChatClient } from 'natter';
import { QUERIES } from './corpus';

type NatterMain = typeof import('natter');

/** The server's event-loop delay over a sample, ms. */
export interface Delay {
  p50: number;
  p99: number;
  max: number;
}

export interface ServerRun {
  queries: Array<{ name: string; query: string; p50: number; p99: number; max: number; meanHits: number }>;
  worstP99: number;
  eventLoopDelay: { alone: Delay; duringSearch: Delay };
  sends: { alone: SendFigures; duringSearch: SendFigures };
}

interface SendFigures {
  n: number;
  p50: number;
  p99: number;
}

export const pct = (xs: number[], p: number): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 100) / 100;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startChild(db: string, serverEntry: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/search/search-server.ts', db, serverEntry], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  let delayWaiter: ((d: Delay) => void) | null = null;
  const port = await new Promise<number>((resolve, reject) => {
    lines.on('line', (l) => {
      const m = /^PORT (\d+)/.exec(l);
      if (m) resolve(Number(m[1]));
      const d = /^DELAY (.*)$/.exec(l);
      if (d && delayWaiter) delayWaiter(JSON.parse(d[1]!) as Delay);
    });
    child.once('exit', (code) => reject(new Error(`search server exited ${code}`)));
  });
  return {
    port,
    resetDelay: () => child.stdin.write('reset\n'),
    delay: () =>
      new Promise<Delay>((resolve) => {
        delayWaiter = resolve;
        child.stdin.write('report\n');
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

/** Sends `rate` messages per second until stopped; records each send's latency (ms). */
function startSender(c: ChatClient, rate: number): { latencies: number[]; stop(): Promise<void> } {
  const latencies: number[] = [];
  const inFlight = new Set<Promise<unknown>>();
  let running = true;
  const loop = (async () => {
    let n = 0;
    const t0 = performance.now();
    while (running) {
      const at = performance.now();
      const p = c.sendText('single:h0', `load message ${n++}`).then(() => latencies.push(performance.now() - at));
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
      const next = t0 + (n * 1000) / rate;
      await sleep(Math.max(0, next - performance.now()));
    }
  })();
  return {
    latencies,
    async stop() {
      running = false;
      await loop;
      await Promise.all(inFlight);
    },
  };
}

const figures = (xs: number[]): SendFigures => ({ n: xs.length, p50: pct(xs, 50), p99: pct(xs, 99) });

/**
 * Starts a server on `db`, measures, stops it. `fill` (when given) runs once the server is up
 * (a PostgreSQL database is migrated by the server, then filled).
 */
export async function measureServer(
  natter: NatterMain,
  serverEntry: string,
  db: string,
  opts: { rounds: number; rate: number; fill?: () => Promise<unknown> },
): Promise<ServerRun> {
  const server = await startChild(db, serverEntry);
  const clients: ChatClient[] = [];
  const connect = async (user: string) => {
    const c = natter.createChatClient({
      url: `ws://127.0.0.1:${server.port}/ws`,
      user,
      WebSocket,
      reconnect: false,
      heartbeatMs: 0,
      requestTimeoutMs: 120_000,
    });
    clients.push(c);
    await c.connect();
    return c;
  };
  try {
    await opts.fill?.();
    const searchers = await Promise.all([1, 2, 3, 4].map((i) => connect(`h${i}`)));
    const sender = await connect('sender');
    // Warm-up: the first queries load the pages the index needs.
    for (const q of QUERIES) await natter.searchMessages(searchers[0]!, q.query);

    server.resetDelay();
    const baseline = startSender(sender, opts.rate);
    await sleep(3000);
    await baseline.stop();
    const alone = await server.delay();

    server.resetDelay();
    const during = startSender(sender, opts.rate);
    const queries: ServerRun['queries'] = [];
    for (const q of QUERIES) {
      const ms: number[] = [];
      let hits = 0;
      for (let r = 0; r < opts.rounds; r++) {
        const at = performance.now();
        const page = await natter.searchMessages(searchers[r % searchers.length]!, q.query);
        ms.push(performance.now() - at);
        hits += page.hits.length;
      }
      queries.push({
        name: q.name,
        query: q.query,
        p50: pct(ms, 50),
        p99: pct(ms, 99),
        max: pct(ms, 100),
        meanHits: Math.round((hits / opts.rounds) * 10) / 10,
      });
    }
    await during.stop();
    const duringSearch = await server.delay();
    return {
      queries,
      worstP99: Math.max(...queries.map((q) => q.p99)),
      eventLoopDelay: { alone, duringSearch },
      sends: { alone: figures(baseline.latencies), duringSearch: figures(during.latencies) },
    };
  } finally {
    for (const c of clients) c.close();
    await server.stop();
  }
}
