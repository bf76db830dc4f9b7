// The search benchmark's memory-storage case: the first search in one
// conversation of many messages, where the storage's word index is built
// (memory-search-index.ts). Two fresh storages, filled alike, side by side:
// the first search through the server core (the index built in slices while
// the event loop turns), and the same search straight on the storage's
// synchronous method (the index built in one block, as every search once
// did). For each, what a probe timestamping every turn of the event loop saw:
// the longest gap between turns in wall time, and the most CPU time the
// process spent between two turns (the longest synchronous run, which a
// loaded machine's preemption does not inflate).
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
  /** Through the core: the first search's round trip, how the event loop fared meanwhile, later searches. */
  sliced: { firstMs: number; laterP50Ms: number; laterP99Ms: number } & Blocks;
  /** Straight on the storage (the index built in one synchronous run). */
  oneBlock: { firstMs: number } & Blocks;
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

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return ms(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!);
};

/** What a probe saw of the event loop while something ran, ms. */
interface Blocks {
  /** The longest wall time between two turns of the event loop (OS preemption on a loaded machine included). */
  maxGapMs: number;
  p99GapMs: number;
  /** Turns that came more than 50 ms after the one before. */
  gapsOver50: number;
  /**
   * The most CPU time this process used between two turns: the longest synchronous run (plus
   * whatever GC threads did meanwhile), which other processes on the machine do not inflate.
   */
  maxBusyMs: number;
}

/**
 * Runs `fn` while a 1 ms timer chain timestamps every turn of the event loop (wall and process CPU
 * time); `fn`'s result and what the probe saw. The probe runs before `fn` starts, so a block at
 * once is seen too.
 */
async function probed<T>(fn: () => T | Promise<T>): Promise<{ value: T; blocks: Blocks }> {
  (globalThis as { gc?: () => void }).gc?.();
  const gaps: number[] = [];
  let maxBusy = 0;
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let on = true;
  const tick = () => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    gaps.push(now - last);
    maxBusy = Math.max(maxBusy, (cpu.user + cpu.system) / 1000);
    last = now;
    lastCpu = process.cpuUsage();
    if (on) setTimeout(tick, 1);
  };
  setTimeout(tick, 1);
  await new Promise((r) => setTimeout(r, 20));
  const skip = gaps.length;
  try {
    const value = await fn();
    // A few more turns, so that a block at the very end is seen too.
    await new Promise((r) => setTimeout(r, 5));
    const seen = gaps.slice(skip);
    return {
      value,
      blocks: {
        maxGapMs: ms(Math.max(...seen)),
        p99GapMs: pct(seen, 99),
        gapsOver50: seen.filter((g) => g > 50).length,
        maxBusyMs: ms(maxBusy),
      },
    };
  } finally {
    on = false;
  }
}

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
    const first = await probed(async () => {
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
    sliced = { firstMs: ms(first.value), ...first.blocks, laterP50Ms: pct(later, 50), laterP99Ms: pct(later, 99) };
  } finally {
    client.close();
    await core.close();
  }
  const storage = filled(server, messages);
  const oneBlock = await probed(() => {
    const t0 = performance.now();
    const found = storage.searchMessages({ terms: [QUERY], scopes: [{ key: KEY, afterSeq: 0 }], limit: 21 });
    if (found.rows.length === 0) throw new Error('memory search found nothing');
    return performance.now() - t0;
  });
  return { messages, query: QUERY, sliced, oneBlock: { firstMs: ms(oneBlock.value), ...oneBlock.blocks } };
}
