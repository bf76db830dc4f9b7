// Owns MemoryStorage's thread read positions (thread-read-storage.ts): per
// root, each follower's position. Every write records how to undo itself
// through the storage's undo log, so a rolled-back transaction leaves no
// position behind.
import type { UserId } from '../protocol/message';
import type { ThreadReadRecord, ThreadReadStorage } from './thread-read-storage';

export class MemoryThreadReads implements ThreadReadStorage {
  private readonly byRoot = new Map<string, Map<UserId, number>>();

  constructor(private readonly record: (undo: () => void) => void) {}

  getThreadRead(user: UserId, root: string): number | null {
    return this.byRoot.get(root)?.get(user) ?? null;
  }

  raiseThreadRead(user: UserId, root: string, readSeq: number): void {
    let perRoot = this.byRoot.get(root);
    if (!perRoot) {
      const created = new Map<UserId, number>();
      this.byRoot.set(root, created);
      this.record(() => {
        if (created.size === 0) this.byRoot.delete(root);
      });
      perRoot = created;
    }
    const prev = perRoot.get(user);
    if (prev !== undefined && prev >= readSeq) return;
    const map = perRoot;
    map.set(user, readSeq);
    this.record(() => {
      if (prev === undefined) map.delete(user);
      else map.set(user, prev);
    });
  }

  listThreadReads(root: string): ThreadReadRecord[] {
    const perRoot = this.byRoot.get(root);
    if (!perRoot) return [];
    return [...perRoot]
      .map(([user, readSeq]) => ({ user, root, readSeq }))
      .sort((a, b) => (a.user < b.user ? -1 : a.user > b.user ? 1 : 0));
  }
}
