// Owns the shared state every operation module works with, and the
// identity of the caller an operation runs for.
import type { ServerLimits } from '../protocol/entities';
import { NatterError } from '../protocol/errors';
import type { UserId } from '../protocol/message';
import type { Clock } from './clock';
import type { EventPublisher } from './event-publisher';
import type { IdSource } from './id-source';
import type { InvitationTimers } from './invitation-timers';
import type { ServerCoreOptions } from './server-options';
import type { SessionRegistry } from './sessions';
import type { CachedStorage } from './cached-storage';
import type { FileStore } from './storage';
import type { Invitation } from '../protocol/invitation';
import type { RtcCalls } from './rtc-calls';

export interface CoreContext {
  /** The host's storage behind the core's read cache. */
  storage: CachedStorage;
  files: FileStore;
  clock: Clock;
  ids: IdSource;
  limits: ServerLimits;
  options: ServerCoreOptions;
  sessions: SessionRegistry;
  events: EventPublisher;
  timers: InvitationTimers;
  /** onlineUserOnly invitations: never stored, kept only while the server runs. */
  liveInvitations: Map<string, Invitation>;
  /**
   * Sends between their idempotency lookup and their commit, by `user\0localId`: how many, and
   * whether two ever overlapped. A send that never overlapped another under its key need not look
   * the key up again at commit time.
   */
  sendsInFlight: Map<string, { n: number; shared: boolean }>;
  /** Live calls of the media relay (memory only). */
  rtc: RtcCalls;
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
