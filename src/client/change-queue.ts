// Owns changes to existing messages made through the client (reactions,
// edits, deletes, pins, forwards): like sends in the outbox, a change made
// while offline — or lost with a dropped connection — waits and is sent when
// the connection returns, one at a time in the order they were made. Every
// such operation is idempotent on the server (a reaction is a set member, an
// edit carries its editId, a forward its localId), so a change whose answer
// was lost is sent again safely and applied once. Only a server refusal
// rejects; losing the connection never does. With a persistence (the
// browser's offline cache) the waiting changes survive a reload: the ones
// saved last time go first, before any made since. An observer hears of each
// change as it is queued (or restored) and once it is settled, so that what
// it will do can be shown before the server applies it.
import { ErrorCode, type NatterError } from '../protocol/errors';
import type { OpParams, OpResult } from '../protocol/frames';
import type { ChangePersistence, QueuedOp, SavedChange } from './change-persistence';
import type { DispatchCallbacks } from './request-tracker';
import { cancel, later, type TimerHandle } from './timers';

/** Answers after which the same change may succeed later. */
const RETRYABLE = new Set<number>([ErrorCode.DISCONNECTED, ErrorCode.SHUTTING_DOWN, ErrorCode.RATE_LIMITED]);

interface Change {
  saved: SavedChange;
  resolve(result: unknown): void;
  reject(error: NatterError): void;
}

export interface ChangeQueueDeps {
  dispatch(op: QueuedOp, params: unknown, callbacks: DispatchCallbacks): boolean;
  isOpen(): boolean;
  newId(): string;
  /** Local time, for the order changes were made in. */
  now(): number;
  persistence?: ChangePersistence;
  /** The server refused a change restored from an earlier session (no caller is waiting for it). */
  restoredRejected?(op: QueuedOp, error: NatterError): void;
  observer?: ChangeObserver;
}

export interface ChangeObserver {
  /** A change waits: made now, or restored from the last session. */
  queued(change: SavedChange): void;
  /** The server answered it: `result` when it applied it; null and `error` when it refused it. */
  settled(change: SavedChange, result: unknown, error?: { code: number; message: string }): void;
}

export class ChangeQueue {
  readonly #queue: Change[] = [];
  #inFlight = false;
  #retryTimer: TimerHandle | null = null;
  #lastOrder = 0;
  /** Until the saved changes are read, nothing is sent: they were made before any change queued now. */
  #restoring: boolean;
  /** Resolves once the changes saved last time are queued (at once without a persistence). */
  readonly restored: Promise<void>;

  readonly #deps: ChangeQueueDeps;

  constructor(deps: ChangeQueueDeps) {
    this.#deps = deps;
    const persistence = deps.persistence;
    this.#restoring = persistence !== undefined;
    this.restored = persistence
      ? persistence.load().then(
          (list) => this.#restore(list),
          () => this.#restore([]),
        )
      : Promise.resolve();
  }

  /** Queues a change; resolves with the server's answer once it is applied. `shown`: see SavedChange. */
  add<K extends QueuedOp>(op: K, params: OpParams<K>, shown?: SavedChange['shown']): Promise<OpResult<K>> {
    return new Promise<OpResult<K>>((resolve, reject) => {
      this.#lastOrder = Math.max(this.#lastOrder + 1, this.#deps.now());
      const saved: SavedChange = {
        id: this.#deps.newId(),
        order: this.#lastOrder,
        op,
        params,
        ...(shown ? { shown } : {}),
      };
      this.#deps.persistence?.put(saved);
      this.#queue.push({ saved, resolve, reject });
      this.#deps.observer?.queued(saved);
      this.flush();
    });
  }

  /** Changes not yet answered. */
  get size(): number {
    return this.#queue.length;
  }

  /** The changes not yet answered, oldest first. */
  waiting(): SavedChange[] {
    return this.#queue.map((c) => c.saved);
  }

  /** The connection is (again) open: send the oldest waiting change. */
  flush(): void {
    const head = this.#queue[0];
    if (!head || this.#restoring || this.#inFlight || this.#retryTimer || !this.#deps.isOpen()) return;
    this.#inFlight = true;
    const sent = this.#deps.dispatch(head.saved.op, head.saved.params, {
      ok: (r) => this.#settle(head, r, () => head.resolve(r)),
      err: (error) => {
        if (RETRYABLE.has(error.code)) {
          this.#inFlight = false;
          this.#retryTimer = later(error.retryAfter ?? 1000, () => {
            this.#retryTimer = null;
            this.flush();
          });
          return;
        }
        this.#settle(head, null, () => head.reject(error), error);
      },
      lost: () => {
        // Sent again on the next welcome (or now, when only the answer timed out).
        this.#inFlight = false;
        if (this.#deps.isOpen()) queueMicrotask(() => this.flush());
      },
    });
    if (!sent) this.#inFlight = false;
  }

  /** Stops a rate-limit wait (client closed); flush() resumes when it reopens. */
  clearTimers(): void {
    cancel(this.#retryTimer);
    this.#retryTimer = null;
  }

  /** `list` is checked already: the persistence reads back only changes restoreChange accepts. */
  #restore(list: readonly SavedChange[]): void {
    this.#restoring = false;
    const mine = new Set(this.#queue.map((c) => c.saved.id));
    const saved = list
      .filter((c) => !mine.has(c.id))
      .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const restored = saved.map((c) => this.#unowned(c));
    for (const c of saved) this.#lastOrder = Math.max(this.#lastOrder, c.order);
    this.#queue.unshift(...restored);
    for (const c of saved) this.#deps.observer?.queued(c);
    this.flush();
  }

  /**
   * Takes over a change another tab of this user queued and left when it closed (the persistence
   * says which): sent from here, after the ones waiting already.
   */
  adopt(saved: SavedChange): void {
    if (this.#queue.some((c) => c.saved.id === saved.id)) return;
    this.#lastOrder = Math.max(this.#lastOrder, saved.order);
    this.#queue.push(this.#unowned(saved));
    this.#deps.observer?.queued(saved);
    this.flush();
  }

  /** A change no caller of this session waits for (restored or adopted). */
  #unowned(c: SavedChange): Change {
    return { saved: c, resolve: () => undefined, reject: (error) => this.#deps.restoredRejected?.(c.op, error) };
  }

  #settle(change: Change, result: unknown, done: () => void, error?: NatterError): void {
    this.#inFlight = false;
    if (this.#queue[0] === change) this.#queue.shift();
    this.#deps.persistence?.delete(change.saved.id);
    this.#deps.observer?.settled(change.saved, result, error);
    done();
    this.flush();
  }
}
