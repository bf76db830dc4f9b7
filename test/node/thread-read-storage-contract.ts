// The thread-read part of the Storage contract (src/server/thread-read-storage.ts)
// as executable expectations; describeStorageContract runs it against every
// implementation (memory, SQLite, PostgreSQL).
import { describe, expect, it } from 'vitest';
import type { Storage } from '../../src/server/storage';
import { message, rec } from './storage-contract';

export function describeThreadReadStorageContract(name: string, make: () => Storage | Promise<Storage>): void {
  describe(`thread read positions: ${name}`, () => {
    it('follows a thread at a position, raises it and never lowers it', async () => {
      const s = await make();
      expect(await s.getThreadRead('bob', 'root1')).toBeNull();
      await s.raiseThreadRead('bob', 'root1', 0);
      expect(await s.getThreadRead('bob', 'root1')).toBe(0);
      await s.raiseThreadRead('bob', 'root1', 3);
      await s.raiseThreadRead('bob', 'root1', 2);
      expect(await s.getThreadRead('bob', 'root1')).toBe(3);
      expect(await s.getThreadRead('bob', 'root2')).toBeNull();
      expect(await s.getThreadRead('carol', 'root1')).toBeNull();
    });

    it('lists a thread’s followers by user id, apart from other threads', async () => {
      const s = await make();
      await s.raiseThreadRead('carol', 'root1', 1);
      await s.raiseThreadRead('alice', 'root1', 4);
      await s.raiseThreadRead('bob', 'root2', 2);
      expect(await s.listThreadReads('root1')).toEqual([
        { user: 'alice', root: 'root1', readSeq: 4 },
        { user: 'carol', root: 'root1', readSeq: 1 },
      ]);
      expect(await s.listThreadReads('root3')).toEqual([]);
    });

    it('a position raised in a transaction that fails is not kept', async () => {
      const s = await make();
      await s.raiseThreadRead('bob', 'root1', 1);
      await expect(
        s.transaction(async (tx) => {
          await tx.raiseThreadRead('bob', 'root1', 5);
          await tx.raiseThreadRead('dave', 'root1', 5);
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await s.listThreadReads('root1')).toEqual([{ user: 'bob', root: 'root1', readSeq: 1 }]);
    });

    it('counts a thread’s unread replies from its messages after the position', async () => {
      const s = await make();
      const key = 'thread:root1';
      await s.insertMessage(rec(message(1, { threadOf: 'root1', localId: 't1' }), key));
      await s.insertMessage(rec(message(2, { threadOf: 'root1', localId: 't2', from: 'bob', to: 'alice' }), key));
      await s.insertMessage(rec(message(3, { threadOf: 'root1', localId: 't3' }), key));
      await s.raiseThreadRead('bob', 'root1', 1);
      const readSeq = (await s.getThreadRead('bob', 'root1')) ?? 0;
      expect(await s.countUnread(key, { afterSeq: readSeq, notFrom: 'bob' })).toBe(1);
    });
  });
}
