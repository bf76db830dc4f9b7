// Owns pushing relay events to the one device of each participant that holds
// a call: on this node directly, on another node of a cluster through the bus.
import type { UserId } from '../protocol/message';
import type { RtcEvent } from '../protocol/rtc';
import { PROTOCOL_VERSION } from '../protocol/version';
import type { CoreContext } from './context';
import type { LiveCall } from './rtc-calls';

/**
 * Pushes a relay event to one device (ephemeral: a device that is offline misses it); in a cluster a
 * device connected to another node is reached through the bus (then "delivered" means handed to it).
 */
export function sendToDevice(ctx: CoreContext, user: UserId, device: string, event: RtcEvent): boolean {
  const session = ctx.sessions.findDevice(user, device);
  const frame = { v: PROTOCOL_VERSION, t: 'evt' as const, e: event };
  if (session) session.send(frame);
  else if (ctx.delivery.toDevice) ctx.delivery.toDevice(user, device, JSON.stringify(frame));
  else return false;
  return true;
}

/** Pushes a relay event to every joined device but `except`'s. */
export function sendToMembers(ctx: CoreContext, call: LiveCall, event: RtcEvent, except?: UserId): void {
  for (const [user, m] of call.members) if (user !== except) sendToDevice(ctx, user, m.device, event);
}
