// Owns cross-node delivery through Redis pub/sub (ioredis: cluster-ready,
// reconnects and re-subscribes by itself, pipelines commands): every user
// has a channel; a node subscribes to the channels of the users connected to
// it (before their replay is read, so nothing committed meanwhile is missed)
// and drops them some time after the last one left. A committed event goes
// to this node's sessions directly and to the user's channel for the others
// (tagged with its origin, which ignores its own). Durable events carry
// their position: a session drops repeats and fills gaps from the database
// (event-stream.ts), so Redis may lose messages (a restart) without losing
// events — after a reconnect every session catches up from the log.
// A call's relay events go to one device (`@device` in place of a position),
// and notes for every node (live call membership) go on one shared channel.
// Presence across nodes (who is connected where, and as what) is kept in
// Redis by RedisPresence; `online` (onlineUserOnly, push) reads the same.
// When a node goes away (its lease expired, or it stopped), one survivor is
// handed its users and the presence changes it left untold (`onNodeGone`).
import { Redis } from 'ioredis';
import { ErrorCode, NatterError } from '../protocol/errors';
import type { UserId } from '../protocol/message';
import type { Delivery } from '../server/event-publisher';
import type { SessionRegistry } from '../server/sessions';
import type { RateLimitStore } from '../server/rate-limiter';
import { within } from '../server/within';
import { RedisPresence, type PresenceGoneHandler } from './redis-presence';
import { createRedisRateLimitStore } from './redis-rate-limit';

const PREFIX = 'natter:u:';
/** Notes for every node (live call membership). */
const NOTES = 'natter:notes';
/** How often channels of users who left this node are dropped. */
const SWEEP_MS = 30_000;

export interface RedisDeliveryOptions {
  url: string;
  /** This node's id (messages it published are not delivered twice). */
  nodeId: string;
  onError?: (e: unknown) => void;
  /** How long a node's lease lasts without a refresh (ms): a node killed is taken over after this. */
  nodeLeaseMs?: number;
}

/** Longest wait of flushed() for Redis to take the publishes already sent. */
const FLUSH_WAIT_MS = 1_000;
/** How long a session's start waits for Redis to confirm its subscription before it is told 5031. */
const SUBSCRIBE_WAIT_MS = 3_000;

export class RedisDelivery implements Delivery {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly subscribed = new Map<UserId, Promise<unknown>>();
  private local: SessionRegistry | null = null;
  private readonly sweeper: ReturnType<typeof setInterval>;
  private everReady = false;
  private noteHandler: ((note: string) => void) | null = null;
  private readonly notesHeard: Promise<unknown>;
  private hearingNotes = false;
  /** The last publish: auto-pipelined, it leaves in a later turn of the event loop (flushed()). */
  private lastPublish: Promise<unknown> = Promise.resolve();
  readonly presence: RedisPresence;
  /** Rate-limit buckets every node shares (per user across nodes). */
  readonly rateLimits: RateLimitStore;

  constructor(private readonly options: RedisDeliveryOptions) {
    const redisOptions = {
      maxRetriesPerRequest: null,
      enableAutoPipelining: true,
      retryStrategy: (times: number) => Math.min(times * 100, 1000),
    };
    this.pub = new Redis(options.url, redisOptions);
    this.sub = new Redis(options.url, { ...redisOptions, enableAutoPipelining: false });
    const report = (e: unknown): void => this.options.onError?.(e);
    this.presence = new RedisPresence(this.pub, options.nodeId, report, options.nodeLeaseMs);
    this.rateLimits = createRedisRateLimitStore(this.pub, report);
    this.pub.on('error', report);
    this.sub.on('error', report);
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.receive(channel.toString(), message.toString()),
    );
    // After a reconnect (a Redis restart) messages published meanwhile are gone: once every channel
    // is subscribed again, catch up from the log.
    this.sub.on('ready', () => {
      if (this.everReady) {
        this.presence.restore().catch(report);
        const channels = [NOTES, ...[...this.subscribed.keys()].map((u) => PREFIX + u)];
        const resubscribed = this.sub.subscribe(...channels);
        void resubscribed.catch(report).finally(() => {
          for (const s of this.local?.all() ?? []) s.catchUp();
        });
      }
      this.everReady = true;
    });
    // Notes go out once this node hears notes: a node that asks the others for their calls on start
    // receives the answers.
    this.notesHeard = this.sub
      .subscribe(NOTES)
      .then(() => (this.hearingNotes = true))
      .catch(report);
    this.sweeper = setInterval(() => this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  /** Binds this node's sessions (the core calls it once through `cluster.delivery`). */
  attach(local: SessionRegistry): this {
    this.local = local;
    return this;
  }

  mayBeOnline(): boolean {
    // Anyone may be connected to another node: publishing to a channel nobody listens to is cheap.
    return true;
  }

  async online(user: UserId): Promise<boolean> {
    if (this.local?.isOnline(user)) return true;
    return this.presence.onlineElsewhere(user);
  }

  /**
   * Subscribes to the user's channel; resolves once Redis confirmed it, or rejects with 5031 (retry)
   * when Redis is out of reach: a client then hears why and reconnects, instead of waiting.
   */
  ready(user: UserId): Promise<unknown> {
    let done = this.subscribed.get(user);
    if (!done) {
      done = this.sub.subscribe(PREFIX + user).catch((e: unknown) => {
        this.subscribed.delete(user);
        throw e;
      });
      this.subscribed.set(user, done);
    }
    return within(done, SUBSCRIBE_WAIT_MS, () => {
      throw new NatterError(ErrorCode.STORAGE_UNAVAILABLE, 'the message bus is out of reach; retry', 1000);
    });
  }

  deliver(user: UserId, data: string, pos?: number): void {
    this.local?.deliver(user, data, pos);
    // Redis out of reach: nothing is queued for it. Other nodes' sessions catch up on durable events
    // from the log once it is back; live-only ones (typing, relay) would be stale by then.
    if (this.pub.status !== 'ready') return;
    this.lastPublish = this.pub
      .publish(PREFIX + user, `${this.options.nodeId} ${pos ?? ''} ${data}`)
      .catch((e: unknown) => this.options.onError?.(e));
  }

  flushed(): Promise<unknown> {
    // One connection's commands run in order: Redis has every earlier publish once it answers the last.
    // Bounded: while Redis is out of reach a publish waits for it, and the caller's answer must not.
    return within(this.lastPublish, FLUSH_WAIT_MS, () => undefined);
  }

  /** A frame for one device of `user` (a call's relay events), on whichever node it is connected to. */
  toDevice(user: UserId, device: string, data: string): void {
    if (this.pub.status !== 'ready') return;
    this.pub
      .publish(PREFIX + user, `${this.options.nodeId} @${device} ${data}`)
      .catch((e: unknown) => this.options.onError?.(e));
  }

  broadcast(note: string): void {
    const publish = (): void =>
      void this.pub.publish(NOTES, `${this.options.nodeId} ${note}`).catch((e: unknown) => this.options.onError?.(e));
    // Published at once when possible: a note must not fall behind the relay events that follow it.
    if (this.hearingNotes) publish();
    else void this.notesHeard.then(publish);
  }

  onBroadcast(handler: (note: string) => void): void {
    this.noteHandler = handler;
  }

  onNodeGone(handler: PresenceGoneHandler): void {
    this.presence.onNodeGone(handler);
  }

  // Messages are `<origin node> <pos | @device | empty> <frame>` on user channels, `<origin node> <note>` on NOTES.
  private receive(channel: string, message: string): void {
    const a = message.indexOf(' ');
    if (a < 0 || message.slice(0, a) === this.options.nodeId) return;
    if (channel === NOTES) {
      this.noteHandler?.(message.slice(a + 1));
      return;
    }
    const b = message.indexOf(' ', a + 1);
    if (b < 0) return;
    const user = channel.slice(PREFIX.length);
    const pos = message.slice(a + 1, b);
    if (pos.startsWith('@')) this.local?.findDevice(user, pos.slice(1))?.sendRaw(message.slice(b + 1));
    else this.local?.deliver(user, message.slice(b + 1), pos === '' ? undefined : Number(pos));
  }

  private sweep(): void {
    for (const user of [...this.subscribed.keys()]) {
      if (this.local?.isOnline(user)) continue;
      this.subscribed.delete(user);
      this.sub.unsubscribe(PREFIX + user).catch((e: unknown) => this.options.onError?.(e));
    }
  }

  /** Answers when Redis answers (health checks). */
  async ping(): Promise<void> {
    await this.pub.ping();
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await this.presence.close().catch(() => undefined);
    this.sub.disconnect();
    await this.pub.quit().catch(() => this.pub.disconnect());
  }
}
