// PgStorage keeps the Storage contract on a real PostgreSQL, and keeps its
// invariants when several nodes (separate pools) write at once: positions and
// seqs unique and gap-free, a user's positions committed in order (a later
// one waits for an earlier one's transaction), idempotency keys unique, compare-and-set with one
// winner, timeout claims that skip another node's lease, and migrations that
// several nodes run at the same moment.
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { openPgStorage, type PgStorage } from '../../../src/node/pg-storage';
import type { ConversationStateRecord } from '../../../src/server/storage';
import { describeStorageContract, invitation, KEY, message, rec } from '../storage-contract';
import { describePushStorageContract } from '../push-storage-contract';
import { freshDatabase } from './support/cluster';
import { usePostgres } from './support/services';

const server = usePostgres();

/** A fresh database; `nodes` storages (pools) opened on it at once, as several nodes starting. */
async function database(nodes = 1): Promise<PgStorage[]> {
  const url = await freshDatabase(server.postgres);
  return Promise.all(
    Array.from({ length: nodes }, async () => server.closeAfter(await openPgStorage({ url, poolSize: 4 }))),
  );
}

describeStorageContract('PgStorage', async () => (await database())[0]!);
describePushStorageContract('PgStorage', async () => (await database())[0]!);

describe('PgStorage with several writers', () => {
  it('migrates once when three nodes start at the same moment', async () => {
    const nodes = await database(3);
    await nodes[0]!.insertMessage(rec(message(1)));
    expect((await nodes[2]!.getMessage('s1-alice-bob'))?.message.seq).toBe(1);
  });

  it('hands out each seq and each event position once, without gaps, to concurrent transactions of two nodes', async () => {
    const [a, b] = await database(2);
    const work = (s: PgStorage, tag: string) =>
      Array.from({ length: 20 }, (_, i) =>
        s.transaction(async (tx) => {
          const seq = await tx.nextSeq(KEY);
          const [pos] = await tx.appendEvents(
            [{ user: 'bob', event: { type: 'blocklist', blocked: [`${tag}${i}`] } }],
            seq,
          );
          return { seq, pos: pos! };
        }),
      );
    const results = await Promise.all([...work(a!, 'a'), ...work(b!, 'b')]);
    expect(results.map((r) => r.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(results.map((r) => r.pos).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await a!.lastEventPosition('bob')).toBe(40);
    expect((await b!.readEvents('bob', 0, 100)).map((e) => e.pos)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it("never shows a user's event position before the smaller ones of another node's open transaction", async () => {
    const [a, b] = await database(2);
    const event = (tag: string) => [{ user: 'bob', event: { type: 'blocklist' as const, blocked: [tag] } }];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let appended!: () => void;
    const first = new Promise<void>((r) => (appended = r));
    // Node a takes position 1 and stays open; node b appends for the same user meanwhile.
    const open = a!.transaction(async (tx) => {
      const [pos] = await tx.appendEvents(event('a'), 1);
      appended();
      await held;
      return pos;
    });
    await first;
    const later = b!.transaction(async (tx) => (await tx.appendEvents(event('b'), 2))[0]);
    const admin = new pg.Client({ connectionString: server.postgres.url });
    await admin.connect();
    server.closeAfter({ close: () => admin.end() });
    // Node b waits for node a's transaction (the user's head row), rather than committing position 2 first.
    const waiting = async (): Promise<number> =>
      Number(
        (
          await admin.query<{ n: string }>(
            "SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%event_heads%'",
          )
        ).rows[0]!.n,
      );
    await expect.poll(waiting, { timeout: 20_000 }).toBe(1);
    expect(await a!.readEvents('bob', 0, 10)).toEqual([]);
    expect(await b!.lastEventPosition('bob')).toBe(0);
    release();
    expect(await open).toBe(1);
    expect(await later).toBe(2);
    expect((await b!.readEvents('bob', 0, 10)).map((e) => e.pos)).toEqual([1, 2]);
  });

  it('stores a (from, localId) once when two nodes insert it at the same time; the loser runs again and finds it', async () => {
    const [a, b] = await database(2);
    const attempt = (s: PgStorage, serverId: string) =>
      s.transaction(async (tx) => {
        const existing = await tx.getMessageByLocalId('alice', 'same');
        if (existing) return existing.message.serverId;
        await tx.insertMessage(rec({ ...message(1), serverId, localId: 'same' }));
        return serverId;
      });
    const [x, y] = await Promise.all([attempt(a!, 'from-a'), attempt(b!, 'from-b')]);
    expect(x).toBe(y);
  });

  it('lets one of two racing compare-and-sets win', async () => {
    const [a, b] = await database(2);
    const read = invitation('i1');
    await a!.putInvitation(read);
    const wins = await Promise.all([
      a!.transaction((tx) => tx.replaceInvitation(invitation('i1', { states: { bob: 'accepted' } }), read)),
      b!.transaction((tx) => tx.replaceInvitation(invitation('i1', { states: { bob: 'rejected' } }), read)),
    ]);
    expect(wins.filter(Boolean)).toHaveLength(1);
  });

  it('claims a due invitation for one node until its lease ends; the next deadline counts from the lease', async () => {
    const [a, b] = await database(2);
    await a!.putInvitation(invitation('i1', { deadline: 100 }));
    expect((await a!.claimDueInvitations(200, 10, 'node-a', 5200)).map((i) => i.inviteId)).toEqual(['i1']);
    expect(await b!.claimDueInvitations(300, 10, 'node-b', 5300)).toEqual([]);
    expect(await b!.nextInvitationDeadline()).toBe(5200);
    expect((await b!.claimDueInvitations(5200, 10, 'node-b', 10_200)).map((i) => i.inviteId)).toEqual(['i1']);
  });

  it('a blocklist read to check is locked for share: another node checks it at once, a change waits for the end', async () => {
    const [a, b] = await database(2);
    await a!.setBlocklist('uma', ['zed']);
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let checked!: () => void;
    const checking = new Promise<void>((r) => (checked = r));
    const first = a!.transaction(async (tx) => {
      expect(await tx.getBlocklist('uma', 'check')).toEqual(['zed']);
      checked();
      await held;
      order.push('first check ends');
    });
    await checking;
    // A second node's check does not wait for the first one's transaction (2 s: the bound on a wait).
    const second = b!
      .transaction((tx) => tx.getBlocklist('uma', 'check'))
      .then((list) => {
        order.push('second check');
        return list;
      });
    await Promise.race([second, new Promise((r) => setTimeout(r, 2000))]);
    // A change reads for update: it waits until the first check's transaction has ended.
    const change = b!.transaction(async (tx) => {
      await tx.setBlocklist('uma', [...(await tx.getBlocklist('uma')), 'yan']);
      order.push('change');
    });
    await new Promise((r) => setTimeout(r, 200));
    release();
    expect(await second).toEqual(['zed']);
    await Promise.all([first, change]);
    expect(order).toEqual(['second check', 'first check ends', 'change']);
    expect(await a!.getBlocklist('uma')).toEqual(['zed', 'yan']);
  });

  it('two nodes storing messages that bring the same new words in opposite orders run each transaction once', async () => {
    const [a, b] = await database(2);
    // Each transaction stores its first message, waits until the other has stored its own, then
    // stores a second; the two bring the same two words, in opposite orders.
    let aFirst!: () => void;
    let bFirst!: () => void;
    const aStored = new Promise<void>((r) => (aFirst = r));
    const bStored = new Promise<void>((r) => (bFirst = r));
    const attempts = { a: 0, b: 0 };
    const store = (
      node: PgStorage,
      who: 'a' | 'b',
      words: [string, string],
      stored: () => void,
      other: Promise<void>,
    ) =>
      node.transaction(async (tx) => {
        attempts[who]++;
        const to = `to-${who}`;
        await tx.insertMessage(rec(message(1, { to, body: { type: 'txt', msg: words[0] } }), `single:alice|${to}`));
        stored();
        await other;
        await tx.insertMessage(rec(message(2, { to, body: { type: 'txt', msg: words[1] } }), `single:alice|${to}`));
      });
    await Promise.all([
      store(a!, 'a', ['quokka', 'axolotl'], aFirst, bStored),
      store(b!, 'b', ['axolotl', 'quokka'], bFirst, aStored),
    ]);
    // Inserted message by message, the two deadlocked: PostgreSQL ended one after a second, and it ran again.
    expect(attempts).toEqual({ a: 1, b: 1 });
    const found = await a!.searchMessages({
      terms: ['axolotl'],
      scopes: ['to-a', 'to-b'].map((to) => ({ key: `single:alice|${to}`, afterSeq: 0 })),
      limit: 10,
    });
    expect(found.rows.map((r) => r.message.to).sort()).toEqual(['to-a', 'to-b']);
  });
});

const state = (user: string, over: Partial<ConversationStateRecord> = {}): ConversationStateRecord => ({
  user,
  key: 'group:g1',
  id: 'group:g1',
  type: 'group',
  target: 'g1',
  readSeq: 0,
  unread: 0,
  clearedSeq: 0,
  hidden: false,
  lastServerId: null,
  updatedAt: 1,
  ...over,
});

describe("PgStorage: several members' conversation states at once", () => {
  it('puts and reads them in one statement each, the same as one by one, columns included', async () => {
    const [db] = await database();
    await db!.putConversationStates([
      state('cid', { unread: 3, updatedAt: 30 }),
      state('ann', { unread: 1, clearedSeq: 4, updatedAt: 10 }),
      state('bob', { hidden: true, unread: 9 }),
    ]);
    const read = await db!.getConversationStates(['bob', 'dan', 'ann', 'cid'], 'group:g1');
    expect(read.map((x) => x && [x.user, x.unread])).toEqual([['bob', 9], null, ['ann', 1], ['cid', 3]]);
    expect(read[2]).toEqual(await db!.getConversationState('ann', 'group:g1'));
    // The columns the list, the unread total and search scopes read are set from the records.
    expect(await db!.unreadTotal('bob')).toBe(0); // hidden
    expect(await db!.listClearedHistories('ann')).toEqual([{ key: 'group:g1', clearedSeq: 4 }]);
    // A second put replaces by (user, key).
    await db!.putConversationStates([state('ann', { unread: 2 }), state('cid', { unread: 0, updatedAt: 40 })]);
    expect(await db!.unreadTotal('ann')).toBe(2);
    expect((await db!.listConversationStates('cid'))[0]).toMatchObject({ unread: 0, updatedAt: 40 });
  });

  it('locks what it reads in a transaction: two nodes adding to the same members in opposite orders lose nothing', async () => {
    const [a, b] = await database(2);
    const members = ['m1', 'm2', 'm3', 'm4', 'm5'];
    await a!.putConversationStates(members.map((m) => state(m)));
    const addOne = (node: PgStorage, order: string[]) =>
      node.transaction(async (storage) => {
        const tx = storage as PgStorage; // PgStorage's transactions run on a PgStorage
        const states = await tx.getConversationStates(order, 'group:g1');
        await tx.putConversationStates(states.map((x) => ({ ...x!, unread: x!.unread + 1 })));
      });
    const reversed = [...members].reverse();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => [addOne(a!, members), addOne(b!, i % 2 ? reversed : members)]).flat(),
    );
    const after = await a!.getConversationStates(members, 'group:g1');
    expect(after.map((x) => x?.unread)).toEqual([20, 20, 20, 20, 20]);
  });
});
