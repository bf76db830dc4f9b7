// Per-message latency: one sender, one receiver, time from send to
// the receiver's copy — `natter serve` from the packed @natter/server at its defaults (child process, default
// rate limit) vs a bare `ws` relay (bench/fanout/ws-server.mjs, no storage) vs
// the embedded server (in process, ChatClient on its loopback). Two shapes:
// back to back (each send after the previous one arrived) and an outbox of
// OUTBOX sends written at once (a client flushing after a reconnect): the
// time until the receiver has all of them, and whether they came in order.
// On natter serve the outbox is also measured as an app has it: queued in
// natter's own ChatClient while offline, persisted in Web Storage, and sent
// when it connects (clientOutbox).
// The outbox is sent on a new sender connection after OFFLINE_MS away (what a
// reconnect is), so the rate limit sees a client coming back, not one that has
// just sent a thousand messages. A refused request ends the run with an error.
// The server's CPU time (user + system, from /proc) per message is reported for
// both shapes where the server is its own process: steadier than times on a
// shared machine.
// Each freshly started server (all three alike) first carries WARMUP messages
// back to back between other users, discarded: a profile found natter serve's
// first thousand sends cost 800 µs of CPU each (a third of it V8 compiling on
// its helper threads) against 350 µs from the third thousand on, which no
// long-running server's users see. Other users, so that the measured sender's
// rate limit (a burst of 1000) is as a client coming to a running server finds it.
// Each of those users also flushes an outbox once, as users coming back do on a
// running server: without it natter serve's first outbox was also the first
// time its code ran in batches, and V8 spent 4–8 ms of the drain compiling it.
// The servers share the machine's CPUs with this process (the clients), as
// this bench always ran them; the targets are judged there. The bare relay and
// natter serve are also measured on CPUs of their own with the clients on
// another (`bareApart`, `serveApart`; bench/support/cpu-placement.ts), as when
// clients reach a server from other machines: sharing, Linux tends to queue a
// client and the server it writes to on one CPU. On a machine of two CPUs that
// leaves the server one, for its main thread and its helper threads alike.
// Run: npx tsx bench/server/message-latency.bench.ts [--sends 1000] [--outbox 500] [--rounds 3] [--warmup 3000] [--offline-ms 5000]
// [--only serve,bare] (a subset of the relays, for profiling one of them: bare, serve, embedded, bareApart, serveApart)
// (LATENCY_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=profiles" profiles the natter serve child;
// with LATENCY_SERVER_NODE_ARGS=--trace-gc LATENCY_SERVER_STDOUT=gc.txt its GC trace goes to gc.txt.)
// Prints one JSON document on stdout.
import { pinThisProcess, separateCpus } from '../support/cpu-placement';
import { bareRelay, embedded, natterServe, type Pair, type Relay } from './latency-relays';
import { cpuMs } from './process-cpu';

/** The word after `--name`, or undefined when the flag is absent. */
const argText = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const argNum = (name: string, fallback: number) => {
  const v = Number(argText(name) ?? NaN);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const SENDS = argNum('sends', 1000);
const OUTBOX = argNum('outbox', 500);
const ROUNDS = argNum('rounds', 3);
const OFFLINE_MS = argNum('offline-ms', 5000);
/** Messages each fresh server carries before it is measured, between other users (--warmup 0: none). */
const WARMUP = process.argv.includes('--warmup') ? Number(argText('warmup')) || 0 : 3000;
/** Warm-up messages per pair of users (each user's rate limit allows a burst of 1000). */
const WARMUP_PER_PAIR = 500;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Routes what `pair`'s receiver hears to one handler at a time (one listener, however many phases). */
function listen(pair: Pair): { on(fn: (i: number) => void): void } {
  let handler: ((i: number) => void) | null = null;
  pair.onReceive((i) => handler?.(i));
  return { on: (fn) => (handler = fn) };
}

/** Sends messages from..from+count-1 back to back (each after the previous one arrived); their times. */
async function backToBack(pair: Pair, heard: ReturnType<typeof listen>, from: number, count: number) {
  const times: number[] = [];
  for (let i = from; i < from + count; i++) {
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      heard.on((j) => {
        if (j === i) resolve();
      });
      pair.send(i);
    });
    times.push(performance.now() - t0);
  }
  return times;
}

/** Sends `count` messages at once (from `from` on) and resolves once the receiver heard them all; their order. */
async function flushOutbox(pair: Pair, heard: ReturnType<typeof listen>, from: number, count: number) {
  const got: number[] = [];
  await new Promise<void>((resolve) => {
    heard.on((j) => {
      got.push(j - from);
      if (got.length === count) resolve();
    });
    for (let k = 0; k < count; k++) pair.send(from + k);
  });
  return got;
}

/**
 * natter serve: OUTBOX sends queued in natter's own client while it is offline (its outbox kept in
 * Web Storage, as an app keeps it), then connected; how long queueing took, and the time from
 * connect() until the receiver heard them all (the raw drain above, plus the client's own work).
 */
async function clientOutbox(relay: Relay) {
  const pair = await relay.pair('carol', 'dave');
  const heard = listen(pair);
  const client = relay.offlineClient!('carol', 'dave');
  const t0 = performance.now();
  for (let k = 0; k < OUTBOX; k++) client.send(k);
  const queueMs = performance.now() - t0;
  const t1 = performance.now();
  const got = await new Promise<number[]>((resolve) => {
    const got: number[] = [];
    heard.on((j) => {
      if (got.push(j) === OUTBOX) resolve(got);
    });
    void client.connect();
  });
  const drainMs = performance.now() - t1;
  client.close();
  await pair.close();
  return { queueMs, drainMs, inOrder: got.every((x, k) => x === k) };
}

/** The measured sender's own first sends (a new session and conversation), not measured. */
const FIRST_SENDS = 20;

async function measure(make: () => Promise<Relay>) {
  const relay = await make();
  // The discarded warm-up, by other pairs of users.
  for (let k = 0; k * WARMUP_PER_PAIR < WARMUP; k++) {
    const warm = await relay.pair(`warm${k}a`, `warm${k}b`);
    const warmHeard = listen(warm);
    const count = Math.min(WARMUP_PER_PAIR, WARMUP - k * WARMUP_PER_PAIR);
    await backToBack(warm, warmHeard, 0, count);
    await warm.reconnect();
    await flushOutbox(warm, warmHeard, count, Math.min(OUTBOX, count));
    await warm.close();
  }
  const pair = await relay.pair('alice', 'bob');
  const heard = listen(pair);
  await backToBack(pair, heard, 0, FIRST_SENDS);
  // back to back
  const cpu0 = cpuMs(relay.pid);
  const times = await backToBack(pair, heard, FIRST_SENDS, SENDS);
  const sendCpuUs = ((cpuMs(relay.pid) - cpu0) * 1000) / SENDS;
  // outbox: OUTBOX sends at once, after being away
  await new Promise((resolve) => setTimeout(resolve, OFFLINE_MS));
  await pair.reconnect();
  const drainCpu0 = cpuMs(relay.pid);
  const t0 = performance.now();
  const got = await flushOutbox(pair, heard, FIRST_SENDS + SENDS, OUTBOX);
  const drainMs = performance.now() - t0;
  const drainCpuUs = ((cpuMs(relay.pid) - drainCpu0) * 1000) / OUTBOX;
  await pair.close();
  const client = relay.offlineClient ? await clientOutbox(relay) : null;
  await relay.close();
  return {
    client,
    p50: quantile(times, 0.5),
    p99: quantile(times, 0.99),
    drainMs,
    inOrder: got.every((x, k) => x === k),
    sendCpuUs,
    drainCpuUs,
  };
}

// Null with one CPU: then the servers and the clients share it, and nothing is measured apart.
const placement = separateCpus();
/** Each relay measured: how it starts, and the CPUs this process (the clients) runs on meanwhile. */
const kinds: Record<string, { make: () => Promise<Relay>; clientCpus: string | undefined }> = {
  bare: { make: () => bareRelay(), clientCpus: placement?.all },
  serve: { make: () => natterServe(), clientCpus: placement?.all },
  embedded: { make: embedded, clientCpus: placement?.all },
  ...(placement && {
    bareApart: { make: () => bareRelay(placement.server), clientCpus: placement.client },
    serveApart: { make: () => natterServe(placement.server), clientCpus: placement.client },
  }),
};
const onlyText = argText('only');
const only = onlyText === undefined ? null : new Set(onlyText.split(','));
const measured = Object.keys(kinds).filter((k) => !only || only.has(k));
const rounds: Record<string, Awaited<ReturnType<typeof measure>>[]> = {};
let pinned = placement?.all;
for (let r = 0; r < ROUNDS; r++)
  for (const k of measured) {
    const { make, clientCpus } = kinds[k]!;
    if (clientCpus !== pinned && clientCpus) pinThisProcess((pinned = clientCpus));
    (rounds[k] ??= []).push(await measure(make));
  }
const med = (xs: number[]) => r3(quantile(xs, 0.5));
const summary = Object.fromEntries(
  Object.entries(rounds).map(([k, rs = []]) => [
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
      // natter's own client (natter serve only): queueing the outbox offline, and its drain once connected.
      client: rs[0]!.client && {
        queueMs: med(rs.map((x) => x.client!.queueMs)),
        drainMs: med(rs.map((x) => x.client!.drainMs)),
        inOrder: rs.every((x) => x.client!.inOrder),
      },
    },
  ]),
) as Record<
  string,
  {
    p50: number;
    p99: number;
    drainMs: number;
    inOrder: boolean;
    sendCpuUs: number | null;
    drainCpuUs: number | null;
    drainMsEach: number[];
    client: { queueMs: number; drainMs: number; inOrder: boolean } | null;
  }
>;
process.stdout.write(
  `${JSON.stringify(
    {
      sends: SENDS,
      outbox: OUTBOX,
      rounds: ROUNDS,
      warmup: WARMUP,
      // The CPUs of bareApart/serveApart and of their clients (taskset lists); null: one CPU.
      placement: placement && { server: placement.server, client: placement.client },
      ...summary,
    },
    null,
    2,
  )}\n`,
);
