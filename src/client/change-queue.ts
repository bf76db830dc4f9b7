// Owns changes to existing messages made through the client (reactions,
// edits, deletes, pins, forwards): like sends in the outbox, a change made
// while offline — or lost with a dropped connection — waits and is sent when
// the connection returns, one at a time in the order they were made. Every
// such operation is idempotent on the server (a reaction is a set member, an
// edit carries its editId, a forward its localId), so a change whose answer
// was lost is sent again safely and applied once. Only a server refusal
// rejects; losing the connection never does.
import { ErrorCode, type NatterError } from '../protocol/errors';
import type { OpName, OpParams, OpResult } from '../protocol/frames';
import type { DispatchCallbacks } from './request-tracker';
import { cancel, later, type TimerHandle } from './timers';

/** Answers after which the same change may succeed later. */
const RETRYABLE = new Set<number>([ErrorCode.DISCONNECTED, ErrorCode.SHUTTING_DOWN, ErrorCode.RATE_LIMITED]);

interface Change {
  op: OpName;
  params: unknown;
  resolve(result: unknown): void;
  reject(error: NatterError): void;
}

export interface ChangeQueueDeps {
  dispatch(op: OpName, params: unknown, callbacks: DispatchCallbacks): boolean;
  isOpen(): boolean;
}

export class ChangeQueue {
  private readonly queue: Change[] = [];
  private inFlight = false;
  private retryTimer: TimerHandle | null = null;

  constructor(private readonly deps: ChangeQueueDeps) {}

  /** Queues a change; resolves with the server's answer once it is applied. */
  add<K extends OpName>(op: K, params: OpParams<K>): Promise<OpResult<K>> {
    return new Promise<OpResult<K>>((resolve, reject) => {
      this.queue.push({ op, params, resolve: resolve, reject });
      this.flush();
    });
  }

  /** Changes not yet answered. */
  get size(): number {
    return this.queue.length;
  }

  /** The connection is (again) open: send the oldest waiting change. */
  flush(): void {
    const head = this.queue[0];
    if (!head || this.inFlight || this.retryTimer || !this.deps.isOpen()) return;
    this.inFlight = true;
    const sent = this.deps.dispatch(head.op, head.params, {
      ok: (r) => this.settle(head, () => head.resolve(r)),
      err: (error) => {
        if (RETRYABLE.has(error.code)) {
          this.inFlight = false;
          this.retryTimer = later(error.retryAfter ?? 1000, () => {
            this.retryTimer = null;
            this.flush();
          });
          return;
        }
        this.settle(head, () => head.reject(error));
      },
      lost: () => {
        // Sent again on the next welcome (or now, when only the answer timed out).
        this.inFlight = false;
        if (this.deps.isOpen()) queueMicrotask(() => this.flush());
      },
    });
    if (!sent) this.inFlight = false;
  }

  /** Stops a rate-limit wait (client closed); flush() resumes when it reopens. */
  clearTimers(): void {
    cancel(this.retryTimer);
    this.retryTimer = null;
  }

  private settle(change: Change, done: () => void): void {
    this.inFlight = false;
    if (this.queue[0] === change) this.queue.shift();
    done();
    this.flush();
  }
}
