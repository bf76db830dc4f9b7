// Owns the contract by which the nodes of a cluster share presence: each
// node says which status each user has on it (their devices connected
// there) and, in the same atomic step, learns what contacts should now see
// of the user over every live node and whether that changed, so that of
// several nodes changing the same user at once none acts on a stale view
// and exactly one pushes each change. It also reads the statuses the other
// live nodes hold. A node that dies stops counting without saying so (the
// implementation ages it out).
import type { UserId } from '../protocol/message';
import type { PresenceStatus } from '../protocol/people';

export interface PresenceShare {
  /**
   * Writes this node's status of `user` ('offline': no device of theirs connected here) and records
   * what contacts now see (every live node's statuses combined; 'offline' when `hidden`), as one
   * atomic step; answers that when contacts saw something else before (then this node tells them),
   * else null.
   */
  publish(user: UserId, status: PresenceStatus, hidden: boolean): Promise<PresenceStatus | null>;
  /** Statuses of `users` on the other live nodes; a user absent from the map is offline there. */
  elsewhere(users: readonly UserId[]): Promise<Map<UserId, PresenceStatus>>;
}

/** A user's status over several places: online when any is, away when any is (and none online). */
export function combinePresence(...statuses: PresenceStatus[]): PresenceStatus {
  if (statuses.includes('online')) return 'online';
  return statuses.includes('away') ? 'away' : 'offline';
}
