// Benchmark (not a unit test): a 100,000-message burst into natter's chat store
// versus stream-chat's client-side channel state, side by side in one run.
//
//   node --expose-gc --import tsx bench/store/store-ingest.bench.ts [--quick] [--rounds=5]
//        [--stream-rounds=5] [--stream-single-rounds=1] [--stream-single-count=20000] [--only=natter]
//   NATTER_DIST=<dist folder> …  (natter from that build instead of this tree's packed package)
//
// natter is its packed package, loaded as a Node app imports it (natter,
// natter/store; bench/support/packed-package.ts), fed through its real ingestion
// path: client events queued in bindClient's own ingest queue (`binding.queue`)
// and applied by the batching reducer, here
// flushed once per 1,000 events (a frame's worth) and, as a second figure, in a
// single flush. The target compares the frames figure (what a burst costs
// through bindClient, one batch per frame). stream-chat gets
// `channel.state.addMessageSorted` per message (its own path for a new message
// event); its one-channel case is quadratic (~11 min for 100,000 messages on
// this machine), so it runs 20,000 messages by default and is not a target.
// Time is the ingest only, as wall time (`ms`) and process CPU time (`cpuMs`,
// which includes GC threads); heap is what the state retains afterwards (after
// GC, with the input arrays dropped).
// Prints one JSON object.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ChatEvent, ConversationId, Message } from 'natter';
import { StreamChat } from 'stream-chat';
import { packedEntryUrl } from '../support/packed-package';

type NatterMain = typeof import('natter');
type NatterStore = typeof import('natter/store');
/**
 * NATTER_DIST=<a built dist/ folder> loads natter from that build instead of packing this tree
 * (to measure another tree's build in the same run); it needs index.js and store.js.
 */
const dist = process.env.NATTER_DIST;
const entryUrl = (subpath: '.' | './store') =>
  dist ? pathToFileURL(resolve(dist, subpath === '.' ? 'index.js' : 'store.js')).href : packedEntryUrl(subpath);
const { createChatClient } = (await import(entryUrl('.'))) as NatterMain;
const { bindClient, createChatStore, microtaskScheduler } = (await import(entryUrl('./store'))) as NatterStore;

/** The store with bindClient's ingest queue (the client stays offline: the bench pushes its events). */
function offlineStore() {
  const client = createChatClient({
    transport: {
      connect: () => {
        throw new Error('offline benchmark');
      },
    },
    user: 'me',
  });
  const store = createChatStore(client);
  return { store, queue: bindClient(client, store, { schedule: microtaskScheduler }).queue };
}

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k ?? '', v ?? 'true'] as const;
  }),
);
const quick = args.has('quick');
const TOTAL = quick ? 20_000 : 100_000;
const CONVERSATIONS = 1_000;
const ROUNDS = Number(args.get('rounds') ?? (quick ? 3 : 5));
const STREAM_SINGLE_ROUNDS = Number(args.get('stream-single-rounds') ?? 1);
const STREAM_ROUNDS = Number(args.get('stream-rounds') ?? ROUNDS);
/** stream-chat's one-channel case is quadratic (691 s for 100,000 in a full run): 20,000 unless asked. */
const STREAM_SINGLE_COUNT = Number(args.get('stream-single-count') ?? Math.min(TOTAL, 20_000));
const ONLY = args.get('only');
const FRAME = 1_000;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const collect = () => {
  for (let i = 0; i < 3; i++) gc();
};

const T0 = Date.UTC(2026, 0, 1);
const hex = (n: number, w: number) => n.toString(36).padStart(w, '0');

/** Message i of the burst, in conversation i % conversations, as it arrives on the wire. */
function wireMessage(
  i: number,
  conversations: number,
): { peer: string; seq: number; id: string; localId: string; ts: number; text: string } {
  const c = i % conversations;
  return {
    peer: `user${c}`,
    seq: Math.floor(i / conversations) + 1,
    id: `01S${hex(i, 23)}`,
    localId: `01L${hex(i, 23)}`,
    ts: T0 + i,
    text: `message ${i} in conversation ${c}, hello there`,
  };
}

/** As a frame decoder hands it over: JSON.parse output (flat strings, no shared template pieces). */
const fromWire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function natterEvents(conversations: number, count = TOTAL): ChatEvent[] {
  const out: ChatEvent[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const w = wireMessage(i, conversations);
    const message: Message = {
      serverId: w.id,
      localId: w.localId,
      from: w.peer,
      to: 'me',
      chatType: 'single',
      seq: w.seq,
      ts: w.ts,
      body: { type: 'txt', msg: w.text },
    };
    // The whole event frame through JSON, conversation id included (the server sends it; the client re-emits it).
    out[i] = fromWire<ChatEvent>({
      type: 'message',
      message,
      conversation: `single:${w.peer}` as ConversationId,
      unread: w.seq,
    });
  }
  return out;
}

function streamMessages(conversations: number, count = TOTAL) {
  const out = new Array(count);
  for (let i = 0; i < count; i++) {
    const w = fromWire(wireMessage(i, conversations));
    const at = new Date(w.ts).toISOString();
    out[i] = {
      id: w.id,
      text: w.text,
      type: 'regular',
      user: { id: w.peer },
      created_at: at,
      updated_at: at,
      cid: `messaging:c${i % conversations}`,
    };
  }
  return out;
}

interface Sample {
  ms: number;
  cpuMs: number;
  heapMB: number;
  check: number;
}

function measure(setup: () => { run: () => number; keep: unknown }): Sample {
  collect();
  const before = process.memoryUsage().heapUsed;
  const { run, keep } = setup();
  const cpu = process.cpuUsage();
  const t = performance.now();
  const check = run();
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  collect();
  const heapMB = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  if (keep === null) throw new Error('unreachable'); // keeps the state alive until measured
  return { ms, cpuMs, heapMB, check };
}

function natter(conversations: number, frame: number): Sample {
  return measure(() => {
    let events: ChatEvent[] | null = natterEvents(conversations);
    const { store, queue } = offlineStore();
    return {
      keep: store,
      run: () => {
        const list = events as ChatEvent[];
        for (let i = 0; i < list.length; i++) {
          queue.push({ kind: 'event', event: list[i] as ChatEvent });
          if ((i + 1) % frame === 0) queue.flush();
        }
        queue.flush();
        events = null;
        let n = 0;
        for (const m of store.getState().conversationMessages.values()) n += m.items.length;
        return n;
      },
    };
  });
}

function stream(conversations: number, count = TOTAL): Sample {
  return measure(() => {
    let messages: ReturnType<typeof streamMessages> | null = streamMessages(conversations, count);
    const client = new StreamChat('bench-key', 'bench-secret');
    const channels = Array.from({ length: conversations }, (_, c) => client.channel('messaging', `c${c}`));
    return {
      keep: channels,
      run: () => {
        const list = messages as ReturnType<typeof streamMessages>;
        for (let i = 0; i < list.length; i++) channels[i % conversations]?.state.addMessageSorted(list[i]);
        messages = null;
        return channels.reduce((n, ch) => n + ch.state.messages.length, 0);
      },
    };
  });
}

function warmup(): void {
  for (let i = 0; i < 2; i++) {
    natterWarm(CONVERSATIONS, FRAME);
    natterWarm(1, FRAME);
    if (ONLY !== 'natter') streamWarm();
  }
}

function natterWarm(conversations: number, frame: number): void {
  const { queue } = offlineStore();
  const events = natterEvents(conversations, 5_000);
  events.forEach((event, i) => {
    queue.push({ kind: 'event', event });
    if ((i + 1) % frame === 0) queue.flush();
  });
  queue.flush();
}

function streamWarm(): void {
  const client = new StreamChat('bench-key', 'bench-secret');
  const channels = Array.from({ length: 50 }, (_, c) => client.channel('messaging', `w${c}`));
  streamMessages(50, 5_000).forEach((m, i) => channels[i % 50]?.state.addMessageSorted(m));
}

function median(samples: Sample[], expected = TOTAL) {
  const pick = (k: 'ms' | 'cpuMs' | 'heapMB') => {
    const s = samples.map((x) => x[k]).sort((a, b) => a - b);
    return Math.round((s[Math.floor(s.length / 2)] ?? NaN) * 10) / 10;
  };
  const checks = new Set(samples.map((s) => s.check));
  if (checks.size !== 1 || !checks.has(expected)) throw new Error(`wrong message count: ${[...checks].join(',')}`);
  return {
    ms: pick('ms'),
    cpuMs: pick('cpuMs'),
    heapMB: pick('heapMB'),
    rounds: samples.length,
    allMs: samples.map((s) => Math.round(s.ms * 10) / 10),
  };
}

function rounds(n: number, f: () => Sample, expected = TOTAL) {
  const out: Sample[] = [];
  for (let i = 0; i < n; i++) out.push(f());
  return median(out, expected);
}

// Warm the JIT on a small burst of each path first, so round one is not compile time.
warmup();

const skip = { ms: NaN, cpuMs: NaN, heapMB: NaN, rounds: 0, allMs: [] as number[] };
const natterOver = rounds(ROUNDS, () => natter(CONVERSATIONS, FRAME));
const natterOverOneFlush = rounds(ROUNDS, () => natter(CONVERSATIONS, TOTAL));
const natterSingle = rounds(ROUNDS, () => natter(1, FRAME));
const natterSingleOneFlush = rounds(ROUNDS, () => natter(1, TOTAL));
const streamOver = ONLY === 'natter' ? skip : rounds(STREAM_ROUNDS, () => stream(CONVERSATIONS));
const streamSingle =
  ONLY === 'natter' ? skip : rounds(STREAM_SINGLE_ROUNDS, () => stream(1, STREAM_SINGLE_COUNT), STREAM_SINGLE_COUNT);

const r1 = (x: number) => Math.round(x * 10) / 10;
const result = {
  benchmark: 'store-ingest',
  messages: TOTAL,
  conversations: CONVERSATIONS,
  node: process.version,
  natter: {
    /** The burst applied as bindClient applies a burst that arrives before the next frame: one flush. */
    over1000: natterOverOneFlush,
    /** The same burst spread over 100 frames of 1,000 events (each frame touches every conversation). */
    over1000PerFrame: natterOver,
    intoOne: natterSingleOneFlush,
    intoOnePerFrame: natterSingle,
    frameSize: FRAME,
  },
  streamChat: {
    over1000: streamOver,
    intoOne: {
      ...streamSingle,
      messages: STREAM_SINGLE_COUNT,
      label: `${STREAM_SINGLE_COUNT.toLocaleString('en-US')} messages, quadratic: not a target`,
    },
  },
  ratios: {
    speedupOver1000: r1(streamOver.ms / natterOverOneFlush.ms),
    speedupOver1000PerFrame: r1(streamOver.ms / natterOver.ms),
    heapShareOver1000: Math.round((natterOverOneFlush.heapMB / streamOver.heapMB) * 1000) / 1000,
    heapShareOver1000PerFrame: Math.round((natterOver.heapMB / streamOver.heapMB) * 1000) / 1000,
    /** stream-chat one-channel time scaled to 100,000 by its quadratic cost when run smaller. */
    speedupIntoOne: r1((streamSingle.ms * (TOTAL / STREAM_SINGLE_COUNT) ** 2) / natterSingleOneFlush.ms),
    natterLinearity: Math.round((natterSingleOneFlush.ms / natterOverOneFlush.ms) * 100) / 100,
    natterLinearityPerFrame: Math.round((natterSingle.ms / natterOver.ms) * 100) / 100,
    /** The same ratios on process CPU time (robust when the machine is shared and wall time includes waiting). */
    cpu: {
      speedupOver1000: r1(streamOver.cpuMs / natterOverOneFlush.cpuMs),
      speedupOver1000PerFrame: r1(streamOver.cpuMs / natterOver.cpuMs),
      speedupIntoOne: r1((streamSingle.cpuMs * (TOTAL / STREAM_SINGLE_COUNT) ** 2) / natterSingleOneFlush.cpuMs),
      natterLinearity: Math.round((natterSingleOneFlush.cpuMs / natterOverOneFlush.cpuMs) * 100) / 100,
      natterLinearityPerFrame: Math.round((natterSingle.cpuMs / natterOver.cpuMs) * 100) / 100,
    },
  },
  targets: {
    speedupAtLeast: 20,
    heapShareAtMost: 0.5,
    linearityAbout: 1,
    /** Which natter figure the speed-up target uses: the burst in frames of 1,000, as bindClient applies it. */
    speedupBasis: 'frames',
  },
};
console.log(JSON.stringify(result, null, 2));
