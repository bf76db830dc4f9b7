// The search benchmark's memory-storage case: the first search in one
// conversation of many messages, where the storage's word index is built
// (memory-search-index.ts). Two fresh storages, filled alike, side by side:
// the first search through the server core (the index built in slices while
// the event loop turns), and the same search straight on the storage's
// synchronous method (the index built in one block, as every search once
// did). For each, the longest event-loop block measured while it ran.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Message } from 'natter';
import { messageText, prng, T0 } from './corpus';

type NatterMain = typeof import('natter');
type NatterServer = typeof import('@natter/server');

const QUERY = 'deadline';
const KEY = 'single:h1|p1';
const ms = (x: number): number => Math.round(x * 100) / 100;

export interface MemoryFirstSearch {
  messages: number;
  query: string;
  /** Through the core: the first search's round trip, the longest event-loop block meanwhile, later searches. */
  sliced: { firstMs: number; maxBlockMs: number; delayP99Ms: number; laterP50Ms: number; laterP99Ms: number };
  /** Straight on the storage (the index built in one synchronous run). */
  oneBlock: { firstMs: number; maxBlockMs: number };
}

function filled(server: NatterServer, messages: number): InstanceType<NatterServer['MemoryStorage']> {
  const storage = new server.MemoryStorage();
  const rand = prng(7);
  storage.transaction(() => {
    for (let seq = 1; seq <= messages; seq++) {
      const from = seq % 2 ? 'h1' : 'p1';
      const message: Message = {
        serverId: `01C${seq.toString(36).padStart(10, '0')}`,
        localId: `M${seq}`,
        from,
        to: from === 'h1' ? 'p1' : 'h1',
        chatType: 'single',
        seq,
        ts: T0 + seq,
        body: { type: 'txt', msg: messageText(rand) },
      };
      storage.insertMessage({ key: KEY, message });
      storage.nextSeq(KEY);
    }
    storage.putConversationState({
      user: 'h1',
      key: KEY,
      id: 'single:p1',
      type: 'single',
      target: 'p1',
      readSeq: messages,
      unread: 0,
      clearedSeq: 0,
      hidden: false,
      lastServerId: null,
      updatedAt: T0,
    });
  });
  return storage;
}

/** Runs `fn` with the event loop's delay sampled (1 ms resolution); its result and the delay's max and p99, ms. */
async function sampled<T>(fn: () => T | Promise<T>): Promise<{ value: T; maxMs: number; p99Ms: number }> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  try {
    const value = await fn();
    // One more turn, so that a block at the very end is sampled too.
    await new Promise((r) => setTimeout(r, 5));
    return { value, maxMs: ms(delay.max / 1e6), p99Ms: ms(delay.percentile(99) / 1e6) };
  } finally {
    delay.disable();
  }
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return ms(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!);
};

export async function memoryFirstSearch(
  natter: NatterMain,
  server: NatterServer,
  messages: number,
  rounds: number,
): Promise<MemoryFirstSearch> {
  const core = server.createServerCore({ storage: filled(server, messages), rateLimit: false });
  const client = natter.createChatClient({
    transport: server.createLoopbackTransport(core),
    user: 'h1',
    reconnect: false,
    heartbeatMs: 0,
    requestTimeoutMs: 600_000,
  });
  let sliced: MemoryFirstSearch['sliced'];
  try {
    await client.connect();
    const first = await sampled(async () => {
      const t0 = performance.now();
      const page = await natter.searchMessages(client, QUERY, { conversation: 'single:p1' });
      if (page.hits.length === 0) throw new Error('memory search found nothing');
      return performance.now() - t0;
    });
    const later: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      await natter.searchMessages(client, QUERY, { conversation: 'single:p1' });
      later.push(performance.now() - t0);
    }
    sliced = {
      firstMs: ms(first.value),
      maxBlockMs: first.maxMs,
      delayP99Ms: first.p99Ms,
      laterP50Ms: pct(later, 50),
      laterP99Ms: pct(later, 99),
    };
  } finally {
    client.close();
    await core.close();
  }
  const storage = filled(server, messages);
  const oneBlock = await sampled(() => {
    const t0 = performance.now();
    const found = storage.searchMessages({ terms: [QUERY], scopes: [{ key: KEY, afterSeq: 0 }], limit: 21 });
    if (found.rows.length === 0) throw new Error('memory search found nothing');
    return performance.now() - t0;
  });
  return { messages, query: QUERY, sliced, oneBlock: { firstMs: ms(oneBlock.value), maxBlockMs: oneBlock.maxMs } };
}
