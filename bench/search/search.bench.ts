// Benchmark (not a unit test): message search over a large SQLite database
// through a real `natter serve`, with another client sending messages all the
// while (are sends still answered, and how fast?).
//
//   node --import tsx bench/search/search.bench.ts [--messages 1000000] [--rounds 40] [--rate 100] [--db path]
//
// `--db path` keeps the filled database there and reuses it when it exists
// (filling 1,000,000 messages takes minutes). After the server run, the same
// queries run in-process on the storage itself, timed as wall and CPU time
// (CPU time says what a search costs even on a machine shared with others).
// The database is filled first (straight through SqliteStorage, so the FTS5
// index is kept by the same triggers as in production): `--messages` over
// 10,000 single chats, each between one of 100 "heavy" users and a peer, so a
// searching user reads 1% of all messages. Then a server process opens it; the
// searching users run each query `--rounds` times one after another (first page,
// 20 hits) while a sender sends `--rate` messages per second; latencies are
// measured at the client (WebSocket round trip on 127.0.0.1), and the server's
// event-loop delay (what other users of it wait on) is sampled alone and while
// searching. Prints one JSON object.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { createChatClient } from '../../src/client/chat-client';
import type { ChatClient } from '../../src/client/chat-client-types';
import { searchMessages } from '../../src/client/people';
import { SqliteStorage } from '../../src/node/sqlite-storage';
import { conversationKey } from '../../src/server/conversation-key';
import type { Message } from '../../src/protocol/message';
import { messageText, prng, QUERIES } from './corpus';

const keepAt = (() => {
  const i = process.argv.indexOf('--db');
  return i >= 0 ? process.argv[i + 1] : undefined;
})();
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const MESSAGES = arg('messages', 1_000_000);
const ROUNDS = arg('rounds', 40);
const RATE = arg('rate', 100);
const CONVERSATIONS = Math.min(10_000, Math.max(100, Math.floor(MESSAGES / 10)));
const HEAVY = 100;
const T0 = Date.UTC(2026, 0, 1);

const pct = (xs: number[], p: number): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 100) / 100;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function build(path: string): number {
  const started = performance.now();
  const storage = new SqliteStorage({ path, exclusive: false });
  const rand = prng(42);
  const peers = (c: number) => [`h${c % HEAVY}`, `p${c}`] as const;
  const BATCH = 5_000;
  for (let start = 0; start < MESSAGES; start += BATCH) {
    storage.transaction(() => {
      for (let j = start; j < Math.min(MESSAGES, start + BATCH); j++) {
        const c = j % CONVERSATIONS;
        const [a, b] = peers(c);
        const from = j % 2 === 0 ? a : b;
        const to = from === a ? b : a;
        const id = j.toString(36).padStart(10, '0');
        const message: Message = {
          serverId: `01B${id}`,
          localId: `L${id}`,
          from,
          to,
          chatType: 'single',
          seq: Math.floor(j / CONVERSATIONS) + 1,
          ts: T0 + j,
          body: { type: 'txt', msg: messageText(rand) },
        };
        storage.insertMessage({ key: conversationKey('single', from, to), message });
      }
    });
  }
  storage.transaction(() => {
    for (let c = 0; c < CONVERSATIONS; c++) {
      const [a, b] = peers(c);
      const key = conversationKey('single', a, b);
      const last = Math.floor((MESSAGES - 1 - c) / CONVERSATIONS) + 1;
      storage.nextSeq(key);
      for (const [user, peer] of [
        [a, b],
        [b, a],
      ] as const) {
        storage.putConversationState({
          user,
          key,
          id: `single:${peer}`,
          type: 'single',
          target: peer,
          readSeq: last,
          unread: 0,
          clearedSeq: 0,
          hidden: false,
          lastServerId: null,
          updatedAt: T0 + c,
        });
      }
    }
  });
  storage.close();
  return Math.round((performance.now() - started) / 100) / 10;
}

/** The server's event-loop delay over a sample, ms. */
interface Delay {
  p50: number;
  p99: number;
  max: number;
}

async function startChild(db: string): Promise<{
  port: number;
  resetDelay(): void;
  delay(): Promise<Delay>;
  stop(): Promise<void>;
}> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/search/search-server.ts', db], {
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
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

async function connect(port: number, user: string): Promise<ChatClient> {
  const c = createChatClient({
    url: `ws://127.0.0.1:${port}/ws`,
    user,
    WebSocket,
    reconnect: false,
    heartbeatMs: 0,
    requestTimeoutMs: 120_000,
  });
  await c.connect();
  return c;
}

/** Sends `RATE` messages per second until stopped; records each send's latency (ms). */
function startSender(c: ChatClient): { latencies: number[]; stop(): Promise<void> } {
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
      const next = t0 + (n * 1000) / RATE;
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

/** The same queries straight on the storage: wall and CPU ms per search (first page of 20). */
async function inProcess(
  db: string,
): Promise<Array<{ name: string; wallP50: number; wallP99: number; cpuP50: number; cpuP99: number }>> {
  const { asyncStorage } = await import('../../src/server/sync-storage-adapter');
  const { createServerCore } = await import('../../src/server/server-core');
  const sync = new SqliteStorage({ path: db });
  const core = createServerCore({ storage: asyncStorage(sync), rateLimit: false });
  const out = [];
  try {
    // Through the core's own search operation (scopes from the user's conversations), over the loopback.
    const { createLoopbackTransport } = await import('../../src/server/loopback-transport');
    const client = createChatClient({
      transport: createLoopbackTransport(core),
      user: 'h1',
      reconnect: false,
      heartbeatMs: 0,
    });
    await client.connect();
    for (const q of QUERIES) {
      const wall: number[] = [];
      const cpu: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        await searchMessages(client, q.query);
        wall.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpu.push((c.user + c.system) / 1000);
      }
      out.push({
        name: q.name,
        wallP50: pct(wall, 50),
        wallP99: pct(wall, 99),
        cpuP50: pct(cpu, 50),
        cpuP99: pct(cpu, 99),
      });
    }
    client.close();
  } finally {
    await core.close();
    sync.close();
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'natter-search-bench-'));
try {
  const db = keepAt ?? join(dir, 'search.sqlite');
  let buildSeconds = 0;
  try {
    statSync(db);
  } catch {
    buildSeconds = build(db);
  }
  const dbMB = Math.round(statSync(db).size / 1e5) / 10;
  const server = await startChild(db);
  let stopped = false;
  try {
    const searchers = await Promise.all(Array.from({ length: 4 }, (_, i) => connect(server.port, `h${i + 1}`)));
    const sender = await connect(server.port, 'sender');
    // Warm-up: the first queries load the pages the index needs.
    for (const q of QUERIES) await searchMessages(searchers[0]!, q.query);

    server.resetDelay();
    const baseline = startSender(sender);
    await sleep(3000);
    await baseline.stop();
    const delayAlone = await server.delay();

    server.resetDelay();
    const during = startSender(sender);
    const queries = [];
    for (const q of QUERIES) {
      const ms: number[] = [];
      let hits = 0;
      for (let r = 0; r < ROUNDS; r++) {
        const c = searchers[r % searchers.length]!;
        const at = performance.now();
        const page = await searchMessages(c, q.query);
        ms.push(performance.now() - at);
        hits += page.hits.length;
      }
      queries.push({
        name: q.name,
        query: q.query,
        p50: pct(ms, 50),
        p99: pct(ms, 99),
        max: pct(ms, 100),
        meanHits: Math.round((hits / ROUNDS) * 10) / 10,
      });
    }
    await during.stop();
    const delaySearching = await server.delay();
    for (const c of [...searchers, sender]) c.close();
    await server.stop();
    stopped = true;
    const storage = await inProcess(db);
    const all = queries.flatMap((q) => [q.p99]);
    process.stdout.write(
      JSON.stringify({
        messages: MESSAGES,
        conversations: CONVERSATIONS,
        // Conversation c belongs to heavy user c % HEAVY: each reads 1 / HEAVY of all messages.
        readShare: 1 / HEAVY,
        rounds: ROUNDS,
        sendRate: RATE,
        buildSeconds,
        dbMB,
        queries,
        worstP99: Math.max(...all),
        inProcess: storage,
        worstCpuP99: Math.max(...storage.map((x) => x.cpuP99)),
        eventLoopDelay: { alone: delayAlone, duringSearch: delaySearching },
        sends: {
          alone: { n: baseline.latencies.length, p50: pct(baseline.latencies, 50), p99: pct(baseline.latencies, 99) },
          duringSearch: { n: during.latencies.length, p50: pct(during.latencies, 50), p99: pct(during.latencies, 99) },
        },
      }) + '\n',
    );
  } finally {
    if (!stopped) await server.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
