// Owns pushing presence and profile changes to the connected users who share
// a conversation with the changed user, without blocking the event loop: a
// change is queued per recipient and coalesced (a recipient gets the latest
// presence of each user, in one frame, however often it changed), and the
// queue is served a batch of recipients per turn of the event loop, so a user
// with thousands of contacts coming online never sends thousands of frames in
// one synchronous run. Frames go through the core's Delivery, so in a
// cluster they reach contacts connected to other nodes too. `sent` says when
// what is queued has been handed to the Delivery (a cluster node then marks
// a presence change told).
import type { UserId } from '../protocol/message';
import type { Presence, Profile } from '../protocol/people';
import { eventFrame } from './event-publisher';
import type { Delivery } from './event-publisher';

interface Pending {
  presence: Map<UserId, Presence>;
  profiles: Map<UserId, Profile>;
  /** Stamp of the entry, rising in queue order. */
  n: number;
}

const DEFAULT_BATCH = 200;

function defaultYield(next: () => void): void {
  const g = globalThis as { setImmediate?: (fn: () => void) => unknown };
  if (typeof g.setImmediate === 'function') g.setImmediate(next);
  else setTimeout(next, 0);
}

export class ContactFanout {
  private readonly pending = new Map<UserId, Pending>();
  private scheduled = false;
  private stopped = false;
  /** The stamp of the newest entry queued, and of the newest served. */
  private queuedUpTo = 0;
  private servedUpTo = 0;
  private readonly waiting: Array<{ upTo: number; done: (sent: boolean) => void }> = [];
  /** Frames sent per served batch, newest last (bounded; for tests and the bench). */
  readonly batches: number[] = [];

  constructor(
    private readonly delivery: Delivery,
    private readonly batchSize: number = DEFAULT_BATCH,
    private readonly yieldTurn: (next: () => void) => void = defaultYield,
  ) {}

  /** Queues `presence` for every connected recipient. */
  presence(recipients: Iterable<UserId>, presence: Presence): void {
    for (const r of recipients) if (this.delivery.mayBeOnline(r)) this.entry(r).presence.set(presence.user, presence);
    this.schedule();
  }

  /** Queues `profile` for every connected recipient. */
  profile(recipients: Iterable<UserId>, profile: Profile): void {
    for (const r of recipients) if (this.delivery.mayBeOnline(r)) this.entry(r).profiles.set(profile.user, profile);
    this.schedule();
  }

  /** Recipients still waiting for a frame. */
  get queued(): number {
    return this.pending.size;
  }

  /** Settles once everything queued so far was handed to the delivery (true), or dropped by `stop` (false). */
  sent(): Promise<boolean> {
    if (this.pending.size === 0) return Promise.resolve(!this.stopped);
    return new Promise((done) => this.waiting.push({ upTo: this.queuedUpTo, done }));
  }

  /** Sends everything queued at once (a cluster node stopping tells contacts before it goes). */
  flush(): void {
    while (this.pending.size > 0 && !this.stopped) this.serve();
  }

  stop(): void {
    this.stopped = true;
    this.pending.clear();
    for (const w of this.waiting.splice(0)) w.done(false);
  }

  private entry(recipient: UserId): Pending {
    let p = this.pending.get(recipient);
    if (!p) {
      p = { presence: new Map(), profiles: new Map(), n: ++this.queuedUpTo };
      this.pending.set(recipient, p);
    }
    return p;
  }

  private schedule(): void {
    if (this.scheduled || this.stopped || this.pending.size === 0) return;
    this.scheduled = true;
    this.yieldTurn(() => {
      this.scheduled = false;
      this.serve();
    });
  }

  /** Serves one batch of recipients (oldest queued first), then yields if more wait. */
  private serve(): void {
    if (this.stopped) return;
    let served = 0;
    let frames = 0;
    for (const [recipient, p] of this.pending) {
      if (served >= this.batchSize) break;
      this.pending.delete(recipient);
      this.servedUpTo = p.n;
      served++;
      if (p.presence.size > 0) {
        this.delivery.deliver(
          recipient,
          eventFrame(JSON.stringify({ type: 'presence', presence: [...p.presence.values()] })),
        );
        frames++;
      }
      for (const profile of p.profiles.values()) {
        this.delivery.deliver(recipient, eventFrame(JSON.stringify({ type: 'profile', profile })));
        frames++;
      }
    }
    this.batches.push(frames);
    if (this.batches.length > 64) this.batches.shift();
    if (this.waiting.length > 0) {
      const left = this.waiting.filter((w) => w.upTo > this.servedUpTo);
      for (const w of this.waiting) if (w.upTo <= this.servedUpTo) w.done(true);
      this.waiting.splice(0, this.waiting.length, ...left);
    }
    this.schedule();
  }
}
