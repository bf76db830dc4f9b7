// Fan-out benchmark: N WebSocket clients on 127.0.0.1 in groups;
// one sender per group sends with a bounded window; we count deliveries to the
// other members and time send → receive. natter's Node host (SQLite NORMAL and
// FULL) runs next to a bare `ws` broadcast server doing the same fan-out with no
// storage (the ceiling on this machine). natter's host is the packed @natter/server
// (what an app installs) at its defaults, with the cap on connections per address
// off (every client is 127.0.0.1). Each server is its own child process; the
// clients share this process, identical for all servers. Servers alternate
// within each round; medians and min–max over rounds. Each server's CPU time per
// delivery is reported too (steadier than rates when the machine is shared), and so is
// the clients' own CPU: all clients share this one process, which can set the pace.
// Run: npx tsx bench/fanout/fanout.bench.ts [--rounds N] [--scale 0.1] [--warmup 0.25] [--servers ws-ceiling,natter-normal] [--cases 0,1]
// Against an older natter (the async storage's "no more than 10% lost"): check it out next to this one
// (`git worktree add ../natter-old <commit>`, node_modules symlinked) and add
// `--baseline ../natter-old --servers natter-normal,baseline-normal`: the same host script
// runs on that tree's sources, alternating with this tree's in every round.
// (FANOUT_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=profiles" profiles the natter server children.)
// Prints one JSON document on stdout.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { WebSocket } from 'ws';
import { packedServerEntryUrl } from '../support/packed-package';

const here = dirname(fileURLToPath(import.meta.url));
const argNum = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const ROUNDS = argNum('rounds', 3);
/** Share of a case's deliveries each freshly started server runs first, unmeasured (0 turns it off). */
const WARMUP = argNum('warmup', 0.25);
const SCALE = argNum('scale', 1);
const WINDOW = 16;
const TARGET_DELIVERIES = Math.max(200, Math.round(40_000 * SCALE));
const CASE_TIMEOUT_MS = 120_000;

type ServerKind = 'ws-ceiling' | 'natter-normal' | 'natter-full' | 'baseline-normal' | 'baseline-full';
const baselineArg = process.argv.indexOf('--baseline');
const BASELINE = baselineArg >= 0 ? process.argv[baselineArg + 1] : undefined;
const ALL_SERVERS: ServerKind[] = ['ws-ceiling', 'natter-normal', 'natter-full'];
if (BASELINE) ALL_SERVERS.push('baseline-normal', 'baseline-full');
const serversArg = process.argv.indexOf('--servers');
const SERVERS: ServerKind[] =
  serversArg >= 0
    ? ALL_SERVERS.filter((k) => (process.argv[serversArg + 1] ?? '').split(',').includes(k))
    : ALL_SERVERS;
const serverNodeArgs = (process.env.FANOUT_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
const CASES = [
  { clients: 100, group: 10 },
  { clients: 100, group: 100 },
  { clients: 1000, group: 10 },
  { clients: 1000, group: 100 },
]
  .map((c) => ({ clients: Math.max(c.group, Math.round(c.clients * Math.min(1, SCALE * 10))), group: c.group }))
  // --cases 0,2 runs only those cases (by index), e.g. when profiling one of them.
  .filter(
    (_, i) =>
      !process.argv.includes('--cases') ||
      (process.argv[process.argv.indexOf('--cases') + 1] ?? '').split(',').includes(String(i)),
  );

interface Started {
  port: number;
  child: ChildProcess;
}

function startChild(kind: ServerKind): Promise<Started> {
  const child =
    kind === 'ws-ceiling'
      ? spawn(process.execPath, [join(here, 'ws-server.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] })
      : spawn(
          process.execPath,
          [
            ...serverNodeArgs,
            '--import',
            'tsx',
            join(here, 'natter-server.ts'),
            kind.endsWith('-full') ? 'FULL' : 'NORMAL',
            kind.startsWith('baseline-') ? BASELINE! : packedServerEntryUrl(),
          ],
          {
            stdio: ['pipe', 'pipe', 'inherit'],
          },
        );
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += String(d);
      const m = /PORT (\d+)/.exec(buf);
      if (m) resolve({ port: Number(m[1]), child });
    });
    child.on('exit', (code) => reject(new Error(`${kind} exited with ${code}`)));
  });
}

function stopChild(s: Started): Promise<void> {
  return new Promise((resolve) => {
    s.child.removeAllListeners('exit');
    s.child.on('exit', () => resolve());
    s.child.stdin!.end();
    setTimeout(() => s.child.kill('SIGKILL'), 10_000).unref();
  });
}

const now = () => performance.timeOrigin + performance.now();

/**
 * CPU time (user + system, ms) the server process has used, from /proc (Linux); NaN elsewhere.
 * On a shared machine, CPU per delivery varies much less than deliveries per second.
 */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

interface Client {
  ws: WebSocket;
  user: string;
  onFrame: (f: Frame) => void;
}

/** A server frame as the bench reads it (only the fields it looks at). */
interface Frame {
  t?: string;
  id?: string;
  code?: number;
  message?: string;
  /** natter's event. */
  e?: { type: string; message: { from: string; body: { msg?: string } } };
  /** The raw-ws ceiling's payload (the send time). */
  body?: string;
}

function open(url: string, user: string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const c: Client = { ws, user, onFrame: () => {} };
    ws.on('message', (d: Buffer) => c.onFrame(JSON.parse(d.toString()) as Frame));
    ws.on('open', () => resolve(c));
    ws.on('error', reject);
  });
}

/** One frame matching `pred` on client `c`. */
function next(c: Client, pred: (f: Frame) => boolean): Promise<Frame> {
  return new Promise((resolve) => {
    const prev = c.onFrame;
    c.onFrame = (f) => {
      if (pred(f)) {
        c.onFrame = prev;
        resolve(f);
      }
    };
  });
}

async function runCase(
  kind: ServerKind,
  server: Started,
  clients: number,
  groupSize: number,
  target = TARGET_DELIVERIES,
) {
  const { port } = server;
  const natter = kind !== 'ws-ceiling';
  const url = natter ? `ws://127.0.0.1:${port}/ws` : `ws://127.0.0.1:${port}`;
  const run = `r${Math.floor(Math.random() * 1e9).toString(36)}`;
  const all: Client[] = [];
  for (let i = 0; i < clients; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, clients - i) }, (_, j) => open(url, `${run}u${i + j}`)),
    );
    all.push(...batch);
  }
  const groups: Client[][] = [];
  for (let g = 0; g * groupSize < clients; g++) groups.push(all.slice(g * groupSize, (g + 1) * groupSize));

  // Log in / join.
  if (natter) {
    await Promise.all(
      all.map((c) => {
        const w = next(c, (f) => f.t === 'welcome' || f.t === 'err');
        c.ws.send(JSON.stringify({ v: 1, t: 'hello', user: c.user, device: 'bench' }));
        return w;
      }),
    );
    await Promise.all(
      groups.map(async (members, g) => {
        const owner = members[0]!;
        const ok = next(owner, (f) => (f.t === 'ok' || f.t === 'err') && f.id === 'create');
        owner.ws.send(
          JSON.stringify({
            v: 1,
            t: 'req',
            id: 'create',
            op: 'group.create',
            p: { groupId: `${run}g${g}`, name: `g${g}`, members: members.slice(1).map((m) => m.user) },
          }),
        );
        const res = await ok;
        if (res.t === 'err') throw new Error(`group.create: ${res.code} ${res.message}`);
      }),
    );
  } else {
    await Promise.all(
      groups.flatMap((members, g) =>
        members.map((c) => {
          const w = next(c, (f) => f.t === 'joined');
          c.ws.send(JSON.stringify({ t: 'join', user: c.user, group: `g${g}` }));
          return w;
        }),
      ),
    );
  }

  const perMessage = groups.reduce((n, m) => n + m.length - 1, 0);
  const perSender = Math.max(5, Math.ceil(target / perMessage));
  const expected = groups.reduce((n, m) => n + (m.length - 1) * perSender, 0);
  const latencies = new Float64Array(expected);
  let delivered = 0;
  let errors = 0;
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));

  for (const c of all) {
    c.onFrame = (f) => {
      let sentAt: number | undefined;
      if (natter) {
        if (f.t === 'evt' && f.e?.type === 'message' && f.e.message.from !== c.user)
          sentAt = Number(f.e.message.body.msg);
      } else if (f.t === 'evt') sentAt = Number(f.body);
      if (sentAt !== undefined) {
        latencies[delivered++] = now() - sentAt;
        if (delivered === expected) done();
      }
    };
  }

  const t0 = now();
  const cpu0 = cpuMs(server.child.pid);
  const clientCpu0 = process.cpuUsage();
  const senders = groups.map(async (members, g) => {
    const sender = members[0]!;
    let sent = 0;
    let acked = 0;
    await new Promise<void>((resolve) => {
      const pump = () => {
        while (sent < perSender && sent - acked < WINDOW) {
          const id = `${sender.user}-${sent++}`;
          const body = String(now());
          sender.ws.send(
            natter
              ? JSON.stringify({
                  v: 1,
                  t: 'req',
                  id,
                  op: 'send',
                  p: { localId: id, to: `${run}g${g}`, chatType: 'group', body: { type: 'txt', msg: body } },
                })
              : JSON.stringify({ t: 'send', id, group: `g${g}`, body }),
          );
        }
        if (acked === perSender) resolve();
      };
      const prev = sender.onFrame;
      sender.onFrame = (f) => {
        if (f.t === 'ok' || f.t === 'err') {
          if (f.t === 'err') errors++;
          acked++;
          pump();
        } else prev(f);
      };
      pump();
    });
  });
  await Promise.all(senders);
  const timeout = new Promise<void>((r) => setTimeout(r, CASE_TIMEOUT_MS).unref());
  await Promise.race([finished, timeout]);
  const elapsed = now() - t0;
  const cpu = cpuMs(server.child.pid) - cpu0;
  const clientCpu = process.cpuUsage(clientCpu0);
  for (const c of all) c.ws.terminate();
  const lat = Array.from(latencies.subarray(0, delivered)).sort((a, b) => a - b);
  const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? NaN;
  return {
    delivered,
    expected,
    errors,
    elapsedMs: elapsed,
    perSecond: (delivered / elapsed) * 1000,
    p50: pct(0.5),
    p99: pct(0.99),
    cpuUsPerDelivery: (cpu * 1000) / Math.max(1, delivered),
    clientCpuUsPerDelivery: (clientCpu.user + clientCpu.system) / Math.max(1, delivered),
    /** Share of one core the clients' process used: near 1, the clients, not the server, set the pace. */
    clientCpuShare: (clientCpu.user + clientCpu.system) / 1000 / elapsed,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const results: Record<string, Record<ServerKind, Array<Awaited<ReturnType<typeof runCase>>>>> = {};
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 ? [...SERVERS].reverse() : SERVERS;
  for (const kind of order) {
    const server = await startChild(kind);
    try {
      // A server that has just started runs its first case cold (JIT, caches, SQLite pages), which
      // is not what a long-running server's users see; every contender gets the same discarded warm-up.
      if (WARMUP > 0) await runCase(kind, server, CASES[0]!.clients, CASES[0]!.group, WARMUP * TARGET_DELIVERIES);
      for (const c of CASES) {
        const key = `${c.clients} clients, groups of ${c.group}`;
        results[key] ??= {
          'ws-ceiling': [],
          'natter-normal': [],
          'natter-full': [],
          'baseline-normal': [],
          'baseline-full': [],
        };
        results[key][kind].push(await runCase(kind, server, c.clients, c.group));
      }
    } finally {
      await stopChild(server);
    }
  }
}

const summary = Object.entries(results).map(([name, byKind]) => {
  const stat = (kind: ServerKind) => {
    const runs = byKind[kind];
    const rate = runs.map((r) => r.perSecond);
    return {
      perSecond: median(rate),
      perSecondMin: Math.min(...rate),
      perSecondMax: Math.max(...rate),
      p50: median(runs.map((r) => r.p50)),
      p99: median(runs.map((r) => r.p99)),
      p99Min: Math.min(...runs.map((r) => r.p99)),
      p99Max: Math.max(...runs.map((r) => r.p99)),
      delivered: runs.map((r) => r.delivered),
      expected: runs[0]?.expected ?? 0,
      errors: runs.reduce((n, r) => n + r.errors, 0),
      /** Server CPU (user + system) per delivered message, µs: the ceiling's is the floor. */
      cpuUsPerDelivery: median(runs.map((r) => r.cpuUsPerDelivery)),
      /** The clients' process (this one): CPU per delivery and share of one core while the case ran. */
      clientCpuUsPerDelivery: median(runs.map((r) => r.clientCpuUsPerDelivery)),
      clientCpuShare: median(runs.map((r) => r.clientCpuShare)),
    };
  };
  const ceiling = stat('ws-ceiling');
  const normal = stat('natter-normal');
  const full = stat('natter-full');
  // This tree against the --baseline tree, on the same clients in the same rounds.
  const baseline = BASELINE
    ? {
        tree: BASELINE,
        normal: stat('baseline-normal'),
        full: stat('baseline-full'),
        ratioNormal: normal.perSecond / stat('baseline-normal').perSecond,
        ratioFull: full.perSecond / stat('baseline-full').perSecond,
        cpuRatioNormal: normal.cpuUsPerDelivery / stat('baseline-normal').cpuUsPerDelivery,
        cpuRatioFull: full.cpuUsPerDelivery / stat('baseline-full').cpuUsPerDelivery,
      }
    : undefined;
  return {
    case: name,
    ...(baseline ? { baseline } : {}),
    ceiling,
    normal,
    full,
    ratioNormal: normal.perSecond / ceiling.perSecond,
    ratioFull: full.perSecond / ceiling.perSecond,
    p99RatioNormal: normal.p99 / ceiling.p99,
    p99RatioFull: full.p99 / ceiling.p99,
    cpuRatioNormal: normal.cpuUsPerDelivery / ceiling.cpuUsPerDelivery,
    cpuRatioFull: full.cpuUsPerDelivery / ceiling.cpuUsPerDelivery,
  };
});

console.log(JSON.stringify({ bench: 'fanout', rounds: ROUNDS, scale: SCALE, window: WINDOW, summary }, null, 2));
