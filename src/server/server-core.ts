// Owns assembling the platform-free server core from its options and its
// public face: connect a peer, upload/download files, start (arms
// invitation timeouts, including those that passed while the server was
// down) and close.
import type { ServerLimits } from '../protocol/entities';
import { ErrorCode, setErrorMessages } from '../protocol/errors';
import { defaultMessages, errorMessageOf } from '../protocol/error-messages';
import type { UploadedFile } from '../protocol/link';
import type { ServerPeer, ServerSession } from '../protocol/link';
import type { UserId } from '../protocol/message';
import type { Clock } from './clock';
import { systemClock } from './clock';
import type { CoreContext } from './context';
import { CachedStorage } from './cached-storage';
import { EventAgePruner } from './event-age-pruner';
import { ContactFanout } from './contact-fanout';
import { EventPublisher, type Delivery } from './event-publisher';
import type { FileInput } from './files';
import { getFile, putFile } from './files';
import { createIdSource } from './id-source';
import { asyncStorage } from './sync-storage-adapter';
import { InvitationTimers } from './invitation-timers';
import { resolveLimits } from './limits';
import { createMemoryRateLimitStore } from './rate-limiter';
import { MemoryFileStore } from './memory-file-store';
import { MemoryStorage } from './memory-storage';
import { PresenceTracker } from './presence';
import { applyCallNote, shareCall } from './rtc-cluster';
import { nodeGone } from './rtc-lifecycle';
import type { ServerCoreOptions } from './server-options';
import { Session } from './session';
import { SessionRegistry } from './sessions';
import { runInvitationTimeouts } from './signaling';
import { RtcCalls } from './rtc-calls';
import type { Storage } from './storage';

export interface ServerCore {
  /** A new connection from a host (WebSocket, loopback): feed it frames, tell it when closed. */
  connect(peer: ServerPeer): ServerSession;
  /** Checks and stores an upload (511 size, 4150 type, 4151 content) and returns what messages carry. */
  putFile(user: UserId, input: FileInput): Promise<UploadedFile>;
  getFile(fileId: string): Promise<{ meta: UploadedFile; bytes: Uint8Array } | null>;
  /** Arms invitation timeouts; invitations whose deadline passed while the server was down time out now. */
  start(): void;
  /** Commits what is queued, says bye (5030) to every session and stops the timers. */
  close(): Promise<void>;
  readonly limits: ServerLimits;
  readonly storage: Storage;
  readonly clock: Clock;
  /** True when the user has at least one connected, welcomed session. */
  isOnline(user: UserId): boolean;
}

const DEFAULT_RETENTION = 10_000;
const DEFAULT_MAX_AGE = 30 * 24 * 3600_000;
const DEFAULT_PRUNE_INTERVAL = 3600_000;

export function createServerCore(options: ServerCoreOptions = {}): ServerCore {
  // Errors it makes without a message carry the default on the wire: the table must be there now.
  setErrorMessages(defaultMessages);
  // A single-writer storage is cached; a shared one is not (cached-storage.ts).
  const given = options.storage ?? new MemoryStorage();
  const storage = new CachedStorage('begin' in given ? asyncStorage(given) : given);
  const clock = options.clock ?? systemClock;
  const sessions = new SessionRegistry();
  const delivery: Delivery = options.cluster ? options.cluster.delivery(sessions) : sessions;
  const onError = options.onError ?? ((err: unknown) => console.error('natter server:', err));
  const pruner = new EventAgePruner(
    storage,
    clock,
    options.eventMaxAgeMs ?? DEFAULT_MAX_AGE,
    options.eventPruneIntervalMs ?? DEFAULT_PRUNE_INTERVAL,
    onError,
  );
  const presence = new PresenceTracker(() => ctx, onError);
  const ctx: CoreContext = {
    storage,
    nodeId: options.cluster?.nodeId ?? `node-${createIdSource(clock).fileId()}`,
    delivery,
    files: options.files ?? new MemoryFileStore(),
    clock,
    ids: options.ids ?? createIdSource(clock),
    limits: resolveLimits(options.limits, options),
    options,
    sessions,
    rateLimits: options.rateLimitStore ?? createMemoryRateLimitStore(clock),
    events: new EventPublisher(
      storage,
      delivery,
      clock,
      options.eventRetention ?? DEFAULT_RETENTION,
      options.scheduleCommit,
    ),
    timers: new InvitationTimers(
      clock,
      () => runInvitationTimeouts(ctx),
      onError,
      options.cluster ? (options.cluster.invitationPollMs ?? 1000) : null,
    ),
    liveInvitations: new Map(),
    rtc: new RtcCalls(),
    people: {
      presence,
      fanout: new ContactFanout(delivery, options.people?.fanoutBatch, options.people?.yieldTurn),
    },
  };
  sessions.listener = presence;
  // Another node's change to a live call's membership (a cluster).
  delivery.onBroadcast?.((note) => {
    try {
      applyCallNote(ctx, note);
    } catch (e) {
      onError(e);
    }
  });
  // Another node went away (handed to this one alone): its users, the presence changes it left untold
  // and its devices in calls. The hand-over holds until its users' presence is settled (another node
  // redoes it if this one dies).
  delivery.onNodeGone?.((node, users, pending) => {
    nodeGone(ctx, node);
    return presence.nodeGone(users, pending);
  });
  let started = false;
  let closed = false;

  return {
    connect(peer) {
      const session = new Session(ctx, peer);
      if (closed) session.end(ErrorCode.SHUTTING_DOWN, errorMessageOf(ErrorCode.SHUTTING_DOWN));
      return session;
    },
    putFile: (user, input) => putFile(ctx, user, input),
    getFile: (fileId) => getFile(ctx, fileId),
    start() {
      if (started || closed) return;
      started = true;
      // A cluster node learns the live calls of the others (a device may rejoin one here).
      if (options.cluster) shareCall(ctx, { kind: 'sync' });
      void ctx.timers.fire();
      pruner.start();
    },
    async close() {
      if (closed) return;
      closed = true;
      ctx.timers.stop();
      pruner.stop();
      // One node: nobody stays to be told its users went offline. A cluster node tells their contacts.
      const shared = delivery.presence !== undefined;
      if (!shared) {
        presence.stop();
        ctx.people.fanout.stop();
      }
      // Sends already queued are committed and answered before the sessions are told bye.
      await ctx.events.flush().catch(onError);
      // ... and their answers, which follow the commit by a few promise steps.
      await new Promise((resolve) => setTimeout(resolve, 0));
      for (const s of sessions.all()) s.end(ErrorCode.SHUTTING_DOWN, errorMessageOf(ErrorCode.SHUTTING_DOWN));
      if (shared) {
        await presence.settle();
        ctx.people.fanout.flush();
        presence.stop();
        ctx.people.fanout.stop();
      }
      // After the sessions ended: their calls' grace timers are not waited for.
      for (const t of ctx.rtc.timers) ctx.clock.clearTimeout(t);
      ctx.rtc.timers.clear();
    },
    limits: ctx.limits,
    storage,
    clock,
    isOnline: (user) => sessions.isOnline(user),
  };
}

export type { ServerCoreOptions };
