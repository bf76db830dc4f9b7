// Owns the options of createServerCore and the hooks a host plugs in
// (authentication, moderation, offline push, file URLs).
import type { ServerLimits } from '../protocol/entities';
import type { HelloFrame } from '../protocol/frames';
import type { Invitation, OfflinePushInfo } from '../protocol/invitation';
import type { ConversationId } from '../protocol/ids';
import type { Message, UserId } from '../protocol/message';
import type { PushSubscriptionRecord } from './push-storage';
import type { IceServer } from '../protocol/rtc';
import type { Clock } from './clock';
import type { IdSource } from './id-source';
import type { PeopleOptions } from './people-options';
import type { RateLimitOptions, RateLimitStore, UploadQuota } from './rate-limiter';
import type { Delivery } from './event-publisher';
import type { SessionRegistry } from './sessions';
import type { FileStore, Storage, SyncStorage } from './storage';

/**
 * What authentication decides: the user (and when the credentials expire, ms since epoch: the
 * session is asked to renew ahead of it and ended at it), or a refusal (a NatterError code, e.g. 4010/4011/4012).
 */
export type AuthResult = { user: UserId; expiresAt?: number } | { code: number; message?: string };

/** `allow`, `reject` (501, e.g. sensitive words) or `intercept` (502, a custom rule). */
export type ModerationVerdict =
  'allow' | 'reject' | 'intercept' | { verdict: 'allow' | 'reject' | 'intercept'; reason?: string };

/** Handed to the push hook for a recipient (or invitee) who has no connected session. */
export type PushNotice =
  | {
      kind: 'invitation';
      invitation: Invitation;
      offlinePushInfo: OfflinePushInfo | undefined;
      message: Message | null;
    }
  | {
      kind: 'message';
      message: Message;
      /** The conversation as the recipient names it. */
      conversation: ConversationId;
    };

/** How the core sends Web Push to stored subscriptions (the Node host makes one with `web-push`). */
export interface WebPushSender {
  /** The VAPID public key (base64url) browsers subscribe with (`push.config`). */
  publicKey: string;
  /**
   * Encrypts `payload` for the subscription (RFC 8291) and POSTs it with a VAPID JWT (RFC 8292).
   * `gone` when the push service answered 404 or 410: the core then deletes the subscription.
   */
  send(subscription: PushSubscriptionRecord, payload: string): Promise<'sent' | 'gone'>;
  /** Whether the endpoint may be stored (e.g. https only); refused with 4071. Default: any http(s) URL. */
  allowEndpoint?(endpoint: string): boolean;
  /** Message pushes carry the message text (text messages). Default false: sender and type only. */
  includeText?: boolean;
}

export interface ServerCoreOptions {
  /** Default: a new MemoryStorage. A SyncStorage is used through sync-storage-adapter.ts. */
  storage?: Storage | SyncStorage;
  /**
   * Several nodes on one shared storage: how events reach sessions on other nodes (made from this
   * node's own sessions), and how often this node looks for invitation timeouts that another node
   * armed (it may have died). Default: one node, its sessions are everyone.
   */
  cluster?: {
    delivery: (local: SessionRegistry) => Delivery;
    /** Default 1000 ms. */
    invitationPollMs?: number;
    /** This node's name in timer leases (default: a random id). */
    nodeId?: string;
  };
  /** Default: a new MemoryFileStore. */
  files?: FileStore;
  /** Default: the system clock. */
  clock?: Clock;
  /** Default: ULIDs from `clock`. */
  ids?: IdSource;
  /** Default: dev mode, accepting `hello.user` as is. May be async (token checks). */
  authenticate?: (hello: HelloFrame) => AuthResult | Promise<AuthResult>;
  limits?: Partial<ServerLimits>;
  /** Recall window in ms (default 120000). */
  recallWindowMs?: number;
  /** Default true; false answers recall with 505. */
  recallEnabled?: boolean;
  /** Called for every message before it is stored (the message as it would be stored). May be async. */
  moderate?: (message: Message) => ModerationVerdict | Promise<ModerationVerdict>;
  /**
   * Offline push for recipients of messages and invitees with no connected session (unless the
   * invitation disables push; never for chat rooms, commands or messages that count as unread for nobody).
   */
  push?: (user: UserId, notice: PushNotice) => void;
  /** Web Push to the browsers users subscribed (`push.subscribe`), for the same notices as `push`. */
  webPush?: WebPushSender;
  /** Request rate per user, across all of the user's connections; false disables it. Default 200/s with bursts of 1000 (an outbox of hundreds drains at once). */
  rateLimit?: RateLimitOptions | false;
  /** Where rate-limit buckets live. Default: this process's memory; several nodes share one (e.g. Redis). */
  rateLimitStore?: RateLimitStore;
  /**
   * How long building one conversation-list page may hold the event loop before other connections'
   * work runs (ms); false: never let go mid-page. Default 0.25; the embedded server's default is false
   * (one user per page, whose first page then arrives before the frame that asked for it is painted).
   * A storage that reads a page off the event loop (SQLite on a file: its reader thread) does not
   * need it.
   */
  pageSliceMs?: number | false;
  /** Uploads per second per user (HTTP and `file.put`); false disables. Default 1/s with bursts of 20. */
  uploadRateLimit?: RateLimitOptions | false;
  /** Bytes a user may upload per period; false disables. Default 1 GiB per day. */
  uploadQuota?: UploadQuota | false;
  /** A connection that has not sent `hello` this long after connecting is closed (4008). Default 10000; 0 disables. */
  helloTimeoutMs?: number;
  /** How long before a token expires the client is asked to renew it (an `expiring` frame). Default 60000. */
  tokenRenewAheadMs?: number;
  /** URL clients fetch a file from. Default `/files/<fileId>`. */
  fileUrl?: (fileId: string, mime: string, bytes: Uint8Array) => string;
  /** Events kept per user for resume (default 10000); older ones are pruned and resuming before them resets. */
  eventRetention?: number;
  /** Events older than this are pruned (resuming before them resets), checked every `eventPruneIntervalMs`. Default 30 days; 0 keeps them (the count bound still applies). */
  eventMaxAgeMs?: number;
  /** How often age-based pruning runs (default 1 hour). */
  eventPruneIntervalMs?: number;
  /**
   * Schedules a group commit: sends that arrive before it runs share one storage transaction (each
   * is answered after it). Default `queueMicrotask`; a Node host passes `setImmediate` so that
   * sends from every socket read in one event-loop turn share a commit.
   */
  scheduleCommit?: (commit: () => void) => void;
  /** STUN/TURN servers handed to a device joining a call, or a function of the user (short-lived TURN credentials). Default none (LAN, loopback). */
  iceServers?: IceServer[] | ((user: UserId) => IceServer[]);
  /** Called with errors the core caught while serving (bugs, storage failures). Default: console.error. */
  onError?: (error: unknown) => void;
  /** Profiles, presence and the directory (people-options.ts). */
  people?: PeopleOptions;
}
