// Owns keeping a live call's membership the same on every node of a cluster.
// Calls live in each node's memory (rtc-calls.ts); when a device joins or
// leaves, or the call ends, the node that saw it tells the others with a
// note over the cluster's bus, and each applies it to its own copy of the
// call (creating it from the note when it has none). Events to the devices
// themselves are sent once, by the node that saw the change, and reach
// devices on other nodes through the Delivery (rtc-lifecycle.ts). A join
// note names the node holding the device, so that when that node goes away
// the one survivor handed it keeps the device's place for a while, then
// takes it out of the call (rtc-lifecycle.ts); a node that starts asks the
// others for the members they hold, so a device rejoining on a restarted or
// new node finds its call there.
import type { UserId } from '../protocol/message';
import type { CoreContext } from './context';
import type { CallMember, LiveCall } from './rtc-calls';
import { sendToDevice } from './rtc-push';

export type CallNote =
  | ({
      callId: string;
      kind: 'join';
      user: UserId;
      call: Pick<LiveCall, 'callType' | 'inviter' | 'invitees' | 'groupId' | 'answeredAt'> & { accepted: UserId[] };
      /** On a join (not a sync answer): the other members the joining node knew of when the device joined. */
      knew?: UserId[];
    } & CallMember)
  | { callId: string; kind: 'leave'; user: UserId }
  | { callId: string; kind: 'end' }
  /** A node starting asks the others for the members they hold (it has no copy of any call). */
  | { kind: 'sync' };

/** Tells the other nodes (nothing to do on a single node). */
export function shareCall(ctx: CoreContext, note: CallNote): void {
  ctx.delivery.broadcast?.(JSON.stringify(note));
}

/** The join note of `user`'s device in `call`. */
export function joinNote(call: LiveCall, user: UserId, member: CallMember, knew?: UserId[]): CallNote {
  const shape: Extract<CallNote, { kind: 'join' }>['call'] = {
    callType: call.callType,
    inviter: call.inviter,
    invitees: [...call.invitees],
    answeredAt: call.answeredAt,
    accepted: [...call.accepted],
  };
  if (call.groupId !== undefined) shape.groupId = call.groupId;
  const note: CallNote = { callId: call.callId, kind: 'join', user, ...member, call: shape };
  if (knew) note.knew = knew;
  return note;
}

/**
 * Two devices that joined on different nodes at the same moment, each before its node heard of the
 * other, were told of nobody: the node with the lower id (one of the two, so it happens once) tells
 * each about the other, and the one that joined on the other node makes the offer.
 */
function introduce(ctx: CoreContext, call: LiveCall, note: Extract<CallNote, { kind: 'join' }>): void {
  if (!note.knew || !(ctx.nodeId < note.node)) return;
  for (const [user, m] of call.members) {
    if (user === note.user || m.node !== ctx.nodeId || note.knew.includes(user)) continue;
    const base = { type: 'rtc', callId: call.callId, kind: 'joined', rejoin: false } as const;
    sendToDevice(ctx, user, m.device, { ...base, user: note.user, epoch: note.epoch });
    sendToDevice(ctx, note.user, note.device, { ...base, user, epoch: m.epoch, offer: true });
  }
}

/** Applies another node's note to this node's copy of the call. */
export function applyCallNote(ctx: CoreContext, text: string): void {
  const note = JSON.parse(text) as CallNote;
  if (note.kind === 'sync') {
    // Every node answers with every member it knows of (the node holding one may be the one that
    // restarted); the asking node takes the same member as many times as it is told.
    for (const call of ctx.rtc.all()) {
      if (call.ended) continue;
      for (const [user, m] of call.members) shareCall(ctx, joinNote(call, user, m));
    }
    return;
  }
  if (note.kind === 'join') {
    const call = ctx.rtc.adopt(note.callId, note.call);
    if (call.ended) return;
    for (const user of note.call.accepted) call.accepted.add(user);
    call.answeredAt ??= note.call.answeredAt;
    // A member this node already holds has rejoined or moved to another device: its peers know it.
    const fresh = !call.members.has(note.user);
    call.members.set(note.user, { device: note.device, epoch: note.epoch, node: note.node });
    call.lastEpoch = Math.max(call.lastEpoch, note.epoch);
    call.joined.add(note.user);
    if (fresh) introduce(ctx, call, note);
    return;
  }
  const call = ctx.rtc.get(note.callId);
  if (!call) return;
  if (note.kind === 'leave') {
    call.members.delete(note.user);
    return;
  }
  call.ended = true;
  call.members.clear();
  ctx.rtc.forget(note.callId);
}
