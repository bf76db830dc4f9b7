// Per-message latency: one sender, one receiver, time from send to
// the receiver's copy — natter serve at its defaults (child process, default
// rate limit) vs a bare `ws` relay (bench/fanout/ws-server.mjs, no storage) vs
// the embedded server (in process, ChatClient on its loopback). Two shapes:
// back to back (each send after the previous one arrived) and an outbox of
// OUTBOX sends written at once (a client flushing after a reconnect): the
// time until the receiver has all of them, and whether they came in order.
// The outbox is sent on a new sender connection after OFFLINE_MS away (what a
// reconnect is), so the rate limit sees a client coming back, not one that has
// just sent a thousand messages. A refused request ends the run with an error.
// The server's CPU time (user + system, from /proc) per message is reported for
// both shapes where the server is its own process: steadier than times on a
// shared machine.
// Run: npx tsx bench/server/message-latency.bench.ts [--sends 1000] [--outbox 500] [--rounds 3]
// (LATENCY_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=profiles" profiles the natter serve child.)
// Prints one JSON document on stdout.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { createChatClient } from '../../src/client/chat-client';
import { createEmbeddedServer } from '../../src/server/embedded-server';

const here = dirname(fileURLToPath(import.meta.url));
const argNum = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const SENDS = argNum('sends', 1000);
const OUTBOX = argNum('outbox', 500);
const ROUNDS = argNum('rounds', 3);
const OFFLINE_MS = argNum('offline-ms', 5000);
const serverNodeArgs = (process.env.LATENCY_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);

/** A relay under test: `send(i)` sends message i; `onReceive` hears the index of each message that arrives. */
interface Relay {
  /** The server's process when it is not this one (its CPU time is measured). */
  pid?: number | undefined;
  send(i: number): void;
  /** Drops the sender's connection and opens a new one (the receiver stays). */
  reconnect(): Promise<void>;
  onReceive(fn: (i: number) => void): void;
  close(): Promise<void>;
}

function child(script: string, args: string[] = []): Promise<{ port: number; proc: ChildProcess }> {
  const proc = spawn(
    process.execPath,
    [...(script.endsWith('.ts') ? [...serverNodeArgs, '--import', 'tsx'] : []), join(here, script), ...args],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let buf = '';
    proc.stdout.on('data', (d: Buffer) => {
      const m = /PORT (\d+)/.exec((buf += String(d)));
      if (m) resolve({ port: Number(m[1]), proc });
    });
    proc.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}
const stop = (proc: ChildProcess) =>
  new Promise<void>((resolve) => {
    proc.removeAllListeners('exit');
    proc.on('exit', () => resolve());
    proc.stdin!.end();
  });
const openWs = (url: string) =>
  new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('open', () => resolve(ws));
    ws.on('error', reject);
  });
/** CPU time (user + system, ms) process `pid` has used, from /proc (Linux); NaN elsewhere or in-process. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}
const firstFrame = (ws: WebSocket) => new Promise<void>((resolve) => ws.once('message', () => resolve()));

async function bareRelay(): Promise<Relay> {
  const { port, proc } = await child('../fanout/ws-server.mjs');
  const join = async (user: string) => {
    const ws = await openWs(`ws://127.0.0.1:${port}`);
    const joined = firstFrame(ws);
    ws.send(JSON.stringify({ t: 'join', user, group: 'g' }));
    await joined;
    return ws;
  };
  let a = await join('a');
  const b = await join('b');
  return {
    pid: proc.pid,
    send: (i) => a.send(JSON.stringify({ t: 'send', id: String(i), group: 'g', body: { i } })),
    reconnect: async () => {
      a.close();
      a = await join('a');
    },
    onReceive: (fn) =>
      b.on('message', (d) => {
        const f = JSON.parse(String(d));
        if (f.t === 'evt') fn(f.body.i);
      }),
    close: async () => {
      a.close();
      b.close();
      await stop(proc);
    },
  };
}

async function natterServe(): Promise<Relay> {
  const { port, proc } = await child('serve-defaults.ts');
  const url = `ws://127.0.0.1:${port}/ws`;
  const login = async (user: string) => {
    const ws = await openWs(url);
    const welcomed = firstFrame(ws);
    ws.send(JSON.stringify({ v: 1, t: 'hello', user, device: 'bench' }));
    await welcomed;
    ws.on('message', (d) => {
      const f = JSON.parse(String(d));
      if (f.t === 'err') throw new Error(`natter serve refused ${f.id}: ${f.code} ${f.message}`);
    });
    return ws;
  };
  let a = await login('alice');
  const b = await login('bob');
  const run = `${Date.now()}`;
  return {
    pid: proc.pid,
    send: (i) =>
      a.send(
        JSON.stringify({
          v: 1,
          t: 'req',
          id: `r${i}`,
          op: 'send',
          p: { localId: `${run}-${i}`, to: 'bob', chatType: 'single', body: { type: 'txt', msg: String(i) } },
        }),
      ),
    reconnect: async () => {
      a.close();
      a = await login('alice');
    },
    onReceive: (fn) =>
      b.on('message', (d) => {
        const f = JSON.parse(String(d));
        if (f.t === 'evt' && f.e?.type === 'message') fn(Number(f.e.message.body.msg));
      }),
    close: async () => {
      a.close();
      b.close();
      await stop(proc);
    },
  };
}

async function embedded(): Promise<Relay> {
  const server = createEmbeddedServer();
  let alice = createChatClient({ transport: server.connect(), user: 'alice', delivery: false });
  const bob = createChatClient({ transport: server.connect(), user: 'bob', delivery: false });
  await alice.connect();
  await bob.connect();
  return {
    send: (i) => void alice.sendText('single:bob', String(i)),
    reconnect: async () => {
      alice.close();
      alice = createChatClient({ transport: server.connect(), user: 'alice', delivery: false });
      await alice.connect();
    },
    onReceive: (fn) =>
      bob.on('message', (e) => {
        if (e.message.body.type === 'txt') fn(Number(e.message.body.msg));
      }),
    close: async () => {
      alice.close();
      bob.close();
      server.close();
    },
  };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const r3 = (x: number) => Math.round(x * 1000) / 1000;

async function measure(make: () => Promise<Relay>) {
  const relay = await make();
  let waiting: ((i: number) => void) | null = null;
  relay.onReceive((i) => waiting?.(i));
  // back to back, after a warm-up of 100
  const times: number[] = [];
  let cpu0 = NaN;
  for (let i = 0; i < SENDS + 100; i++) {
    if (i === 100) cpu0 = cpuMs(relay.pid);
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      waiting = (j) => {
        if (j === i) resolve();
      };
      relay.send(i);
    });
    if (i >= 100) times.push(performance.now() - t0);
  }
  const sendCpuUs = ((cpuMs(relay.pid) - cpu0) * 1000) / SENDS;
  // outbox: OUTBOX sends at once, after being away
  await new Promise((resolve) => setTimeout(resolve, OFFLINE_MS));
  await relay.reconnect();
  const base = SENDS + 100;
  const got: number[] = [];
  const drainCpu0 = cpuMs(relay.pid);
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    waiting = (j) => {
      got.push(j - base);
      if (got.length === OUTBOX) resolve();
    };
    for (let k = 0; k < OUTBOX; k++) relay.send(base + k);
  });
  const drainMs = performance.now() - t0;
  const drainCpuUs = ((cpuMs(relay.pid) - drainCpu0) * 1000) / OUTBOX;
  await relay.close();
  return {
    p50: quantile(times, 0.5),
    p99: quantile(times, 0.99),
    drainMs,
    inOrder: got.every((x, k) => x === k),
    sendCpuUs,
    drainCpuUs,
  };
}

const kinds = { bare: bareRelay, serve: natterServe, embedded } as const;
const rounds: Record<keyof typeof kinds, Awaited<ReturnType<typeof measure>>[]> = { bare: [], serve: [], embedded: [] };
for (let r = 0; r < ROUNDS; r++)
  for (const k of Object.keys(kinds) as (keyof typeof kinds)[]) rounds[k].push(await measure(kinds[k]));
const med = (xs: number[]) => r3(quantile(xs, 0.5));
const summary = Object.fromEntries(
  Object.entries(rounds).map(([k, rs]) => [
    k,
    {
      p50: med(rs.map((x) => x.p50)),
      p99: med(rs.map((x) => x.p99)),
      drainMs: med(rs.map((x) => x.drainMs)),
      inOrder: rs.every((x) => x.inOrder),
      // Server CPU per message, µs (null in process): back to back, and draining the outbox.
      sendCpuUs: Number.isNaN(rs[0]!.sendCpuUs) ? null : med(rs.map((x) => x.sendCpuUs)),
      drainCpuUs: Number.isNaN(rs[0]!.drainCpuUs) ? null : med(rs.map((x) => x.drainCpuUs)),
      drainMsEach: rs.map((x) => r3(x.drainMs)),
    },
  ]),
) as Record<
  keyof typeof kinds,
  {
    p50: number;
    p99: number;
    drainMs: number;
    inOrder: boolean;
    sendCpuUs: number | null;
    drainCpuUs: number | null;
    drainMsEach: number[];
  }
>;
process.stdout.write(`${JSON.stringify({ sends: SENDS, outbox: OUTBOX, rounds: ROUNDS, ...summary }, null, 2)}\n`);
