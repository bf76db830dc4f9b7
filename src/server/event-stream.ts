// Owns the order of one session's durable events: each is sent once, in
// position order, with no gap. Live events may arrive before the session's
// replay is done (it registers first, so nothing committed meanwhile is
// missed), twice (replayed and live), or out of order (from other nodes,
// whose commits of one user's log are ordered by the database but whose
// messages on the bus are not). A gap is filled from the log: a position is
// never visible before all smaller ones of that user are committed
// (storage.ts), so what is missing can be read. Events without a position
// (ephemeral) pass straight through unless a fill is running.
import type { EventRecord } from './storage';
import { eventFrame } from './event-publisher';

const READ_BATCH = 1000;

export class EventStream {
  /** The last position sent; null until `start`. */
  private last: number | null = null;
  /** Live events waiting for the replay or a fill, by arrival. */
  private waiting: Array<{ data: string; pos?: number }> = [];
  private busy = true;

  constructor(
    private readonly read: (after: number, limit: number) => Promise<EventRecord[]>,
    private readonly head: () => Promise<number>,
    private readonly send: (data: string) => void,
    private readonly onError: (e: unknown) => void,
  ) {}

  /** Sends what follows `from` up to `to` from the log (a resume), then the live events held meanwhile. */
  async start(from: number, to: number): Promise<void> {
    this.last = from;
    try {
      await this.fill(to);
    } finally {
      this.drain();
    }
  }

  /** A live event (pos for durable ones). */
  push(data: string, pos?: number): void {
    if (this.busy) {
      this.waiting.push(pos === undefined ? { data } : { data, pos });
      return;
    }
    this.take(data, pos);
  }

  /** Sends whatever the log holds past what was sent (after live delivery was interrupted). */
  catchUp(): void {
    if (this.busy || this.last === null) return;
    this.busy = true;
    this.head()
      .then((to) => this.fill(to))
      .catch((e: unknown) => this.onError(e))
      .finally(() => this.drain());
  }

  private take(data: string, pos: number | undefined): void {
    const last = this.last ?? 0;
    if (pos === undefined) return this.send(data);
    if (pos <= last) return; // already sent (replayed, or delivered twice)
    if (pos === last + 1) {
      this.last = pos;
      return this.send(data);
    }
    // A gap: read it from the log, then this event and whatever arrives meanwhile.
    this.busy = true;
    this.waiting.unshift({ data, pos });
    this.fill(pos - 1).then(
      () => this.drain(),
      (e: unknown) => {
        this.onError(e);
        this.drain();
      },
    );
  }

  private async fill(to: number): Promise<void> {
    while ((this.last ?? 0) < to) {
      const batch = await this.read(this.last ?? 0, Math.min(READ_BATCH, to - (this.last ?? 0)));
      if (batch.length === 0) break;
      for (const r of batch) {
        if (r.pos <= (this.last ?? 0)) continue;
        this.send(eventFrame(JSON.stringify(r.event), r.pos));
        this.last = r.pos;
      }
    }
    // Pruned or never written (a rolled-back position on another node): skip what cannot be read.
    if ((this.last ?? 0) < to) this.last = to;
  }

  private drain(): void {
    this.busy = false;
    const waiting = this.waiting;
    this.waiting = [];
    waiting.sort((a, b) => (a.pos ?? 0) - (b.pos ?? 0));
    for (let i = 0; i < waiting.length; i++) {
      const w = waiting[i]!;
      this.take(w.data, w.pos);
      if (this.busy) {
        // A new gap started a fill: the rest waits for it, in order.
        this.waiting.push(...waiting.slice(i + 1));
        return;
      }
    }
  }
}
