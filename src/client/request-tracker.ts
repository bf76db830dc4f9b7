// Owns request/answer matching: every `req` gets an id, and the `ok`/`err`
// frame with that id settles it. Requests made while the connection is not
// open wait for it (bounded by the request timeout); requests in flight when
// the connection drops are "lost": their callers decide (plain requests
// reject with 4999, the outbox resends with the same localId).
import { ErrorCode, NatterError } from '../protocol/errors';
import type { OpName, OpParams, OpResult, RequestFrame } from '../protocol/frames';
import { PROTOCOL_VERSION } from '../protocol/version';
import { cancel, later, type TimerHandle } from './timers';

export interface DispatchCallbacks {
  ok(result: unknown): void;
  err(error: NatterError): void;
  /** The connection dropped (or the request timed out) before an answer. */
  lost(): void;
}

interface InFlight extends DispatchCallbacks {
  timer: TimerHandle | null;
}

interface Waiting {
  op: OpName;
  params: unknown;
  callbacks: DispatchCallbacks;
  timer: TimerHandle | null;
}

export interface RequestTrackerOptions {
  /** Writes a frame on the open connection; false when there is none. */
  write(frame: RequestFrame): boolean;
  timeoutMs: number;
}

export class RequestTracker {
  #nextId = 1;
  readonly #inFlight = new Map<string, InFlight>();
  #waiting: Waiting[] = [];

  readonly #options: RequestTrackerOptions;

  constructor(options: RequestTrackerOptions) {
    this.#options = options;
  }

  /** Send now on an open connection; returns false (and calls nothing) when not open. */
  dispatch(op: OpName, params: unknown, callbacks: DispatchCallbacks): boolean {
    const id = String(this.#nextId++);
    const frame = { v: PROTOCOL_VERSION, t: 'req', id, op, p: params } as RequestFrame;
    const entry: InFlight = { ...callbacks, timer: null };
    this.#inFlight.set(id, entry);
    if (!this.#options.write(frame)) {
      this.#inFlight.delete(id);
      return false;
    }
    if (this.#options.timeoutMs > 0 && Number.isFinite(this.#options.timeoutMs)) {
      entry.timer = later(this.#options.timeoutMs, () => {
        if (this.#inFlight.get(id) !== entry) return;
        this.#inFlight.delete(id);
        entry.lost();
      });
    }
    return true;
  }

  /** A Promise request: sent now if open, else queued until the connection opens (or the timeout passes). */
  request<K extends OpName>(op: K, params: OpParams<K>): Promise<OpResult<K>> {
    return new Promise<OpResult<K>>((resolve, reject) => {
      const callbacks: DispatchCallbacks = {
        ok: (r) => resolve(r as OpResult<K>),
        err: reject,
        lost: () => reject(new NatterError(ErrorCode.DISCONNECTED, `connection lost before the answer to ${op}`)),
      };
      if (this.dispatch(op, params, callbacks)) return;
      const w: Waiting = { op, params, callbacks, timer: null };
      if (this.#options.timeoutMs > 0 && Number.isFinite(this.#options.timeoutMs)) {
        w.timer = later(this.#options.timeoutMs, () => {
          this.#waiting = this.#waiting.filter((x) => x !== w);
          reject(new NatterError(ErrorCode.DISCONNECTED, `not connected: ${op} timed out`));
        });
      }
      this.#waiting.push(w);
    });
  }

  /** An `ok` or `err` frame arrived. Unknown ids (answers to lost requests) are ignored. */
  settle(id: string, outcome: { ok: true; result: unknown } | { ok: false; error: NatterError }): boolean {
    const entry = this.#inFlight.get(id);
    if (!entry) return false;
    this.#inFlight.delete(id);
    cancel(entry.timer);
    if (outcome.ok) entry.ok(outcome.result);
    else entry.err(outcome.error);
    return true;
  }

  /** The connection opened: send what waited. */
  flushWaiting(): void {
    const queued = this.#waiting;
    this.#waiting = [];
    for (const w of queued) {
      cancel(w.timer);
      if (!this.dispatch(w.op, w.params, w.callbacks)) {
        // Lost again already; keep waiting without a fresh timer for simplicity of ordering.
        this.#waiting.push(w);
      }
    }
  }

  /** The connection dropped: every request in flight is lost. */
  connectionLost(): void {
    const entries = [...this.#inFlight.values()];
    this.#inFlight.clear();
    for (const e of entries) {
      cancel(e.timer);
      e.lost();
    }
  }

  /** The client closed for good: waiting requests fail too. */
  rejectWaiting(error: NatterError): void {
    const queued = this.#waiting;
    this.#waiting = [];
    for (const w of queued) {
      cancel(w.timer);
      w.callbacks.err(error);
    }
  }
}
