// Benchmark (not a unit test): message search as an app installs natter (the
// packed `natter` and `@natter/server`, bench/support/packed-package.ts):
// over a large SQLite database and the same messages in PostgreSQL, each
// through a real `natter serve` with another client sending messages all the
// while (are sends still answered, and how fast?); and the first search in a
// large conversation of the memory storage (the embedded server's), where
// its word index is built.
//
//   node --import tsx bench/search/search.bench.ts [--messages 1000000] [--rounds 200] [--rate 100]
//        [--memory-messages 100000] [--db path] [--pg-data dir] [--no-pg] [--memory-only]
//
// `--db path` keeps the filled SQLite database there and reuses it when it
// exists (filling 1,000,000 messages takes minutes); `--pg-data dir` does the
// same for PostgreSQL's data folder (both for repeated experiments; each run's
// sends add a few thousand rows, and `--messages` must be the one they were
// filled with). The corpus (corpus.ts):
// `--messages` over 10,000 single chats, each between one of 100 "heavy" users
// and a peer, so a searching user reads 1% of all messages. Each server run is
// server-run.ts. After the SQLite server run, the same queries run in-process
// on the storage through the core, timed as wall and CPU time (CPU time says
// what a search costs even on a machine shared with others). PostgreSQL is a
// throw-away server started as the cluster tests start it (initdb in a
// temporary directory; test/node/cluster/support/services.ts). The memory
// case is memory-first-search.ts; `--memory-only` runs it alone. Prints one
// JSON object.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres } from '../../test/node/cluster/support/services';
import { packedEntryUrl, packedServerEntryUrl } from '../support/packed-package';
import { conversationCount, HEAVY, QUERIES } from './corpus';
import { fillPostgres, fillSqlite } from './fill';
import { memoryFirstSearch } from './memory-first-search';
import { measureServer, pct } from './server-run';

type NatterMain = typeof import('natter');
type NatterServer = typeof import('@natter/server');

/** The word after `--name`, or undefined when the flag is absent. */
const argText = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const keepAt = argText('db');
const pgKeepAt = argText('pg-data');
const arg = (name: string, fallback: number): number => {
  const v = argText(name);
  return v === undefined ? fallback : Number(v);
};
const MESSAGES = arg('messages', 1_000_000);
const ROUNDS = arg('rounds', 200);
const RATE = arg('rate', 100);
const MEMORY_MESSAGES = arg('memory-messages', 100_000);
const WITH_PG = !process.argv.includes('--no-pg');
const MEMORY_ONLY = process.argv.includes('--memory-only');

const serverEntry = packedServerEntryUrl();
const natter = (await import(packedEntryUrl('.'))) as NatterMain;
const server = (await import(serverEntry)) as NatterServer;

/** The same queries straight on the storage: wall and CPU ms per search (first page of 20). */
async function inProcess(
  db: string,
): Promise<Array<{ name: string; wallP50: number; wallP99: number; cpuP50: number; cpuP99: number }>> {
  const sync = new server.SqliteStorage({ path: db });
  const core = server.createServerCore({ storage: server.asyncStorage(sync), rateLimit: false });
  const out = [];
  try {
    // Through the core's own search operation (scopes from the user's conversations), over the loopback.
    const client = natter.createChatClient({
      transport: server.createLoopbackTransport(core),
      user: 'h1',
      reconnect: false,
      heartbeatMs: 0,
      // As in the server run: a run on a loaded machine (load ~25) ended without a figure when a
      // search's answer took longer than a request timeout (the default here is 30 s).
      requestTimeoutMs: 120_000,
    });
    await client.connect();
    // Warm-up, as in the server run: the first search starts the storage's search reader thread.
    for (const q of QUERIES) await natter.searchMessages(client, q.query);
    for (const q of QUERIES) {
      const wall: number[] = [];
      const cpu: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        await natter.searchMessages(client, q.query);
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

async function postgresRun() {
  const pg = await startPostgres(pgKeepAt);
  try {
    let fillSeconds = 0;
    const run = await measureServer(natter, serverEntry, pg.url, {
      rounds: ROUNDS,
      rate: RATE,
      ...(pg.reused ? {} : { fill: async () => (fillSeconds = await fillPostgres(pg.url, MESSAGES)) }),
    });
    return { ...run, fillSeconds };
  } finally {
    await pg.stop();
  }
}

async function serverRuns() {
  const dir = mkdtempSync(join(tmpdir(), 'natter-search-bench-'));
  try {
    const db = keepAt ?? join(dir, 'search.sqlite');
    let buildSeconds = 0;
    try {
      statSync(db);
    } catch {
      buildSeconds = fillSqlite(server.SqliteStorage, db, MESSAGES);
    }
    const dbMB = Math.round(statSync(db).size / 1e5) / 10;
    const sqlite = await measureServer(natter, serverEntry, db, { rounds: ROUNDS, rate: RATE });
    const storage = await inProcess(db);
    const postgres = WITH_PG ? await postgresRun() : null;
    return {
      messages: MESSAGES,
      conversations: conversationCount(MESSAGES),
      // Conversation c belongs to heavy user c % HEAVY: each reads 1 / HEAVY of all messages.
      readShare: 1 / HEAVY,
      rounds: ROUNDS,
      sendRate: RATE,
      buildSeconds,
      dbMB,
      ...sqlite,
      inProcess: storage,
      worstCpuP99: Math.max(...storage.map((x) => x.cpuP99)),
      postgres,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const servers = MEMORY_ONLY ? {} : await serverRuns();
const memory = await memoryFirstSearch(natter, server, MEMORY_MESSAGES, ROUNDS);
process.stdout.write(JSON.stringify({ ...servers, memory }) + '\n');
