// Owns telling contacts one presence change recorded in a cluster (by this
// node, or by one that died before it could): last seen saved, the user's
// contacts found, the change queued for them through ContactFanout.
import type { UserId } from '../protocol/message';
import { contactsOf } from './contacts';
import type { CoreContext } from './context';
import type { PresenceChange } from './presence-share';
import { ensureProfile } from './profiles';

/**
 * Queues `change` for its contacts and settles with whether it was handed to the delivery (false:
 * the node is stopping and it stays pending, or `stillCurrent` said a later change replaced it).
 * Last seen is saved first, so a contact who asks next reads the time they were told.
 */
export async function notifyChange(
  ctx: CoreContext,
  change: PresenceChange,
  stillCurrent?: () => Promise<boolean>,
): Promise<boolean> {
  if (change.status === 'offline' && change.lastSeen !== null) await saveLastSeen(ctx, change.user, change.lastSeen);
  const [record, contacts] = await Promise.all([ensureProfile(ctx, change.user), contactsOf(ctx, change.user)]);
  // Asked last, just before the fan-out, so the window for a later change to slip in is one round trip.
  if (stillCurrent && !(await stillCurrent())) return false;
  const lastSeen = change.status === 'offline' && !record.hidePresence ? (change.lastSeen ?? record.lastSeen) : null;
  ctx.people.fanout.presence(contacts, { user: change.user, status: change.status, lastSeen });
  return ctx.people.fanout.sent();
}

/** Saves when `user` was last seen. */
export async function saveLastSeen(ctx: CoreContext, user: UserId, at: number): Promise<void> {
  const record = await ensureProfile(ctx, user);
  record.lastSeen = at;
  await ctx.storage.putProfile(record);
}
