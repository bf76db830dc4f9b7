// Owns how state changes reach users: `tx` runs a storage transaction and
// delivers the durable events appended inside it only after it commits;
// `submit` queues a change to be committed together with the others queued
// until the transaction before it ends (group commit: one storage transaction
// for every send that arrived meanwhile, up to a cap, each answered only after
// that commit, so a slow database gets bigger commits, not a longer queue, and
// a burst's first fan-out starts before its last sends are stored); `durable`
// appends to each user's event log (positions for resume); `ephemeral` reaches
// connected sessions only (onlineUserOnly signaling, rooms without history).
// This core's transactions run one after another, in the order they were asked for.
// Durable events are collected during a transaction and appended in one
// call at its end (one round trip to a database for a whole fan-out). Every
// event is serialized once per user (once for all users when it is the
// same) and the frame is built around that JSON, so a fan-out never
// re-serializes per session. Delivery goes through a `Delivery` (local
// sessions; across nodes, a bus such as Redis pub/sub).
import type { ChatEvent } from '../protocol/frames';
import type { UserId } from '../protocol/message';
import { PROTOCOL_VERSION } from '../protocol/version';
import type { CachedStorage } from './cached-storage';
import type { Clock } from './clock';
import type { PresenceChange, PresenceShare } from './presence-share';
import { refusesOnlyItself } from './refusal';
import { inCommitOrder, type Ordered } from './commit-order';
import type { EventAppend } from './storage';

/** Where committed events go: every connected device of a user, on this node or any other. */
export interface Delivery {
  /** True when the user may have a connected device anywhere (false skips serializing for them). */
  mayBeOnline(user: UserId): boolean;
  /** Sends one serialized `evt` frame to every connected device of `user`; `pos` for durable events. */
  deliver(user: UserId, data: string, pos?: number): void;
  /** Settles once events for `user` published from now on reach this node (a cluster subscription). */
  ready?(user: UserId): Promise<unknown>;
  /**
   * Settles once what was delivered so far has reached the bus every node listens on (a cluster's;
   * absent, delivery is synchronous): a device connecting after that does not hear it.
   */
  flushed?(): Promise<unknown>;
  /** Whether the user has a connected device on any node (push decisions). Default: this node's sessions. */
  online?(user: UserId): Promise<boolean>;
  /** Presence held by several nodes (a cluster); absent, this node's sessions are everyone's. */
  presence?: PresenceShare;
  /** A cluster: sends a serialized frame to one device of `user` connected to another node. */
  toDevice?(user: UserId, device: string, data: string): void;
  /** A cluster: a note to every other node (live call membership), and where their notes go. */
  broadcast?(note: string): void;
  onBroadcast?(handler: (note: string) => void): void;
  /**
   * A cluster: where a node that went away (it stopped, or its lease expired) is handed, with the
   * users it had connected and the presence changes it recorded but did not tell (PresenceShare);
   * exactly one surviving node gets each, and keeps it until the promise the handler answers
   * settles (a node dying before that hands it to another).
   */
  onNodeGone?(handler: (node: string, users: UserId[], pending: PresenceChange[]) => Promise<unknown>): void;
}

/** One event for every user, or a function making each user's own (conversation ids differ per viewer). */
export type EventFor = ChatEvent | ((user: UserId) => ChatEvent | null);

/** A queued change: `check` may throw (and must not write); `write` does the change. */
interface BatchItem extends Ordered {
  check: (tx: CachedStorage) => unknown;
  write: (tx: CachedStorage, checked: never) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Pending {
  appends: EventAppend[];
  /** Ephemeral frames, sent after the commit along with the durable ones. */
  frames: Array<{ user: UserId; data: string }>;
}

/** Sends committed together by one group commit, at most; more open the next batch. */
const MAX_BATCH = 64;

interface OpenBatch {
  items: BatchItem[];
  /** The queued commit, once asked for. */
  job: Promise<void> | null;
  /** Closed to later submits: a transaction was asked for after it. */
  sealed: boolean;
}

const FRAME_HEAD = `{"v":${PROTOCOL_VERSION},"t":"evt",`;

/** The `evt` frame around an event's JSON (same bytes as JSON.stringify of the frame object). */
export function eventFrame(json: string, pos?: number): string {
  return pos === undefined ? `${FRAME_HEAD}"e":${json}}` : `${FRAME_HEAD}"pos":${pos},"e":${json}}`;
}

export class EventPublisher {
  private pending: Pending | null = null;
  private appended = 0;
  /**
   * The group commits not started yet, in order. The last stays open (later submits join it, up to
   * MAX_BATCH) until its transaction starts or a `tx` is asked for after it, so what arrives while
   * another commit runs goes into one transaction.
   */
  private readonly waiting: OpenBatch[] = [];
  /** Whether a scheduled group commit is due (see `commitScheduled`). */
  private scheduled = false;
  /** The end of the last transaction asked for (they run one after another). */
  private chain: Promise<unknown> = Promise.resolve();
  private at = 0;

  constructor(
    private readonly storage: CachedStorage,
    private readonly delivery: Delivery,
    private readonly clock: Clock,
    private readonly retention: number,
    private readonly schedule: (flush: () => void) => void = (flush) => queueMicrotask(flush),
  ) {}

  /**
   * Runs `fn` atomically; events published inside are pushed after commit, dropped on throw.
   * Changes queued with `submit` are committed first, so commits keep the order requests came in.
   */
  tx<T>(fn: (tx: CachedStorage) => Promise<T>): Promise<T> {
    void this.flush();
    // Changes submitted from now on were asked for after this one: they commit after it.
    this.waiting.forEach((batch) => (batch.sealed = true));
    return this.enqueue(() => this.run(fn));
  }

  /**
   * Queues a change for the next group commit and resolves with `write`'s result once committed.
   * `check` runs inside that transaction just before `write` and rejects this change alone when it
   * throws (it must not write); a throw from `write` rolls back and rejects the whole group.
   * `order`: the conversation it writes, the order a shared database's commit runs it in (commit-order.ts).
   */
  submit<C, T>(
    check: (tx: CachedStorage) => Promise<C>,
    write: (tx: CachedStorage, checked: C) => Promise<T>,
    order?: string,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const item: BatchItem = { check, write, resolve: resolve as (v: unknown) => void, reject, order };
      const last = this.waiting.at(-1);
      if (last && !last.sealed && last.items.length < MAX_BATCH) last.items.push(item);
      else this.waiting.push({ items: [item], job: null, sealed: false });
      if (this.scheduled) return;
      this.scheduled = true;
      this.schedule(() => this.commitScheduled());
    });
  }

  /**
   * A scheduled group commit queues one batch and schedules the next: when a turn brought more
   * sends than one batch holds, the first ones are answered and fanned out while the rest wait.
   */
  private commitScheduled(): void {
    this.scheduled = false;
    const next = this.waiting.find((batch) => !batch.job);
    if (!next) return;
    void this.queue(next);
    if (this.waiting.some((batch) => !batch.job)) {
      this.scheduled = true;
      this.schedule(() => this.commitScheduled());
    }
  }

  /** Whether changes are queued for a group commit that has not started (see `flush`). */
  get queued(): boolean {
    return this.waiting.length > 0;
  }

  /** Commits every queued change (before any change asked for later); settles once committed. */
  flush(): Promise<void> {
    let done: Promise<void> | null = null;
    for (const batch of this.waiting) done = this.queue(batch);
    return done ?? this.chain.then(noop, noop);
  }

  /** Queues `batch`'s commit behind the transactions asked for before (once); it closes when its turn comes. */
  private queue(batch: OpenBatch): Promise<void> {
    batch.job ??= this.enqueue(() => {
      this.waiting.splice(this.waiting.indexOf(batch), 1);
      return this.commitBatch(batch.items);
    });
    return batch.job;
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const result = this.chain.then(job, job);
    this.chain = result.then(noop, noop);
    return result;
  }

  private async commitBatch(queued: BatchItem[]): Promise<void> {
    const items = this.storage.shared ? inCommitOrder(queued) : queued;
    let outcomes: Array<{ ok: boolean; value: unknown }> = [];
    try {
      await this.run(async (tx) => {
        // A storage may run this again after losing a race (storage.ts): start from scratch.
        outcomes = [];
        for (const item of items) {
          let checked: unknown;
          try {
            checked = await item.check(tx);
          } catch (e) {
            if (!refusesOnlyItself(e, this.storage.shared)) throw e;
            outcomes.push({ ok: false, value: e });
            continue;
          }
          outcomes.push({ ok: true, value: await item.write(tx, checked as never) });
        }
      });
    } catch (e) {
      items.forEach((item, i) => item.reject(outcomes[i]?.ok === false ? outcomes[i].value : e));
      return;
    }
    items.forEach((item, i) => (outcomes[i]!.ok ? item.resolve(outcomes[i]!.value) : item.reject(outcomes[i]!.value)));
  }

  private async run<T>(fn: (tx: CachedStorage) => Promise<T>): Promise<T> {
    let pending: Pending = { appends: [], frames: [] };
    let positions: number[] = [];
    let result: T;
    try {
      result = await this.storage.transaction(async (tx) => {
        pending = { appends: [], frames: [] };
        this.pending = pending;
        // One timestamp per commit for the events appended in it (read once, not per recipient).
        this.at = this.clock.now();
        const r = await fn(tx);
        this.pending = null;
        positions = pending.appends.length ? await tx.appendEvents(pending.appends, this.at) : [];
        await this.maybePrune(tx, pending.appends, positions);
        return r;
      });
    } finally {
      this.pending = null;
    }
    const { appends, frames } = pending;
    for (let i = 0; i < appends.length; i++) {
      const a = appends[i]!;
      if (!this.delivery.mayBeOnline(a.user)) continue;
      const pos = positions[i]!;
      this.delivery.deliver(a.user, eventFrame(a.json!, pos), pos);
    }
    for (const f of frames) this.delivery.deliver(f.user, f.data);
    // Live-only frames reach the devices connected when they were sent (onlineUserOnly): the answer
    // waits until the bus has them, so a device that connects once the caller is answered (on
    // another node) does not hear them. Durable events need no wait: a later device reads the log.
    if (frames.length > 0) await this.delivery.flushed?.();
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
    pending.appends.push({ user, event, json });
  }

  /** Pushes to connected sessions only; no position, nothing stored. */
  ephemeral(users: Iterable<UserId>, event: EventFor): void {
    let shared: string | null = null;
    for (const user of new Set(users)) {
      if (!this.delivery.mayBeOnline(user)) continue;
      const e = typeof event === 'function' ? event(user) : event;
      if (!e) continue;
      const json = typeof event === 'function' ? JSON.stringify(e) : (shared ??= JSON.stringify(e));
      const data = eventFrame(json);
      if (this.pending) this.pending.frames.push({ user, data });
      else this.delivery.deliver(user, data);
    }
  }

  // Pruning is amortised: every PRUNE_EVERY appends per process, trim the user whose log just grew
  // (and each log when its position passes a multiple of 1024).
  private async maybePrune(tx: CachedStorage, appends: EventAppend[], positions: number[]): Promise<void> {
    for (let i = 0; i < appends.length; i++) {
      this.appended++;
      const pos = positions[i]!;
      if (this.appended % PRUNE_EVERY !== 0 && pos % 1024 !== 0) continue;
      const user = appends[i]!.user;
      const upTo = pos - this.retention;
      if (upTo > 0 && (await tx.firstEventPosition(user)) <= upTo) await tx.pruneEvents(user, upTo);
    }
  }
}

/**
 * A prime: a message appends one event per member, in the same member order each time, and an
 * even period (256 was) landed every trim of a one-way single chat on the same member's log.
 */
const PRUNE_EVERY = 257;

function noop(): void {}
