// Owns the contract by which the nodes of a cluster share presence: each
// node says which status each user has on it (their devices connected
// there) and, in the same atomic step, learns what contacts should now see
// of the user over every live node and whether that changed, so that of
// several nodes changing the same user at once none acts on a stale view
// and exactly one pushes each change. A change is recorded as pending in
// that same step and stays so until the node says contacts were told: a
// node that dies in between leaves it to the survivor handed its work
// (Delivery.onNodeGone), so contacts are told even then; a live node whose
// telling failed tells it again while it is still current. It also reads the
// statuses the other live nodes hold. A node that dies stops counting
// without saying so (the implementation ages it out).
import type { UserId } from '../protocol/message';
import type { PresenceStatus } from '../protocol/people';

/** A change of what contacts see of a user, recorded and not yet told to them. */
export interface PresenceChange {
  user: UserId;
  status: PresenceStatus;
  /** When the user left (their last seen), for a change to offline made by their last device leaving. */
  lastSeen: number | null;
  /** Names this change for `told` (the implementation's own). */
  ticket: string;
}

export interface PresenceShare {
  /**
   * Writes this node's status of `user` ('offline': no device of theirs connected here) and records
   * what contacts now see (every live node's statuses combined; 'offline' when `hidden`), as one
   * atomic step; answers that change, pending, when contacts saw something else before (then this
   * node tells them, then calls `told`), else null. `lastSeen`: when this node's last device of the
   * user left, if it just did.
   */
  publish(
    user: UserId,
    status: PresenceStatus,
    hidden: boolean,
    lastSeen: number | null,
  ): Promise<PresenceChange | null>;
  /** Contacts were told `change`: it is pending no more. */
  told(change: PresenceChange): Promise<void>;
  /**
   * Whether `change` is still pending and still what contacts should see (no later change of the
   * user was recorded by any node); one that was replaced is dropped from the pending changes.
   */
  current(change: PresenceChange): Promise<boolean>;
  /** Statuses of `users` on the other live nodes; a user absent from the map is offline there. */
  elsewhere(users: readonly UserId[]): Promise<Map<UserId, PresenceStatus>>;
}

/** A user's status over several places: online when any is, away when any is (and none online). */
export function combinePresence(...statuses: PresenceStatus[]): PresenceStatus {
  if (statuses.includes('online')) return 'online';
  return statuses.includes('away') ? 'away' : 'offline';
}
