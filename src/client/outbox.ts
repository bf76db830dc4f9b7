// Owns messages this client is sending until the server has stored them.
// A send made while offline, or lost with a dropped connection, stays pending
// and is sent again with the same localId when the connection returns; the
// server's idempotency turns any duplicate into the original answer. Only a
// server refusal (e.g. 602, 603, 501) fails a message; losing the connection
// never does. Every status change is reported through `emit`, and written to
// `persistence` when given, so unsent messages survive a reload. Writes are
// coalesced: the whole outbox is written once at the end of the task that
// changed it (a page cannot unload before that), and a message leaving it once
// sent is written up to SENT_SAVE_MS later, or at once when the page is hidden
// or unloads (a reload that still came first only sends it again, and the
// server answers with the stored copy). Saving on every change
// wrote the outbox once per message: 500 queued sends wrote 24 MB of JSON,
// and as much again while they drained.
import { ErrorCode, NatterError } from '../protocol/errors';
import type { Message, OutgoingBody, OutgoingMessage } from '../protocol/message';
import type { PendingMessage } from './pending-message';
import type { OutboxPersistence } from './client-options';
import type { DispatchCallbacks } from './request-tracker';
import { cancel, later, laterOrOnLeave, type TimerHandle } from './timers';

/** How long the outbox may stay written with messages the server has stored since (see the header). */
const SENT_SAVE_MS = 250;

/** Server answers after which the same send may succeed later. */
const RETRYABLE = new Set<number>([
  ErrorCode.DISCONNECTED,
  ErrorCode.SHUTTING_DOWN,
  ErrorCode.RATE_LIMITED,
  ErrorCode.STORAGE_UNAVAILABLE,
]);

interface Waiter {
  resolve(m: Message): void;
  reject(e: NatterError): void;
}

interface Entry {
  pending: PendingMessage;
  waiters: Waiter[];
  inFlight: boolean;
  /** Still uploading its attachment: not sendable yet. */
  preparing: boolean;
  retryTimer: TimerHandle | null;
}

export interface OutboxDeps {
  dispatch(op: 'send', params: OutgoingMessage, callbacks: DispatchCallbacks): boolean;
  emit(p: PendingMessage): void;
  isOpen(): boolean;
  /** Where unsent messages are kept between sessions; restored on construction. */
  persistence?: OutboxPersistence;
}

export class Outbox {
  readonly #entries = new Map<string, Entry>();
  /** Resolves once saved sends are restored (at once for synchronous storage). */
  readonly restored: Promise<void>;
  /** Until then nothing is written: a save would replace the entries still being read. */
  #restoring = false;
  /** A write of the outbox is due: at the end of this task, or (for sent messages only) on `#saveTimer`. */
  #saveDue = false;
  /** Cancels the pending write of sent messages' leaving (see `#persistLater`). */
  #saveTimer: (() => void) | null = null;

  readonly #deps: OutboxDeps;

  constructor(deps: OutboxDeps) {
    this.#deps = deps;
    const saved = deps.persistence?.load() ?? [];
    if (Array.isArray(saved)) {
      this.#restore(saved, false);
      this.restored = Promise.resolve();
      return;
    }
    this.#restoring = true;
    this.restored = saved.then(
      (list) => this.#restore(list, true),
      () => this.#restore([], true),
    );
  }

  /** Restored sends wait for the connection like any other (flush on welcome), with no caller waiting. */
  #restore(list: readonly PendingMessage[], late: boolean): void {
    this.#restoring = false;
    const added: Entry[] = [];
    for (const p of list) {
      if (this.#entries.has(p.localId)) continue;
      const entry: Entry = { pending: p, waiters: [], inFlight: false, preparing: false, retryTimer: null };
      this.#entries.set(p.localId, entry);
      added.push(entry);
    }
    if (!late) return;
    // Read after the client started: announce them, save the merged outbox, and send them if connected.
    this.#persist();
    for (const e of added) this.#deps.emit(e.pending);
    if (this.#deps.isOpen()) for (const e of added) this.#trySend(e);
  }

  /** Add a message and try to send it; resolves with the stored message. */
  add(pending: Omit<PendingMessage, 'status'>, options: { preparing?: boolean } = {}): Promise<Message> {
    const existing = this.#entries.get(pending.localId);
    if (existing) return this.#wait(existing);
    const entry: Entry = {
      pending: { ...pending, status: 'pending' },
      waiters: [],
      inFlight: false,
      preparing: options.preparing ?? false,
      retryTimer: null,
    };
    this.#entries.set(pending.localId, entry);
    const p = this.#wait(entry);
    this.#emit(entry);
    this.#trySend(entry);
    return p;
  }

  /** Attachment upload progress (0..1) for a preparing message. */
  progress(localId: string, fraction: number): void {
    const e = this.#entries.get(localId);
    if (!e) return;
    e.pending = { ...e.pending, progress: fraction };
    this.#deps.emit(e.pending); // progress is not worth a storage write
  }

  /** The attachment is uploaded: the message gets its final body and becomes sendable. */
  ready(localId: string, body: OutgoingBody): void {
    const e = this.#entries.get(localId);
    if (!e) return;
    e.preparing = false;
    e.pending = { ...e.pending, body, progress: 1 };
    this.#emit(e);
    this.#trySend(e);
  }

  /** Fail a message without the server (e.g. its upload was refused). */
  fail(localId: string, error: NatterError): void {
    const e = this.#entries.get(localId);
    if (!e) return;
    e.preparing = false;
    this.#markFailed(e, error);
  }

  /** The connection is (again) open: send everything pending, oldest first. */
  flush(): void {
    const list = [...this.#entries.values()].sort((a, b) => a.pending.createdAt - b.pending.createdAt);
    for (const e of list) this.#trySend(e);
  }

  /** Send a failed message again; `preparing` when its attachment must be uploaded first. */
  retry(localId: string, options: { preparing?: boolean } = {}): Promise<Message> {
    const e = this.#entries.get(localId);
    if (!e) return Promise.reject(new NatterError(ErrorCode.MESSAGE_NOT_FOUND, `no message ${localId} in the outbox`));
    const p = this.#wait(e);
    if (e.pending.status === 'failed') {
      e.preparing = options.preparing ?? false;
      const { error: _dropped, ...rest } = e.pending;
      e.pending = { ...rest, status: 'pending' };
      this.#emit(e);
      this.#trySend(e);
    }
    return p;
  }

  discard(localId: string): void {
    const e = this.#entries.get(localId);
    if (!e) return;
    this.#entries.delete(localId);
    this.#persist();
    cancel(e.retryTimer);
    const err = new NatterError(ErrorCode.NOT_ALLOWED, 'send discarded');
    for (const w of e.waiters.splice(0)) w.reject(err);
  }

  get(localId: string): PendingMessage | undefined {
    return this.#entries.get(localId)?.pending;
  }

  /** Pending and failed messages, oldest first. */
  list(): PendingMessage[] {
    return [...this.#entries.values()].map((e) => e.pending).sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Whether the message still needs its upload (a retry must upload first). */
  isPreparing(localId: string): boolean {
    return this.#entries.get(localId)?.preparing ?? false;
  }

  /** Writes now what is still due to be written (the client is closing). */
  saveNow(): void {
    if (this.#saveDue || this.#saveTimer) this.#save();
  }

  /** Stop waiting on rate-limit retries (client closed); flush() sends them when it reopens. */
  clearTimers(): void {
    for (const e of this.#entries.values()) {
      cancel(e.retryTimer);
      e.retryTimer = null;
    }
  }

  #wait(e: Entry): Promise<Message> {
    return new Promise<Message>((resolve, reject) => e.waiters.push({ resolve, reject }));
  }

  #trySend(e: Entry): void {
    if (e.inFlight || e.preparing || e.pending.status !== 'pending' || e.retryTimer) return;
    if (this.#entries.get(e.pending.localId) !== e) return;
    const { localId, to, chatType, body, ext, config, replyTo, mentions, threadOf } = e.pending;
    const params: OutgoingMessage = { localId, to, chatType, body };
    if (ext !== undefined) params.ext = ext;
    if (config !== undefined) params.config = config;
    if (replyTo !== undefined) params.replyTo = replyTo;
    if (mentions !== undefined) params.mentions = mentions;
    if (threadOf !== undefined) params.threadOf = threadOf;
    e.inFlight = true;
    const sent = this.#deps.dispatch('send', params, {
      ok: (r) => {
        e.inFlight = false;
        this.#markSent(e, (r as { message: Message }).message);
      },
      err: (error) => {
        e.inFlight = false;
        if (RETRYABLE.has(error.code)) {
          // Rate limited or server restarting: try again later with the same localId.
          e.retryTimer = later(error.retryAfter ?? 1000, () => {
            e.retryTimer = null;
            this.#trySend(e);
          });
          return;
        }
        this.#markFailed(e, error);
      },
      lost: () => {
        // Connection gone: stays pending and flush() resends it on the next welcome.
        // No answer in time on a live connection: resend now (same localId, so at most once stored).
        e.inFlight = false;
        if (this.#deps.isOpen()) queueMicrotask(() => this.#trySend(e));
      },
    });
    if (!sent) e.inFlight = false;
  }

  #markSent(e: Entry, message: Message): void {
    if (this.#entries.get(e.pending.localId) !== e) return;
    this.#entries.delete(e.pending.localId);
    e.pending = { ...e.pending, status: 'sent', message };
    this.#persistLater();
    this.#deps.emit(e.pending);
    for (const w of e.waiters.splice(0)) w.resolve(message);
  }

  #markFailed(e: Entry, error: NatterError): void {
    e.pending = { ...e.pending, status: 'failed', error: { code: error.code, message: error.message } };
    this.#emit(e);
    for (const w of e.waiters.splice(0)) w.reject(error);
  }

  #emit(e: Entry): void {
    this.#persist();
    this.#deps.emit(e.pending);
  }

  /** Saves the outbox at the end of this task, with every other change made in it. */
  #persist(): void {
    if (!this.#deps.persistence || this.#restoring || this.#saveDue) return;
    this.#saveDue = true;
    queueMicrotask(() => {
      if (this.#saveDue) this.#save();
    });
  }

  /**
   * Saves the outbox within SENT_SAVE_MS, or when the page is hidden or unloads first: only messages
   * the server has stored are gone from it.
   */
  #persistLater(): void {
    if (!this.#deps.persistence || this.#restoring || this.#saveDue || this.#saveTimer) return;
    this.#saveTimer = laterOrOnLeave(SENT_SAVE_MS, () => this.#save());
  }

  /** Writes what a reload could send again: everything not waiting for its upload. */
  #save(): void {
    this.#saveDue = false;
    this.#saveTimer?.();
    this.#saveTimer = null;
    this.#deps.persistence?.save(this.list().filter((p) => !this.isPreparing(p.localId)));
  }
}
