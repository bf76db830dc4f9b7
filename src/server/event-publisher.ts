// Owns how state changes reach users: `tx` runs a storage transaction and
// delivers the durable events appended inside it only after it commits;
// `durable` appends to each user's event log (positions for resume);
// `ephemeral` reaches connected sessions only (onlineUserOnly signaling,
// rooms without history).
import type { ChatEvent } from '../protocol/frames';
import type { UserId } from '../protocol/message';
import type { Clock } from './clock';
import type { SessionRegistry } from './sessions';
import type { Storage } from './storage';

interface Delivery {
  user: UserId;
  event: ChatEvent;
  pos?: number;
}

/** One event for every user, or a function making each user's own (conversation ids differ per viewer). */
export type EventFor = ChatEvent | ((user: UserId) => ChatEvent | null);

export class EventPublisher {
  private pending: Delivery[] | null = null;
  private appended = 0;

  constructor(
    private readonly storage: Storage,
    private readonly sessions: SessionRegistry,
    private readonly clock: Clock,
    private readonly retention: number,
  ) {}

  /** Runs `fn` atomically; events published inside are pushed after commit, dropped on throw. */
  tx<T>(fn: () => T): T {
    if (this.pending) return this.storage.transaction(fn);
    const pending: Delivery[] = [];
    this.pending = pending;
    let result: T;
    try {
      result = this.storage.transaction(fn);
    } finally {
      this.pending = null;
    }
    for (const d of pending) this.sessions.push(d.user, d.event, d.pos);
    return result;
  }

  /** Appends to each user's durable log (must run inside `tx`). */
  durable(users: Iterable<UserId>, event: EventFor): void {
    const pending = this.pending;
    if (!pending) throw new Error('durable events must be published inside tx()');
    const now = this.clock.now();
    for (const user of new Set(users)) {
      const e = typeof event === 'function' ? event(user) : event;
      if (!e) continue;
      const pos = this.storage.appendEvent(user, e, now);
      pending.push({ user, event: e, pos });
      this.maybePrune(user, pos);
    }
  }

  /** Pushes to connected sessions only; no position, nothing stored. */
  ephemeral(users: Iterable<UserId>, event: EventFor): void {
    for (const user of new Set(users)) {
      if (!this.sessions.isOnline(user)) continue;
      const e = typeof event === 'function' ? event(user) : event;
      if (!e) continue;
      if (this.pending) this.pending.push({ user, event: e });
      else this.sessions.push(user, e);
    }
  }

  // Pruning is amortised: every 256 appends per process, trim the user whose log just grew.
  private maybePrune(user: UserId, pos: number): void {
    this.appended++;
    if (this.appended % 256 !== 0 && pos % 1024 !== 0) return;
    const upTo = pos - this.retention;
    if (upTo > 0 && this.storage.firstEventPosition(user) <= upTo) this.storage.pruneEvents(user, upTo);
  }
}
