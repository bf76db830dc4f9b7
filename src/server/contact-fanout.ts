// Owns pushing presence and profile changes to the connected users who share
// a conversation with the changed user, without blocking the event loop: a
// change is queued per recipient and coalesced (a recipient gets the latest
// presence of each user, in one frame, however often it changed), and the
// queue is served a batch of recipients per turn of the event loop, so a user
// with thousands of contacts coming online never sends thousands of frames in
// one synchronous run. Frames go through the core's Delivery, so in a
// cluster they reach contacts connected to other nodes too.
import type { UserId } from '../protocol/message';
import type { Presence, Profile } from '../protocol/people';
import { eventFrame } from './event-publisher';
import type { Delivery } from './event-publisher';

interface Pending {
  presence: Map<UserId, Presence>;
  profiles: Map<UserId, Profile>;
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

  /** Sends everything queued at once (a cluster node stopping tells contacts before it goes). */
  flush(): void {
    while (this.pending.size > 0 && !this.stopped) this.serve();
  }

  stop(): void {
    this.stopped = true;
    this.pending.clear();
  }

  private entry(recipient: UserId): Pending {
    let p = this.pending.get(recipient);
    if (!p) {
      p = { presence: new Map(), profiles: new Map() };
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
    this.schedule();
  }
}
