// Owns the shared state every operation module works with, and the
// identity of the caller an operation runs for.
import type { ServerLimits } from '../protocol/entities';
import { NatterError } from '../protocol/errors';
import type { UserId } from '../protocol/message';
import type { Clock } from './clock';
import type { Delivery, EventPublisher } from './event-publisher';
import type { IdSource } from './id-source';
import type { InvitationTimers } from './invitation-timers';
import type { RateLimitStore } from './rate-limiter';
import type { ServerCoreOptions } from './server-options';
import type { SessionRegistry } from './sessions';
import type { CachedStorage } from './cached-storage';
import type { FileStore } from './storage';
import type { Invitation } from '../protocol/invitation';
import type { ContactFanout } from './contact-fanout';
import type { Presence } from '../protocol/people';
import type { RtcCalls } from './rtc-calls';

export interface CoreContext {
  /**
   * The host's storage behind the core's read cache. Inside a transaction (`inTx`) this is the
   * transaction's own view: code that runs inside one reads and writes only through it.
   */
  storage: CachedStorage;
  /** Set on the context handed to code running inside a transaction (see `inTx`). */
  tx?: true;
  /** This node's name (timer leases). */
  nodeId: string;
  files: FileStore;
  clock: Clock;
  ids: IdSource;
  limits: ServerLimits;
  options: ServerCoreOptions;
  /** This node's sessions. */
  sessions: SessionRegistry;
  /** Every user's sessions, on this node and (in a cluster) the others. */
  delivery: Delivery;
  /** Rate-limit buckets, per user across connections (shared by nodes when the store is). */
  rateLimits: RateLimitStore;
  events: EventPublisher;
  timers: InvitationTimers;
  /** onlineUserOnly invitations: never stored, kept only while the server runs. */
  liveInvitations: Map<string, Invitation>;
  /** Live calls of the media relay (memory only). */
  rtc: RtcCalls;
  /** Presence and the fan-out of presence and profile changes to contacts. */
  people: { presence: PresenceService; fanout: ContactFanout };
}

/** What operations use of presence (PresenceTracker in presence.ts). */
export interface PresenceService {
  /** Presence of `users` as `viewer` may see it. */
  view(viewer: UserId, users: readonly UserId[]): Promise<Presence[]>;
  /** The device became active or idle (settles once other nodes can see it). */
  setDevice(user: UserId, device: string, status: 'online' | 'away'): Promise<void>;
  privacyChanged(user: UserId, hidden: boolean): void;
}

/**
 * Runs `fn` in a transaction of the core (events.tx) with a context whose storage is the
 * transaction's; inside one already, runs `fn` in it.
 */
export function inTx<T>(ctx: CoreContext, fn: (tctx: CoreContext) => Promise<T>): Promise<T> {
  if (ctx.tx) return fn(ctx);
  return ctx.events.tx((storage) => fn(withStorage(ctx, storage)));
}

/**
 * `ctx` with a transaction's storage. Copied with Object.assign and the two fields set after: on
 * Node 20's V8, `{ ...ctx, storage, tx: true }` gives nearly every copy a hidden class of its own,
 * and every read of the context in the transaction (ctx.ids, ctx.clock, ctx.events...) then missed
 * V8's caches.
 */
function withStorage(ctx: CoreContext, storage: CachedStorage): CoreContext {
  const tctx = Object.assign({}, ctx);
  tctx.storage = storage;
  tctx.tx = true;
  return tctx;
}

/** Contexts already made for a transaction's storage view (one per group commit, not one per send). */
const txContexts = new WeakMap<CachedStorage, { base: CoreContext; ctx: CoreContext }>();

/** The context of a transaction from its storage view (submitted writes). */
export function txContext(ctx: CoreContext, storage: CachedStorage): CoreContext {
  const made = txContexts.get(storage);
  if (made?.base === ctx) return made.ctx;
  const tctx = withStorage(ctx, storage);
  txContexts.set(storage, { base: ctx, ctx: tctx });
  return tctx;
}

/** Who an operation runs for. */
export interface Caller {
  user: UserId;
  device: string;
}

/** Throws the NatterError for `code` (with its default message unless one is given). */
export function fail(code: number, message?: string): never {
  throw new NatterError(code, message);
}
