// Benchmark (not a unit test): a user with 5,000 contacts, all connected,
// comes online. How long is the event loop blocked at a time, and how long
// until every contact has heard? natter's fan-out (a batch of recipients per
// turn, coalesced) against the same core told to serve everyone in one turn.
//
//   node --import tsx bench/presence/presence-fanout.bench.ts [--contacts 5000] [--rounds 5]
//
// The core runs in-process on SQLite (':memory:'); sessions are in-process
// peers that count frames (no sockets: the figure is the server's own work).
// The longest block is the longest gap between the ticks of a setImmediate
// loop running beside it. The core and its storage come from the packed
// @natter/server, as an app installs it. Prints one JSON object.
import { conversationKey } from '../../src/server/conversation-key';
import { packedEntryUrl, packedServerEntryUrl } from '../support/packed-package';

const { SqliteStorage, createServerCore } = (await import(
  packedServerEntryUrl()
)) as typeof import('../../src/entries/server');
const { PROTOCOL_VERSION } = (await import(packedEntryUrl('.'))) as typeof import('../../src/entries/index');

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const CONTACTS = arg('contacts', 5000);
const ROUNDS = arg('rounds', 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const r2 = (x: number) => Math.round(x * 100) / 100;

async function round(
  batch: number,
): Promise<{ maxBlockMs: number; allHeardMs: number; framesPerContact: number; turns: number }> {
  const storage = new SqliteStorage({ path: ':memory:' });
  storage.transaction(() => {
    for (let i = 0; i < CONTACTS; i++) {
      const key = conversationKey('single', 'star', `c${i}`);
      for (const [user, peer] of [
        ['star', `c${i}`],
        [`c${i}`, 'star'],
      ] as const) {
        storage.putConversationState({
          user,
          key,
          id: `single:${peer}`,
          type: 'single',
          target: peer,
          readSeq: 0,
          unread: 0,
          clearedSeq: 0,
          hidden: false,
          lastServerId: null,
          updatedAt: i,
        });
      }
    }
  });
  const core = createServerCore({ storage, rateLimit: false, people: { fanoutBatch: batch } });
  const heard = new Set<number>();
  let frames = 0;
  let lastHeard = 0;
  const connect = (user: string, onFrame?: (data: string) => void) => {
    const session = core.connect({ send: (data) => onFrame?.(data), close: () => undefined });
    session.receive(JSON.stringify({ v: PROTOCOL_VERSION, t: 'hello', user }));
  };
  for (let i = 0; i < CONTACTS; i++) {
    connect(`c${i}`, (data) => {
      if (!data.includes('"presence"')) return;
      frames++;
      heard.add(i);
      lastHeard = performance.now();
    });
  }
  // Let the contacts' own logins (profiles, presence) finish before the measured one.
  await new Promise((r) => setTimeout(r, 1000));
  // Event-loop watcher: the longest gap between two of its turns.
  let maxGap = 0;
  let turns = 0;
  let watching = true;
  let prev = performance.now();
  const tick = () => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - prev);
    prev = now;
    turns++;
    if (watching) setImmediate(tick);
  };
  setImmediate(tick);
  const t0 = performance.now();
  prev = t0;
  connect('star');
  for (let guard = 0; heard.size < CONTACTS && guard < 2000; guard++) await new Promise((r) => setTimeout(r, 5));
  watching = false;
  const result = {
    maxBlockMs: r2(maxGap),
    allHeardMs: r2(lastHeard - t0),
    framesPerContact: r2(frames / CONTACTS),
    turns,
  };
  core.close();
  storage.close();
  return result;
}

const out: Record<string, unknown> = { contacts: CONTACTS, rounds: ROUNDS };
for (const [name, batch] of [
  ['batched (natter default, 200 per turn)', 200],
  ['one turn (unbatched)', 1e9],
] as const) {
  const rs = [];
  for (let i = 0; i < ROUNDS; i++) rs.push(await round(batch));
  out[name] = {
    maxBlockMs: median(rs.map((r) => r.maxBlockMs)),
    allHeardMs: median(rs.map((r) => r.allHeardMs)),
    framesPerContact: median(rs.map((r) => r.framesPerContact)),
    all: rs,
  };
}
process.stdout.write(JSON.stringify(out) + '\n');
