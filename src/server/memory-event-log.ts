// Owns the in-memory per-user event log behind MemoryStorage: positions
// from 1 that are never reused, reads after a position, pruning. Every write
// reports how to undo itself, so MemoryStorage transactions can roll back.
import type { ChatEvent } from '../protocol/frames';
import type { UserId } from '../protocol/message';
import type { EventRecord } from './storage';

interface UserLog {
  last: number;
  items: EventRecord[];
}

export class MemoryEventLog {
  private readonly logs = new Map<UserId, UserLog>();

  constructor(private readonly record: (undo: () => void) => void) {}

  private log(user: UserId): UserLog {
    let log = this.logs.get(user);
    if (!log) {
      const created: UserLog = { last: 0, items: [] };
      this.logs.set(user, created);
      this.record(() => this.logs.delete(user));
      log = created;
    }
    return log;
  }

  append(user: UserId, event: ChatEvent, at: number): number {
    const log = this.log(user);
    const pos = log.last + 1;
    log.last = pos;
    log.items.push({ pos, event, at });
    this.record(() => {
      log.items.pop();
      log.last = pos - 1;
    });
    return pos;
  }

  /** Records with pos > after (not copied: the caller copies). */
  read(user: UserId, after: number, limit: number): EventRecord[] {
    const items = this.logs.get(user)?.items ?? [];
    // Positions are contiguous within the retained window, so index directly.
    const first = items[0]?.pos ?? 1;
    const start = Math.max(0, after + 1 - first);
    return items.slice(start, start + limit);
  }

  last(user: UserId): number {
    return this.logs.get(user)?.last ?? 0;
  }

  first(user: UserId): number {
    const log = this.logs.get(user);
    if (!log) return 1;
    return log.items[0]?.pos ?? log.last + 1;
  }

  prune(user: UserId, upTo: number): void {
    const log = this.logs.get(user);
    if (!log) return;
    const before = log.items;
    log.items = before.filter((e) => e.pos > upTo);
    this.record(() => {
      log.items = before;
    });
  }

  pruneBefore(time: number): void {
    for (const log of this.logs.values()) {
      const before = log.items;
      const keep = before.findIndex((e) => e.at >= time);
      if (keep === 0) continue;
      log.items = keep < 0 ? [] : before.slice(keep);
      this.record(() => {
        log.items = before;
      });
    }
  }
}
