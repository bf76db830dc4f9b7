// The core's cache of conversation states in front of a real MemoryStorage:
// bounded (the conversation used longest ago goes as a whole), states put
// in a transaction are written once at its end (the latest of each), stay
// readable while pending, and a rolled-back transaction leaves nothing behind.
import { describe, expect, it } from 'vitest';
import { CachedStorage } from '../../src/server/cached-storage';
import { MemoryStorage } from '../../src/server/memory-storage';
import { asyncStorage } from '../../src/server/sync-storage-adapter';
import type { ConversationStateRecord, Storage } from '../../src/server/storage';

const state = (user: string, key: string, unread: number): ConversationStateRecord => ({
  user,
  key,
  id: `group:${key}`,
  type: 'group',
  target: key,
  readSeq: 0,
  unread,
  clearedSeq: 0,
  hidden: false,
  lastServerId: null,
  updatedAt: unread,
});

/** Counts the inner storage's state writes and reads. */
function counted(): { inner: MemoryStorage; puts: ConversationStateRecord[]; gets: number } {
  const inner = new MemoryStorage();
  const log = { inner, puts: [] as ConversationStateRecord[], gets: 0 };
  const put = inner.putConversationState.bind(inner);
  const get = inner.getConversationState.bind(inner);
  inner.putConversationState = (s) => {
    log.puts.push({ ...s });
    put(s);
  };
  inner.getConversationState = (u, k) => {
    log.gets++;
    return get(u, k);
  };
  return log;
}

/**
 * A storage shared with other writers (as PostgreSQL is) that also reads and puts several states in
 * one call, logging which users each call and each one-by-one read or put was for.
 */
function sharedWithBatches(): { storage: Storage; log: string[] } {
  const inner = new MemoryStorage();
  const base = asyncStorage(inner);
  const log: string[] = [];
  const storage: Storage = {
    ...base,
    shared: true,
    transaction: (fn) => base.transaction(() => fn(storage)),
    getConversationState: async (user, key) => {
      log.push(`get ${user}`);
      return inner.getConversationState(user, key);
    },
    putConversationState: async (s) => {
      log.push(`put ${s.user}`);
      inner.putConversationState(s);
    },
    getConversationStates: async (users, key) => {
      log.push(`get ${users.join(',')}`);
      return users.map((user) => inner.getConversationState(user, key));
    },
    putConversationStates: async (states) => {
      log.push(`put ${states.map((s) => s.user).join(',')}`);
      for (const s of states) inner.putConversationState(s);
    },
  };
  return { storage, log };
}

describe('CachedStorage conversation states', () => {
  it('writes each state once per transaction, the latest, and serves reads from memory', async () => {
    const log = counted();
    const s = new CachedStorage(asyncStorage(log.inner));
    await s.transaction(async (tx) => {
      for (let i = 1; i <= 3; i++) for (const u of ['ann', 'bob']) await tx.putConversationState(state(u, 'g', i));
      expect((await tx.getConversationState('bob', 'g'))?.unread).toBe(3);
      expect(log.puts).toEqual([]);
    });
    expect(log.puts.map((p) => [p.user, p.unread])).toEqual([
      ['ann', 3],
      ['bob', 3],
    ]);
    expect((await s.getConversationState('ann', 'g'))?.unread).toBe(3);
    expect(log.gets).toBe(0);
  });

  it('keeps at most its bound, dropping the conversation cached longest ago, and pending writes survive eviction', async () => {
    const log = counted();
    const s = new CachedStorage(asyncStorage(log.inner), 3);
    await s.transaction(async (tx) => {
      await tx.putConversationState(state('ann', 'old', 1));
      await tx.putConversationState(state('bob', 'old', 1));
      await tx.putConversationState(state('ann', 'new', 2));
      await tx.putConversationState(state('bob', 'new', 2)); // 4 > 3: 'old' goes from the cache
      expect((await tx.getConversationState('ann', 'old'))?.unread).toBe(1); // still pending, still readable
    });
    expect(log.puts).toHaveLength(4);
    log.gets = 0;
    expect((await s.getConversationState('bob', 'new'))?.unread).toBe(2);
    expect(log.gets).toBe(0);
    expect((await s.getConversationState('bob', 'old'))?.unread).toBe(1); // from the inner storage
    expect(log.gets).toBe(1);
  });

  it('keeps a conversation read lately and drops the one used longest ago', async () => {
    const log = counted();
    const s = new CachedStorage(asyncStorage(log.inner), 2);
    await s.putConversationState(state('ann', 'first', 1));
    await s.putConversationState(state('ann', 'second', 2));
    expect((await s.getConversationState('ann', 'first'))?.unread).toBe(1); // used now: 'second' is the oldest
    await s.putConversationState(state('ann', 'third', 3)); // 3 > 2: 'second' goes
    log.gets = 0;
    expect((await s.getConversationState('ann', 'first'))?.unread).toBe(1);
    expect((await s.getConversationState('ann', 'third'))?.unread).toBe(3);
    expect(log.gets).toBe(0);
    expect((await s.getConversationState('ann', 'second'))?.unread).toBe(2); // from the inner storage
    expect(log.gets).toBe(1);
  });

  it('forgets states put in a transaction that rolled back', async () => {
    const log = counted();
    const s = new CachedStorage(asyncStorage(log.inner));
    await s.putConversationState(state('ann', 'g', 1));
    await expect(
      s.transaction(async (tx) => {
        await tx.putConversationState(state('ann', 'g', 9));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect((await s.getConversationState('ann', 'g'))?.unread).toBe(1);
    expect(log.puts.map((p) => p.unread)).toEqual([1]);
  });

  it("reads and puts several members' states at once, the same as one by one", async () => {
    const log = counted();
    const s = new CachedStorage(asyncStorage(log.inner));
    await s.putConversationState(state('ann', 'g', 1));
    await s.transaction(async (tx) => {
      const [ann, bob] = await tx.getConversationStates(['ann', 'bob'], 'g');
      expect(ann?.unread).toBe(1);
      expect(bob).toBeNull();
      // Copies: changing one leaves the cache alone until it is put.
      ann!.unread = 7;
      expect((await tx.getConversationState('ann', 'g'))?.unread).toBe(1);
      await tx.putConversationStates([ann!, state('bob', 'g', 2)]);
      expect((await tx.getConversationStates(['bob', 'ann'], 'g')).map((x) => x?.unread)).toEqual([2, 7]);
      expect(log.puts).toHaveLength(1); // written once the transaction ends
    });
    expect(log.puts.slice(1).map((p) => [p.user, p.unread])).toEqual([
      ['ann', 7],
      ['bob', 2],
    ]);
    await s.putConversationStates([state('cid', 'g', 3)]); // outside a transaction: at once
    expect(log.puts.at(-1)).toMatchObject({ user: 'cid', unread: 3 });
  });

  it('asks a storage that offers it for the missing members in one read, and writes the changed ones in one put at commit', async () => {
    const { storage, log } = sharedWithBatches();
    const s = new CachedStorage(storage);
    await s.putConversationStates([state('ann', 'g', 1), state('bob', 'h', 1)]);
    expect(log).toEqual(['put ann,bob']);
    log.length = 0;
    await s.transaction(async (tx) => {
      const read = await tx.getConversationStates(['cid', 'ann', 'bob'], 'g');
      expect(read.map((x) => x?.unread ?? null)).toEqual([null, 1, null]);
      // Read again in the same transaction: from its cache, not the database.
      await tx.getConversationStates(['ann', 'bob', 'cid'], 'g');
      await tx.putConversationStates(
        read.map((x, i) => x ?? state(['cid', 'ann', 'bob'][i]!, 'g', 0)).map((x) => ({ ...x, unread: x.unread + 1 })),
      );
      await tx.putConversationStates([state('dan', 'g', 5)]);
      // One member missing: read on its own.
      expect((await tx.getConversationStates(['ann', 'eve'], 'g'))[1]).toBeNull();
    });
    expect(log).toEqual(['get cid,ann,bob', 'get eve', 'put cid,ann,bob,dan']);
    const after = await s.transaction((tx) => tx.getConversationStates(['ann', 'bob', 'cid', 'dan'], 'g'));
    expect(after.map((x) => x?.unread)).toEqual([2, 1, 1, 5]);
  });
});
