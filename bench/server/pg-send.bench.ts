// Send latency on PostgreSQL: `natter serve --db postgres://…` (in process,
// from the packed @natter/server, with natter's client from the packed natter;
// dev auth, no rate limit) on a real PostgreSQL started for the run (as the
// cluster tests start it), one client sending to another at RATE sends per
// second for SECONDS, ROUNDS times, after FILL messages are stored. The figure
// is the time from send to its answer (p50/p99 per round), next to the load
// average, since on a shared machine every round trip to the database waits
// for a core. Run: npx tsx bench/server/pg-send.bench.ts [--rate 100]
// [--seconds 3] [--rounds 3] [--fill 3000]. Prints one JSON document on stdout.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { ChatClient } from '../../src/client/chat-client-types';
import { startPostgres } from '../../test/node/cluster/support/services';
import { packedEntryUrl, packedServerEntryUrl } from '../support/packed-package';

const { startServer, silentLogger } = (await import(
  packedServerEntryUrl()
)) as typeof import('../../src/entries/server');
const { createChatClient } = (await import(packedEntryUrl('.'))) as typeof import('../../src/entries/index');

const argNum = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const RATE = argNum('rate', 100);
const SECONDS = argNum('seconds', 3);
const ROUNDS = argNum('rounds', 3);
const FILL = argNum('fill', 3000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 10) / 10;
};

/** Sends at `RATE` per second for `SECONDS` (open loop: a slow answer does not slow the sender). */
async function round(sender: ChatClient): Promise<{ n: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  const answers: Promise<unknown>[] = [];
  const t0 = performance.now();
  for (let n = 0; performance.now() - t0 < SECONDS * 1000;) {
    const at = performance.now();
    answers.push(sender.sendText('single:receiver', `load ${n++}`).then(() => latencies.push(performance.now() - at)));
    await sleep(Math.max(0, t0 + (n * 1000) / RATE - performance.now()));
  }
  await Promise.all(answers);
  return { n: latencies.length, p50: pct(latencies, 50), p99: pct(latencies, 99) };
}

const pg = await startPostgres();
const files = mkdtempSync(join(tmpdir(), 'natter-pg-send-'));
try {
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    db: pg.url,
    files,
    dev: true,
    logger: silentLogger,
    core: { rateLimit: false },
  });
  const connect = async (user: string): Promise<ChatClient> => {
    const c = createChatClient({
      url: `ws://127.0.0.1:${server.port}/ws`,
      user,
      WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
      reconnect: false,
      heartbeatMs: 0,
      requestTimeoutMs: 120_000,
    });
    await c.connect();
    return c;
  };
  const receiver = await connect('receiver');
  const sender = await connect('sender');
  const fillStart = performance.now();
  for (let i = 0; i < FILL; i += 100)
    await Promise.all(
      Array.from({ length: Math.min(100, FILL - i) }, (_, k) => sender.sendText('single:receiver', `fill ${i + k}`)),
    );
  const fillSeconds = Math.round((performance.now() - fillStart) / 100) / 10;
  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) rounds.push({ ...(await round(sender)), load: Math.round(loadavg()[0]! * 10) / 10 });
  receiver.close();
  sender.close();
  await server.close();
  const p50 = pct(
    rounds.map((r) => r.p50),
    50,
  );
  const p99 = pct(
    rounds.map((r) => r.p99),
    50,
  );
  process.stdout.write(
    `${JSON.stringify({ rate: RATE, seconds: SECONDS, fill: FILL, fillSeconds, rounds, p50, p99 }, null, 2)}\n`,
  );
} finally {
  rmSync(files, { recursive: true, force: true });
  await pg.stop();
}
