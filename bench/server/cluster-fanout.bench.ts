// Cluster fan-out: the same group fan-out as bench/fanout, through
// 1, 2 and 3 `natter serve` nodes on one PostgreSQL and one Redis (started
// here, throw-away, as the cluster tests start them), next to one node on
// SQLite (bench/fanout/natter-server.ts) and the bare `ws` ceiling
// (bench/fanout/ws-server.mjs), with the same clients and window. Client i
// connects to node i mod N, so with several nodes most deliveries cross
// Redis. One sender per group sends with a bounded window; we count
// deliveries to the other members, time send → receive, and read every
// server process's CPU time (user + system, /proc) per delivery. On a shared
// machine the nodes share its cores, so CPU per delivery says more about
// scaling than deliveries per second.
// Run: npx tsx bench/server/cluster-fanout.bench.ts [--clients 60] [--group 10] [--per-sender 40] [--rounds 1] [--nodes 1,2,3] [--baselines ws,sqlite]
// Prints one JSON document on stdout.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { createToken } from '../../src/node/token';
import { PROTOCOL_VERSION } from '../../src/protocol/version';
import { Cluster } from '../../test/node/cluster/support/cluster';
import { startPostgres, startRedis } from '../../test/node/cluster/support/services';
import { SECRET } from '../../test/node/support/secret';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const CLIENTS = Number(arg('clients', '60'));
const GROUP = Number(arg('group', '10'));
const PER_SENDER = Number(arg('per-sender', '40'));
const ROUNDS = Number(arg('rounds', '1'));
const NODES = arg('nodes', '1,2,3').split(',').map(Number);
const BASELINES = arg('baselines', 'ws,sqlite')
  .split(',')
  .filter((b): b is Baseline => b === 'ws' || b === 'sqlite');
const FANOUT = join(import.meta.dirname, '../fanout');
const WINDOW = 16;
const CASE_TIMEOUT_MS = 120_000;

type Baseline = 'ws' | 'sqlite';

interface Frame {
  t: string;
  id?: string;
  code?: number;
  e?: { type: string; message: { from: string; body: { type: string; msg?: string } } };
  /** The bare ws server's forwarded body (the send time). */
  body?: string;
}

/** What a case runs against: natter nodes (token or dev hello), or the bare ws server. */
interface Target {
  url(i: number): string;
  pids: Array<number | undefined>;
  kind: 'natter' | 'natter-dev' | 'ws';
}
interface Client {
  ws: WebSocket;
  user: string;
  onFrame: (f: Frame) => void;
}

const now = (): number => performance.timeOrigin + performance.now();

function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

function open(url: string, user: string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const c: Client = { ws, user, onFrame: () => undefined };
    ws.on('message', (d: Buffer) => c.onFrame(JSON.parse(String(d)) as Frame));
    ws.on('open', () => resolve(c));
    ws.on('error', reject);
  });
}

function next(c: Client, pred: (f: Frame) => boolean): Promise<Frame> {
  return new Promise((resolve) => {
    const prev = c.onFrame;
    c.onFrame = (f) => {
      if (!pred(f)) return prev(f);
      c.onFrame = prev;
      resolve(f);
    };
  });
}

const request = (c: Client, id: string, op: string, p: unknown): void =>
  c.ws.send(JSON.stringify({ v: PROTOCOL_VERSION, t: 'req', id, op, p }));

async function runCase(target: Target) {
  const run = `r${Math.floor(Math.random() * 1e9).toString(36)}`;
  const all: Client[] = [];
  for (let i = 0; i < CLIENTS; i++) all.push(await open(target.url(i), `${run}u${i}`));
  const groups: Client[][] = [];
  for (let g = 0; g * GROUP < CLIENTS; g++) groups.push(all.slice(g * GROUP, (g + 1) * GROUP));
  const ws = target.kind === 'ws';
  await Promise.all(
    all.map((c, i) => {
      if (ws) {
        const joined = next(c, (f) => f.t === 'joined');
        c.ws.send(JSON.stringify({ t: 'join', user: c.user, group: `${run}g${Math.floor(i / GROUP)}` }));
        return joined;
      }
      const w = next(c, (f) => f.t === 'welcome' || f.t === 'err');
      const who = target.kind === 'natter-dev' ? { user: c.user } : { token: createToken(c.user, { secret: SECRET }) };
      c.ws.send(JSON.stringify({ v: PROTOCOL_VERSION, t: 'hello', ...who, device: 'bench' }));
      return w;
    }),
  );
  await Promise.all(
    groups.map(async (members, g) => {
      if (ws) return;
      const answer = next(members[0]!, (f) => (f.t === 'ok' || f.t === 'err') && f.id === 'create');
      request(members[0]!, 'create', 'group.create', {
        groupId: `${run}g${g}`,
        name: `g${g}`,
        members: members.slice(1).map((m) => m.user),
      });
      const res = await answer;
      if (res.t === 'err') throw new Error(`group.create: ${res.code}`);
    }),
  );
  // Group-created events settle before timing starts.
  await new Promise((r) => setTimeout(r, 500));

  const expected = groups.reduce((n, m) => n + (m.length - 1) * PER_SENDER, 0);
  const latencies: number[] = [];
  let errors = 0;
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  for (const c of all) {
    c.onFrame = (f) => {
      if (f.t !== 'evt') return;
      if (ws) latencies.push(now() - Number(f.body));
      else if (f.e?.type === 'message' && f.e.message.from !== c.user)
        latencies.push(now() - Number(f.e.message.body.msg));
      else return;
      if (latencies.length === expected) done();
    };
  }
  const pids = target.pids;
  const cpu0 = pids.map(cpuMs);
  const t0 = now();
  await Promise.all(
    groups.map(
      (members, g) =>
        new Promise<void>((resolve) => {
          const sender = members[0]!;
          let sent = 0;
          let acked = 0;
          const pump = (): void => {
            while (sent < PER_SENDER && sent - acked < WINDOW) {
              const id = `${sender.user}-${sent++}`;
              if (ws) sender.ws.send(JSON.stringify({ t: 'send', id, group: `${run}g${g}`, body: String(now()) }));
              else
                request(sender, id, 'send', {
                  localId: id,
                  to: `${run}g${g}`,
                  chatType: 'group',
                  body: { type: 'txt', msg: String(now()) },
                });
            }
            if (acked === PER_SENDER) resolve();
          };
          const prev = sender.onFrame;
          sender.onFrame = (f) => {
            if (f.t !== 'ok' && f.t !== 'err') return prev(f);
            if (f.t === 'err') errors++;
            acked++;
            pump();
          };
          pump();
        }),
    ),
  );
  await Promise.race([finished, new Promise<void>((r) => setTimeout(r, CASE_TIMEOUT_MS).unref())]);
  const elapsed = now() - t0;
  const cpu = pids.map(cpuMs).reduce((n, x, i) => n + x - cpu0[i]!, 0);
  for (const c of all) c.ws.terminate();
  const lat = latencies.sort((a, b) => a - b);
  const pct = (p: number): number =>
    Math.round((lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? NaN) * 10) / 10;
  return {
    delivered: lat.length,
    expected,
    errors,
    perSecond: Math.round((lat.length / elapsed) * 1000),
    p50: pct(0.5),
    p99: pct(0.99),
    cpuUsPerDelivery: Math.round((cpu * 1000) / Math.max(1, lat.length)),
  };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** A baseline server (bench/fanout's children): it prints `PORT n` and stops when stdin ends. */
async function startBaseline(kind: Baseline): Promise<{ target: Target; stop(): Promise<void> }> {
  const args =
    kind === 'ws' ? [join(FANOUT, 'ws-server.mjs')] : ['--import', 'tsx', join(FANOUT, 'natter-server.ts'), 'NORMAL'];
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += String(d);
      const m = /PORT (\d+)/.exec(buf);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`${kind} exited with ${code}`)));
  });
  const url = kind === 'ws' ? `ws://127.0.0.1:${port}` : `ws://127.0.0.1:${port}/ws`;
  return {
    target: { url: () => url, pids: [child.pid], kind: kind === 'ws' ? 'ws' : 'natter-dev' },
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.stdin!.end();
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/** The cases in run order: the baselines, then each node count; keys as the summary names them. */
const CASES: Array<string | number> = [...BASELINES, ...NODES];

const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
const runs = new Map<string | number, Array<Awaited<ReturnType<typeof runCase>>>>();
try {
  for (let round = 0; round < ROUNDS; round++) {
    // Alternating order: a drift of the machine's load over the run falls on every case alike.
    for (const c of round % 2 ? [...CASES].reverse() : CASES) {
      let result: Awaited<ReturnType<typeof runCase>>;
      if (typeof c === 'number') {
        const cluster = await Cluster.start(postgres, redis, c);
        try {
          const pids = cluster.nodes.map((n) => n.proc.pid);
          result = await runCase({ url: (i) => cluster.url(i), pids, kind: 'natter' });
        } finally {
          await cluster.stop();
        }
      } else {
        const baseline = await startBaseline(c as Baseline);
        try {
          result = await runCase(baseline.target);
        } finally {
          await baseline.stop();
        }
      }
      runs.set(c, [...(runs.get(c) ?? []), result]);
    }
  }
} finally {
  await Promise.all([postgres.stop(), redis.stop()]);
}

const baselines = BASELINES.map((name) => ({ name, ...summarize(runs.get(name) ?? []) }));
const summary = NODES.map((nodes) => ({ nodes, ...summarize(runs.get(nodes) ?? []) }));

function summarize(r: Array<Awaited<ReturnType<typeof runCase>>>) {
  return {
    perSecond: median(r.map((x) => x.perSecond)),
    p50: median(r.map((x) => x.p50)),
    p99: median(r.map((x) => x.p99)),
    cpuUsPerDelivery: median(r.map((x) => x.cpuUsPerDelivery)),
    delivered: r.map((x) => x.delivered),
    expected: r[0]?.expected ?? 0,
    errors: r.reduce((n, x) => n + x.errors, 0),
  };
}
console.log(
  JSON.stringify(
    {
      bench: 'cluster-fanout',
      rounds: ROUNDS,
      clients: CLIENTS,
      group: GROUP,
      perSender: PER_SENDER,
      window: WINDOW,
      baselines,
      summary,
    },
    null,
    2,
  ),
);
