// Child process for the conversation-page benchmark: a real `natter serve`
// host from the packed @natter/server (SQLite, dev auth, the server's default limits) over a database where
// user `heavy` has CONVERSATIONS single chats holding MESSAGES messages in all
// (built once per size into the OS temp directory and reused). It measures its
// own event-loop delay, CPU time and event-loop utilization: a line `reset` on
// stdin starts a new window, `report` prints `ELD {json}` (CPU time is counted
// by the kernel, so it does not grow with the machine's load the way wall-clock
// latency does); `settle` finishes the work a store leaves for later (the
// search index catching up, a WAL checkpoint) and prints `SETTLED`, so the
// next window counts only its own work; stdin closing stops it.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import type * as ServerEntry from '../../src/entries/server';
import type { SqliteStorage as Storage } from '../../src/node/sqlite-storage';
import type { ConversationStateRecord } from '../../src/server/storage';

const [conversations, messages] = [Number(process.argv[2] ?? 5000), Number(process.argv[3] ?? 1_000_000)];
const entry = process.argv[4];
if (!entry) throw new Error('heavy-server.ts: pass the packed @natter/server entry URL as its third argument');
const { SqliteStorage, silentLogger, startServer } = (await import(entry)) as typeof ServerEntry;
const dir = join(tmpdir(), 'natter-bench-conversations');
mkdirSync(dir, { recursive: true });
const db = join(dir, `c${conversations}-m${messages}.sqlite`);

/** user `heavy` and peers u0…u(n-1): every conversation alternates between the two, newest last. */
function build(path: string): void {
  const storage = new SqliteStorage({ path });
  const perConversation = Math.max(1, Math.floor(messages / conversations));
  const t0 = 1_700_000_000_000;
  for (let c = 0; c < conversations; c++) {
    const peer = `u${c}`;
    const key = `single:heavy|${peer}`;
    storage.transaction(() => {
      let last = '';
      let ts = 0;
      for (let i = 0; i < perConversation; i++) {
        const seq = storage.nextSeq(key);
        const from = i % 2 === 0 ? peer : 'heavy';
        ts = t0 + c * 1000 + i;
        last = `s${c}-${i}`;
        const message = {
          serverId: last,
          localId: `l${c}-${i}`,
          from,
          to: from === 'heavy' ? peer : 'heavy',
          chatType: 'single' as const,
          seq,
          ts,
          body: { type: 'txt' as const, msg: `message ${i} in conversation ${c}, about as long as a chat line` },
        };
        storage.insertMessage({ key, message });
      }
      const state: ConversationStateRecord = {
        user: 'heavy',
        key,
        id: `single:${peer}`,
        type: 'single',
        target: peer,
        readSeq: perConversation - 3,
        unread: 1,
        clearedSeq: 0,
        hidden: false,
        lastServerId: last,
        updatedAt: ts,
      };
      storage.putConversationState(state);
    });
  }
  storage.close();
}

if (!existsSync(db)) {
  const started = Date.now();
  const building = `${db}.building`;
  rmSync(building, { force: true });
  build(building);
  // A close may leave the WAL (the checkpoint thread busy), holding committed pages: it goes with its
  // database (deleting it lost pages: SQLITE_IOERR_SHORT_READ on open).
  for (const suffix of ['-shm', '-lock']) rmSync(building + suffix, { force: true });
  if (existsSync(`${building}-wal`)) renameSync(`${building}-wal`, `${db}-wal`);
  renameSync(building, db);
  process.stderr.write(`built ${db} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

const files = join(dir, 'files');
const server = await startServer({ port: 0, host: '127.0.0.1', db, files, dev: true, logger: silentLogger });
const eld = monitorEventLoopDelay({ resolution: 1 });
eld.enable();
process.stdout.write(`PORT ${server.port}\n`);
const ms = (ns: number) => Math.round(ns / 1e4) / 100;
let cpu = process.cpuUsage();
let elu = performance.eventLoopUtilization();
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'settle') {
    const storage = server.storage as Storage;
    // A search first indexes every message stored before it (what the indexer would do in the next window).
    storage.searchMessages({ terms: ['settle'], scopes: [], limit: 1 });
    storage.db.pragma('wal_checkpoint(PASSIVE)');
    process.stdout.write('SETTLED\n');
  }
  if (line === 'reset') {
    eld.reset();
    cpu = process.cpuUsage();
    elu = performance.eventLoopUtilization();
  }
  if (line === 'report') {
    const used = process.cpuUsage(cpu);
    const loop = performance.eventLoopUtilization(elu);
    const report = {
      p50: ms(eld.percentile(50)),
      p99: ms(eld.percentile(99)),
      max: ms(eld.max),
      // CPU ms of the whole process (main thread and any worker) and main-thread busy ms in the window.
      cpuMs: Math.round((used.user + used.system) / 10) / 100,
      loopBusyMs: Math.round(loop.active * 100) / 100,
    };
    process.stdout.write(`ELD ${JSON.stringify(report)}\n`);
  }
});
process.stdin.on('end', async () => {
  eld.disable();
  await server.close();
  process.exit(0);
});
