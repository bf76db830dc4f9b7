// Two nodes' group commits on one real PostgreSQL whose sends lock the same
// two rows in opposite orders. To the same two groups: run in key order
// (commit-order.ts) one waits for the other, instead of each holding one
// group's rows and waiting for the other's until PostgreSQL ends one after
// its deadlock timeout. Single chats that check two recipients' blocklists
// in opposite orders lock them for share only, so neither waits (with locks
// for update they deadlocked, and the commit that lost ran again).
import { describe, expect, it } from 'vitest';
import { openPgStorage } from '../../../src/node/pg-storage';
import { createEmbeddedServer } from '../../../src/server/embedded-server';
import type { Storage } from '../../../src/server/storage';
import { localId, login } from '../../server/raw-client';
import { usePostgres } from './support/services';

const pg = usePostgres();

interface Node {
  /** Whether the transactions wait for the other node (the commits under test; not the set-up's). */
  armed: boolean;
  attempts: number;
  /** Settles once this node's commit has read (and locked) its first group. */
  locked: Promise<void>;
}

type LockingRead = 'getGroup' | 'getBlocklist';

/**
 * `storage` as a node whose transactions are counted and whose commit, once it has made its first
 * `read` (a locking one), waits for the other node's to have made one too, or `waitMs` (when the
 * other waits on it).
 */
function meeting(
  storage: Storage,
  read: LockingRead,
  waitMs: number,
  node: Node,
  other: () => Promise<void>,
  locked: () => void,
): Storage {
  const inTx = (tx: Storage): Storage => {
    let first = true;
    return new Proxy(tx, {
      get(target, prop) {
        if (prop !== read) return Reflect.get(target, prop, target) as unknown;
        return async (id: string, purpose?: 'check') => {
          const found = read === 'getBlocklist' ? await target.getBlocklist(id, purpose) : await target.getGroup(id);
          if (first && node.armed) {
            first = false;
            locked();
            await Promise.race([other(), new Promise((r) => setTimeout(r, waitMs))]);
          }
          return found;
        };
      },
    });
  };
  return new Proxy(storage, {
    get(target, prop) {
      if (prop !== 'transaction') return Reflect.get(target, prop, target) as unknown;
      return <T>(fn: (tx: Storage) => Promise<T>) =>
        target.transaction((tx) => {
          if (node.armed) node.attempts++;
          return fn(inTx(tx));
        });
    },
  });
}

/** Two embedded servers on PostgreSQL, as two nodes whose commits meet (see `meeting`); commits run when told. */
async function twoNodes(read: LockingRead, waitMs: number) {
  const open = async () => pg.closeAfter(await openPgStorage({ url: pg.postgres.url }));
  const [a, b] = await Promise.all([open(), open()]);
  let aLocked!: () => void;
  let bLocked!: () => void;
  const nodes: [Node, Node] = [
    { armed: false, attempts: 0, locked: new Promise((r) => (aLocked = r)) },
    { armed: false, attempts: 0, locked: new Promise((r) => (bLocked = r)) },
  ];
  const commits: Array<Array<() => void>> = [[], []];
  const servers = [
    createEmbeddedServer({
      storage: meeting(a, read, waitMs, nodes[0], () => nodes[1].locked, aLocked),
      scheduleCommit: (commit) => void commits[0]!.push(commit),
    }),
    createEmbeddedServer({
      storage: meeting(b, read, waitMs, nodes[1], () => nodes[0].locked, bLocked),
      scheduleCommit: (commit) => void commits[1]!.push(commit),
    }),
  ];
  return {
    nodes,
    servers,
    /** Runs each node's one queued commit, both at once. */
    async commit() {
      await new Promise((r) => setImmediate(r));
      expect(commits.map((c) => c.length)).toEqual([1, 1]);
      for (const node of nodes) node.armed = true;
      commits[0]!.shift()!();
      commits[1]!.shift()!();
    },
    close: () => Promise.all(servers.map((s) => s.close())),
  };
}

const text = (msg: string) => ({ type: 'txt' as const, msg });

describe('group commits of two nodes on one PostgreSQL', () => {
  it('sending to the same two groups in opposite orders, each commit runs once', async () => {
    // In key order node B's first read waits on node A's lock: node A goes on after 500 ms.
    const two = await twoNodes('getGroup', 500);
    const alice = await login(two.servers[0]!.connect(), 'alice');
    const bob = await login(two.servers[1]!.connect(), 'bob');
    for (const g of ['g', 'h']) await alice.ok('group.create', { groupId: g, name: g, members: ['bob'] });
    const send = (who: typeof alice, to: string) =>
      who.call('send', {
        localId: localId(),
        to,
        chatType: 'group',
        body: text(`${to} from ${who === alice ? 'a' : 'b'}`),
      });
    const sent = [send(alice, 'g'), send(alice, 'h'), send(bob, 'h'), send(bob, 'g')];
    await two.commit();
    expect((await Promise.all(sent)).map((f) => f.t)).toEqual(['ok', 'ok', 'ok', 'ok']);
    // In arrival order, node B held h and waited for g, node A the reverse: one of them ran twice.
    expect(two.nodes.map((n) => n.attempts)).toEqual([1, 1]);
    for (const g of ['g', 'h']) {
      const page = await alice.ok('history', { conversation: `group:${g}` });
      expect(page.messages.map((m) => m.seq)).toEqual([2, 1]);
    }
    await two.close();
  });

  it("single chats checking two recipients' blocklists in opposite orders: each commit runs once", async () => {
    // Both first reads answer at once, however long a loaded machine takes to make them.
    const two = await twoNodes('getBlocklist', 20_000);
    // Each recipient has a blocklist row, which a send's check locks.
    for (const user of ['uma', 'vic'])
      await (await login(two.servers[0]!.connect(), user)).ok('block', { user: 'zed' });
    const onA = {
      alice: await login(two.servers[0]!.connect(), 'alice'),
      bob: await login(two.servers[0]!.connect(), 'bob'),
    };
    const onB = {
      alice: await login(two.servers[1]!.connect(), 'alice'),
      bob: await login(two.servers[1]!.connect(), 'bob'),
    };
    const send = (who: typeof onA.alice, to: string) =>
      who.call('send', { localId: localId(), to, chatType: 'single', body: text(`to ${to}`) });
    // In key order node A checks uma then vic (alice|uma, bob|vic), node B vic then uma (alice|vic, bob|uma).
    const sent = [send(onA.alice, 'uma'), send(onA.bob, 'vic'), send(onB.alice, 'vic'), send(onB.bob, 'uma')];
    await two.commit();
    expect((await Promise.all(sent)).map((f) => f.t)).toEqual(['ok', 'ok', 'ok', 'ok']);
    // Locked for update, each check held one blocklist and waited for the other: PostgreSQL ended
    // one commit (a deadlock) and that node ran it again.
    expect(two.nodes.map((n) => n.attempts)).toEqual([1, 1]);
    const uma = await login(two.servers[1]!.connect(), 'uma');
    expect((await uma.ok('conversations', {})).conversations.map((c) => c.id).sort()).toEqual([
      'single:alice',
      'single:bob',
    ]);
    await two.close();
  });
});
