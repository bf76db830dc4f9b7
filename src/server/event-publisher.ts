// Owns how state changes reach users: `tx` runs a storage transaction and
// delivers the durable events appended inside it only after it commits;
// `submit` queues a change to be committed together with the others queued
// in the same turn (group commit: one storage transaction for many sends,
// each answered only after that commit); `durable` appends to each user's
// event log (positions for resume); `ephemeral` reaches connected sessions
// only (onlineUserOnly signaling, rooms without history). Every event is
// serialized once per user (once for all users when it is the same) and the
// frame is built around that JSON, so a fan-out never re-serializes per
// session.
import type { ChatEvent } from '../protocol/frames';
import type { UserId } from '../protocol/message';
import { PROTOCOL_VERSION } from '../protocol/version';
import type { Clock } from './clock';
import type { SessionRegistry } from './sessions';
import type { Storage } from './storage';

interface Delivery {
  user: UserId;
  /** The serialized `evt` frame. */
  data: string;
}

/** One event for every user, or a function making each user's own (conversation ids differ per viewer). */
export type EventFor = ChatEvent | ((user: UserId) => ChatEvent | null);

/** A queued change: `check` may throw (and must not write); `write` does the change. */
interface BatchItem {
  check: () => unknown;
  write: (checked: never) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const FRAME_HEAD = `{"v":${PROTOCOL_VERSION},"t":"evt",`;

/** The `evt` frame around an event's JSON (same bytes as JSON.stringify of the frame object). */
export function eventFrame(json: string, pos?: number): string {
  return pos === undefined ? `${FRAME_HEAD}"e":${json}}` : `${FRAME_HEAD}"pos":${pos},"e":${json}}`;
}

export class EventPublisher {
  private pending: Delivery[] | null = null;
  private appended = 0;
  private batch: BatchItem[] = [];
  private scheduled = false;
  private at = 0;

  constructor(
    private readonly storage: Storage,
    private readonly sessions: SessionRegistry,
    private readonly clock: Clock,
    private readonly retention: number,
    private readonly schedule: (flush: () => void) => void = (flush) => queueMicrotask(flush),
  ) {}

  /**
   * Runs `fn` atomically; events published inside are pushed after commit, dropped on throw.
   * Changes queued with `submit` are committed first, so commits keep the order requests came in.
   */
  tx<T>(fn: () => T): T {
    if (this.pending) return this.storage.transaction(fn);
    this.flush();
    return this.run(fn);
  }

  /**
   * Queues a change for the next group commit and resolves with `write`'s result once committed.
   * `check` runs inside that transaction just before `write` and rejects this change alone when it
   * throws (it must not write); a throw from `write` rolls back and rejects the whole group.
   */
  submit<C, T>(check: () => C, write: (checked: C) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.batch.push({ check, write: write as (checked: never) => unknown, resolve: resolve as (v: unknown) => void, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      this.schedule(() => {
        this.scheduled = false;
        this.flush();
      });
    });
  }

  /** Commits every queued change now (before any other change, and before reads that must see them). */
  flush(): void {
    if (this.pending || this.batch.length === 0) return;
    const items = this.batch;
    this.batch = [];
    const outcomes: Array<{ ok: boolean; value: unknown }> = [];
    try {
      this.run(() => {
        for (const item of items) {
          let checked: unknown;
          try {
            checked = item.check();
          } catch (e) {
            outcomes.push({ ok: false, value: e });
            continue;
          }
          outcomes.push({ ok: true, value: item.write(checked as never) });
        }
      });
    } catch (e) {
      items.forEach((item, i) => item.reject(outcomes[i]?.ok === false ? outcomes[i].value : e));
      return;
    }
    items.forEach((item, i) => (outcomes[i]!.ok ? item.resolve(outcomes[i]!.value) : item.reject(outcomes[i]!.value)));
  }

  private run<T>(fn: () => T): T {
    const pending: Delivery[] = [];
    this.pending = pending;
    // One timestamp per commit for the events appended in it (read once, not per recipient).
    this.at = this.clock.now();
    let result: T;
    try {
      result = this.storage.transaction(fn);
    } finally {
      this.pending = null;
    }
    for (const d of pending) this.sessions.deliver(d.user, d.data);
    return result;
  }

  /** Appends to each user's durable log (must run inside `tx` or a submitted write). */
  durable(users: Iterable<UserId>, event: EventFor): void {
    const shared = typeof event === 'function' ? null : JSON.stringify(event);
    for (const user of new Set(users)) {
      const e = typeof event === 'function' ? event(user) : event;
      if (!e) continue;
      this.durableJson(user, e, shared ?? JSON.stringify(e));
    }
  }

  /** Appends one event already serialized as `json` (= JSON.stringify(event)) to `user`'s log. */
  durableJson(user: UserId, event: ChatEvent, json: string): void {
    const pending = this.pending;
    if (!pending) throw new Error('durable events must be published inside tx()');
    const pos = this.storage.appendEvent(user, event, this.at, json);
    if (this.sessions.isOnline(user)) pending.push({ user, data: eventFrame(json, pos) });
    this.maybePrune(user, pos);
  }

  /** Pushes to connected sessions only; no position, nothing stored. */
  ephemeral(users: Iterable<UserId>, event: EventFor): void {
    let shared: string | null = null;
    for (const user of new Set(users)) {
      if (!this.sessions.isOnline(user)) continue;
      const e = typeof event === 'function' ? event(user) : event;
      if (!e) continue;
      const json = typeof event === 'function' ? JSON.stringify(e) : (shared ??= JSON.stringify(e));
      const data = eventFrame(json);
      if (this.pending) this.pending.push({ user, data });
      else this.sessions.deliver(user, data);
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
