// Owns the contract by which the nodes of a cluster share presence: each
// node says which status each user has on it (their devices connected
// there), reads the statuses the other live nodes hold, and records what
// contacts were last told of a user, so that of several nodes seeing the
// same change exactly one pushes it. A node that dies stops counting
// without saying so (the implementation ages it out).
import type { UserId } from '../protocol/message';
import type { PresenceStatus } from '../protocol/people';

export interface PresenceShare {
  /** This node's status of `user` ('offline': no device of theirs connected here). */
  share(user: UserId, status: PresenceStatus): Promise<void>;
  /** Statuses of `users` on the other live nodes; a user absent from the map is offline there. */
  elsewhere(users: readonly UserId[]): Promise<Map<UserId, PresenceStatus>>;
  /** Records `shown` as what contacts now see of `user`; true when they saw something else before (then this node tells them). */
  announce(user: UserId, shown: PresenceStatus): Promise<boolean>;
}

/** A user's status over several places: online when any is, away when any is (and none online). */
export function combinePresence(...statuses: PresenceStatus[]): PresenceStatus {
  if (statuses.includes('online')) return 'online';
  return statuses.includes('away') ? 'away' : 'offline';
}
