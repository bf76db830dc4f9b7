// The core's cache of stored messages in front of a real MemoryStorage: a
// message stored or read is then read from memory, as a fresh copy each time;
// a recall (updateMessage) changes what is read; a page's several last
// messages are read in the order asked, the ones not cached in one call to
// the storage; a message stored in a transaction that rolled back is not
// read; the cache keeps at most its bound; a shared storage's is not kept.
import { describe, expect, it } from 'vitest';
import { CachedStorage } from '../../src/server/cached-storage';
import { MemoryStorage } from '../../src/server/memory-storage';
import { MessageCache } from '../../src/server/message-cache';
import { asyncStorage } from '../../src/server/sync-storage-adapter';
import type { Storage } from '../../src/server/storage';
import { KEY, message, rec } from '../node/storage-contract';

/** Counts the inner storage's message reads (one call of getMessages counts once, whatever it calls). */
function counted(): { inner: MemoryStorage; reads: string[][] } {
  const inner = new MemoryStorage();
  const log = { inner, reads: [] as string[][] };
  const getOne = inner.getMessage.bind(inner);
  const getMany = inner.getMessages.bind(inner);
  let within = false;
  inner.getMessage = (id) => {
    if (!within) log.reads.push([id]);
    return getOne(id);
  };
  inner.getMessages = (ids) => {
    log.reads.push([...ids]);
    within = true;
    try {
      return getMany(ids);
    } finally {
      within = false;
    }
  };
  return log;
}

describe('CachedStorage messages', () => {
  it('reads a stored message from memory, a fresh copy each time', async () => {
    const log = counted();
    const s = new CachedStorage(asyncStorage(log.inner));
    await s.transaction((tx) => tx.insertMessage(rec(message(1))));
    const first = await s.getMessage(message(1).serverId);
    expect(first).toEqual(rec(message(1)));
    first!.message.from = 'mallory';
    expect((await s.getMessage(message(1).serverId))?.message.from).toBe(message(1).from);
    expect(log.reads).toEqual([]);
  });

  it('reads what a recall wrote', async () => {
    const log = counted();
    const s = new CachedStorage(asyncStorage(log.inner));
    await s.insertMessage(rec(message(1)));
    const recalled = message(1, { body: { type: 'recalled', recalledAt: 2000, by: 'alice' } });
    await s.transaction((tx) => tx.updateMessage(recalled));
    expect(await s.getMessage(recalled.serverId)).toEqual(rec(recalled));
    expect(await s.getMessages([recalled.serverId])).toEqual([rec(recalled)]);
    expect(log.reads).toEqual([]);
  });

  it('reads several in the order asked, the ones not cached in one call, and keeps those', async () => {
    const log = counted();
    log.inner.insertMessage(rec(message(1)));
    log.inner.insertMessage(rec(message(2)));
    const s = new CachedStorage(asyncStorage(log.inner));
    await s.insertMessage(rec(message(3)));
    const ids = [message(2).serverId, 'unknown', message(3).serverId, message(1).serverId];
    expect(await s.getMessages(ids)).toEqual([rec(message(2)), null, rec(message(3)), rec(message(1))]);
    expect(log.reads).toEqual([[message(2).serverId, 'unknown', message(1).serverId]]);
    expect(await s.getMessages([message(1).serverId, message(2).serverId])).toEqual([rec(message(1)), rec(message(2))]);
    expect(log.reads).toHaveLength(1);
  });

  it('does not read a message stored in a transaction that rolled back', async () => {
    const log = counted();
    const s = new CachedStorage(asyncStorage(log.inner));
    await expect(
      s.transaction(async (tx) => {
        await tx.insertMessage(rec(message(1)));
        expect((await tx.getMessage(message(1).serverId))?.key).toBe(KEY);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await s.getMessage(message(1).serverId)).toBeNull();
    expect(await s.getMessages([message(1).serverId])).toEqual([null]);
  });

  it('keeps no message of a shared storage', async () => {
    const log = counted();
    const shared: Storage = Object.assign(asyncStorage(log.inner), { shared: true });
    const s = new CachedStorage(shared);
    await s.transaction((tx) => tx.insertMessage(rec(message(1))));
    await s.getMessage(message(1).serverId);
    await s.getMessages([message(1).serverId]);
    expect(log.reads).toEqual([[message(1).serverId], [message(1).serverId]]);
  });
});

describe('MessageCache', () => {
  it('keeps at most its bound, dropping the message used longest ago', () => {
    const cache = new MessageCache(2);
    cache.set(rec(message(1)));
    cache.set(rec(message(2)));
    expect(cache.get(message(1).serverId)).toEqual(rec(message(1))); // used now: message 2 is the oldest
    cache.set(rec(message(3)));
    expect(cache.get(message(2).serverId)).toBeUndefined();
    expect(cache.get(message(1).serverId)).toEqual(rec(message(1)));
    expect(cache.get(message(3).serverId)).toEqual(rec(message(3)));
    // An update of a message not cached adds nothing.
    cache.update(message(4));
    expect(cache.get(message(4).serverId)).toBeUndefined();
  });

  it('keeps the messages used most lately through many evictions, a set of a cached one counting as a use', () => {
    const cache = new MessageCache(5);
    // The order of use, oldest first, as the cache should see it.
    let used: number[] = [];
    const gone: number[] = [];
    const use = (n: number) => {
      used = [...used.filter((x) => x !== n), n];
      if (used.length > 5) gone.push(used.shift()!);
    };
    for (let n = 1; n <= 200; n++) {
      cache.set(rec(message(n)));
      use(n);
      // Every third message the oldest kept one is read again, every seventh the next oldest stored again.
      if (n % 3 === 0 && cache.get(message(used[0]!).serverId)) use(used[0]!);
      if (n % 7 === 0) {
        const again = used[1]!;
        cache.set(rec(message(again)));
        use(again);
      }
      // The one the cache should have dropped is gone at once (reading a message not cached changes nothing).
      if (gone.length > 0) expect(cache.get(message(gone.at(-1)!).serverId)).toBeUndefined();
    }
    expect(gone.length).toBe(195);
    const kept = Array.from({ length: 200 }, (_, i) => i + 1).filter((n) => {
      const hit = cache.get(message(n).serverId);
      if (hit) expect(hit).toEqual(rec(message(n)));
      return hit !== undefined;
    });
    expect(kept).toEqual([...used].sort((a, b) => a - b));
  });

  it('keeps nothing with a bound of 0', () => {
    const cache = new MessageCache(0);
    cache.set(rec(message(1)));
    expect(cache.get(message(1).serverId)).toBeUndefined();
  });
});
