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
import type { ContactFanout } from './contact-fanout';
import type { Presence } from '../protocol/people';

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
  /** Presence and the fan-out of presence and profile changes to contacts. */
  people: { presence: PresenceService; fanout: ContactFanout };
}

/** What operations use of presence (PresenceTracker in presence.ts). */
export interface PresenceService {
  /** Presence of `users` as `viewer` may see it. */
  view(viewer: UserId, users: readonly UserId[]): Promise<Presence[]>;
  /** The device became active or idle. */
  setDevice(user: UserId, device: string, status: 'online' | 'away'): void;
  privacyChanged(user: UserId, hidden: boolean): void;
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
