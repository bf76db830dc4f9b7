// In-process fan-out probe for the server core (no sockets): the core on an
// in-process SqliteStorage (or MemoryStorage with --memory), N peers that only
// count and keep the last frame, groups of G, one sender per group with a
// window of 16 requests. It isolates the server's own per-message and
// per-delivery costs from the network and the clients, so that
// `node --cpu-prof --import tsx bench/fanout/core-profile.ts` shows where the
// server spends its time. Prints one JSON line.
// Run: npx tsx bench/fanout/core-profile.ts [--clients 100] [--group 10] [--messages 2000] [--memory] [--full]
// --root <checkout> runs the same probe on another natter tree's sources (an older commit in a
// `git worktree`, node_modules symlinked), to compare the embedded core (--memory) across versions.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sqlite from '../../src/node/sqlite-storage';
import type * as Core from '../../src/server/server-core';
import type * as Memory from '../../src/server/memory-storage';
import type { ServerSession } from '../../src/protocol/link';

const argNum = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const CLIENTS = argNum('clients', 100);
const GROUP = argNum('group', 10);
const MESSAGES = argNum('messages', 2000);
const WINDOW = 16;
const memory = process.argv.includes('--memory');
const rootArg = process.argv.indexOf('--root');
const root = rootArg >= 0 ? resolve(process.argv[rootArg + 1]!) : join(import.meta.dirname, '../..');
const from = (file: string): string => pathToFileURL(join(root, file)).href;
const { SqliteStorage } = (await import(from('src/node/sqlite-storage.ts'))) as typeof Sqlite;
const { createServerCore } = (await import(from('src/server/server-core.ts'))) as typeof Core;
const { MemoryStorage } = (await import(from('src/server/memory-storage.ts'))) as typeof Memory;

const dir = mkdtempSync(join(tmpdir(), 'natter-core-profile-'));
const storage = memory
  ? new MemoryStorage()
  : new SqliteStorage({
      path: process.argv.includes('--memdb') ? ':memory:' : join(dir, 'p.sqlite'),
      synchronous: process.argv.includes('--full') ? 'FULL' : 'NORMAL',
    });
const core = createServerCore({
  storage,
  rateLimit: false,
  ...(process.argv.includes('--immediate') ? { scheduleCommit: (f: () => void) => void setImmediate(f) } : {}),
});
core.start();

interface Peer {
  user: string;
  session: ServerSession;
  frames: number;
  bytes: number;
  onFrame: ((data: string) => void) | null;
}

const peers: Peer[] = [];
for (let i = 0; i < CLIENTS; i++) {
  const p: Peer = { user: `u${i}`, session: null as unknown as ServerSession, frames: 0, bytes: 0, onFrame: null };
  p.session = core.connect({
    send(data) {
      p.frames++;
      p.bytes += data.length;
      p.onFrame?.(data);
    },
    close() {},
  });
  peers.push(p);
}

function request(p: Peer, id: string, frame: string): Promise<string> {
  return new Promise((resolve) => {
    const prev = p.onFrame;
    p.onFrame = (data) => {
      if (data.includes(`"id":"${id}"`) || (id === 'hello' && data.includes('"t":"welcome"'))) {
        p.onFrame = prev;
        resolve(data);
      } else prev?.(data);
    };
    p.session.receive(frame);
  });
}

for (const p of peers) {
  await request(p, 'hello', JSON.stringify({ v: 1, t: 'hello', user: p.user, device: 'd' }));
}
const groups: Peer[][] = [];
for (let g = 0; g * GROUP < CLIENTS; g++) groups.push(peers.slice(g * GROUP, (g + 1) * GROUP));
for (const [g, members] of groups.entries()) {
  const owner = members[0]!;
  await request(
    owner,
    'create',
    JSON.stringify({
      v: 1,
      t: 'req',
      id: 'create',
      op: 'group.create',
      p: { groupId: `g${g}`, name: `g${g}`, members: members.slice(1).map((m) => m.user) },
    }),
  );
}
for (const p of peers) p.frames = 0;

const perSender = Math.ceil(MESSAGES / groups.length);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
await Promise.all(
  groups.map(
    (members, g) =>
      new Promise<void>((resolve) => {
        const sender = members[0]!;
        let sent = 0;
        let acked = 0;
        const pump = (): void => {
          while (sent < perSender && sent - acked < WINDOW) {
            const id = `m${sent++}`;
            sender.session.receive(
              JSON.stringify({
                v: 1,
                t: 'req',
                id,
                op: 'send',
                p: {
                  localId: `${sender.user}-${id}`,
                  to: `g${g}`,
                  chatType: 'group',
                  body: { type: 'txt', msg: String(Date.now()) },
                },
              }),
            );
          }
          if (acked === perSender) resolve();
        };
        sender.onFrame = (data) => {
          if (data.startsWith('{"v":1,"t":"ok"') || data.includes('"t":"err"')) {
            acked++;
            pump();
          }
        };
        pump();
      }),
  ),
);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const messages = perSender * groups.length;
const deliveries = peers.reduce((n, p) => n + p.frames, 0);
console.log(
  JSON.stringify({
    storage: memory ? 'memory' : 'sqlite',
    clients: CLIENTS,
    group: GROUP,
    messages,
    ms: Math.round(ms),
    messagesPerSecond: Math.round((messages / ms) * 1000),
    framesPerSecond: Math.round((deliveries / ms) * 1000),
    cpuUsPerFrame: Number(((cpu.user + cpu.system) / deliveries).toFixed(2)),
  }),
);
core.close();
if (storage instanceof SqliteStorage) storage.close();
rmSync(dir, { recursive: true, force: true });
