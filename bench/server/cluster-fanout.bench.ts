// Cluster fan-out: the same group fan-out as bench/fanout, through
// 1, 2 and 3 `natter serve` nodes on one PostgreSQL and one Redis (started
// here, throw-away, as the cluster tests start them), next to one node on
// SQLite (bench/fanout/natter-server.ts) and the bare `ws` ceiling
// (bench/fanout/ws-server.mjs), with the same clients and window. Client i
// connects to node (i + ⌊i / group⌋) mod N, so group g's sender is on node
// g mod N and most deliveries cross Redis. One sender per group sends with a bounded window; we count
// deliveries to the other members, time send → receive, and read every
// server process's CPU time (user + system, /proc) per delivery: each node's,
// and PostgreSQL's and Redis's apart. The nodes are started as the SQLite
// node is (cluster-bench-node.ts: same host options). On a shared machine the
// nodes share its cores, so CPU per delivery says more about scaling than
// deliveries per second.
// Run: npx tsx bench/server/cluster-fanout.bench.ts [--clients 60] [--group 10] [--per-sender 40] [--rounds 1] [--nodes 1,2,3] [--baselines ws,sqlite]
// Prints one JSON document on stdout.
import { WebSocket } from 'ws';
import { PROTOCOL_VERSION } from '../../src/protocol/version';
import { startPostgres, startRedis } from '../../test/node/cluster/support/services';
import { startBaseline, startCluster, serviceProcess, type Baseline, type Target } from './fanout-servers';
import { cpuMs, treeCpuMs } from './process-cpu';

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
const WINDOW = 16;
const CASE_TIMEOUT_MS = 120_000;
/** How long connecting the clients, or creating a group, may take before the run stops with an error. */
const SETUP_TIMEOUT_MS = 120_000;

interface Frame {
  t: string;
  id?: string;
  code?: number;
  e?: { type: string; message: { from: string; body: { type: string; msg?: string } } };
  /** The bare ws server's forwarded body (the send time). */
  body?: string;
}

interface Client {
  ws: WebSocket;
  user: string;
  onFrame: (f: Frame) => void;
}

const now = (): number => performance.timeOrigin + performance.now();

function open(url: string, user: string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const c: Client = { ws, user, onFrame: () => undefined };
    ws.on('message', (d: Buffer) => c.onFrame(JSON.parse(String(d)) as Frame));
    ws.on('open', () => resolve(c));
    ws.on('error', reject);
  });
}

/**
 * The node client `i` connects to (taken mod the node count): the members of a group are spread over
 * the nodes and group g's sender (its first member) is on node g. With client i on node i, every
 * sender (a multiple of the group size) was on node 0 whenever the node count divides the group size.
 */
const nodeOf = (i: number): number => i + Math.floor(i / GROUP);

/** `p`, or an error naming `what` after `ms`. */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
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
  let retries = 0;
  const all: Client[] = [];
  for (let i = 0; i < CLIENTS; i++) all.push(await open(target.url(nodeOf(i)), `${run}u${i}`));
  const groups: Client[][] = [];
  for (let g = 0; g * GROUP < CLIENTS; g++) groups.push(all.slice(g * GROUP, (g + 1) * GROUP));
  const ws = target.kind === 'ws';
  await within(
    Promise.all(
      all.map(async (c, i) => {
        if (ws) {
          const joined = next(c, (f) => f.t === 'joined');
          c.ws.send(JSON.stringify({ t: 'join', user: c.user, group: `${run}g${Math.floor(i / GROUP)}` }));
          return joined;
        }
        // A node too busy to confirm the user's Redis subscription in time answers 5031 and closes,
        // as it tells any client: the bench reconnects after the wait it is told, as a client does.
        for (let attempt = 1; ; attempt++) {
          const w = next(c, (f) => f.t === 'welcome' || f.t === 'err');
          c.ws.send(JSON.stringify({ v: PROTOCOL_VERSION, t: 'hello', user: c.user, device: 'bench' }));
          const f = await w;
          if (f.t === 'welcome') return f;
          if (attempt === 5) throw new Error(`hello of ${c.user}: error ${f.code}, 5 times`);
          retries++;
          c.ws.terminate();
          await new Promise((r) => setTimeout(r, 1000));
          const again = await open(target.url(nodeOf(i)), c.user);
          c.ws = again.ws;
          again.onFrame = (frame) => c.onFrame(frame);
        }
      }),
    ),
    SETUP_TIMEOUT_MS,
    'every client connected',
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
      const res = await within(answer, SETUP_TIMEOUT_MS, `group ${g} created`);
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
  const services = target.services;
  const cpu0 = pids.map(cpuMs);
  const pg0 = services ? treeCpuMs(services.postgres) : NaN;
  const redis0 = services ? cpuMs(services.redis) : NaN;
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
  const perNode = pids.map((pid, i) => cpuMs(pid) - cpu0[i]!);
  const cpu = perNode.reduce((n, x) => n + x, 0);
  const us = (ms: number): number => Math.round((ms * 1000) / Math.max(1, latencies.length));
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
    cpuUsPerDelivery: us(cpu),
    nodeCpuUsPerDelivery: perNode.map(us),
    ...(services
      ? {
          postgresCpuUsPerDelivery: us(treeCpuMs(services.postgres) - pg0),
          redisCpuUsPerDelivery: us(cpuMs(services.redis) - redis0),
        }
      : {}),
    elapsedMs: Math.round(elapsed),
    helloRetries: retries,
  };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** The cases in run order: the baselines, then each node count; keys as the summary names them. */
const CASES: Array<string | number> = [...BASELINES, ...NODES];

const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
const runs = new Map<string | number, Array<Awaited<ReturnType<typeof runCase>>>>();
try {
  const services = {
    postgres: serviceProcess(/^\S*\/postgres -D /, `-p ${postgres.port} `),
    redis: serviceProcess(/^redis-server /, `127.0.0.1:${redis.port}`),
  };
  for (let round = 0; round < ROUNDS; round++) {
    // Alternating order: a drift of the machine's load over the run falls on every case alike.
    for (const c of round % 2 ? [...CASES].reverse() : CASES) {
      const server =
        typeof c === 'number'
          ? await startCluster(c, postgres, redis.url, services)
          : await startBaseline(c as Baseline);
      let result: Awaited<ReturnType<typeof runCase>>;
      try {
        result = await runCase(server.target);
      } finally {
        await server.stop();
      }
      runs.set(c, [...(runs.get(c) ?? []), result]);
      // Progress, so that a run stopped early still leaves its cases.
      process.stderr.write(`${JSON.stringify({ round, case: c, ...result })}\n`);
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
    nodeCpuUsPerDelivery: (r[0]?.nodeCpuUsPerDelivery ?? []).map((_, i) =>
      median(r.map((x) => x.nodeCpuUsPerDelivery[i]!)),
    ),
    ...(r[0]?.postgresCpuUsPerDelivery !== undefined
      ? {
          postgresCpuUsPerDelivery: median(r.map((x) => x.postgresCpuUsPerDelivery ?? NaN)),
          redisCpuUsPerDelivery: median(r.map((x) => x.redisCpuUsPerDelivery ?? NaN)),
        }
      : {}),
    rounds: r,
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
