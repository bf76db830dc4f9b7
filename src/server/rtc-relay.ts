// Owns the media signaling relay: `rtc.join` (the inviter, or an invitee who
// accepted, puts one device in the call; another device of the same user
// takes it over), `rtc.signal` (SDP and ICE relayed only from a joined device
// to another joined participant's device, in the order received, never
// stored) and `rtc.leave` (the call ends, with its summary, when fewer than
// two remain after an answer). Anyone else is refused with 4060.
import { ErrorCode } from '../protocol/errors';
import type { Ops } from '../protocol/frames';
import type { IceServer, RtcCallInfo, RtcParticipant } from '../protocol/rtc';
import { RTC_MAX_PARTICIPANTS } from '../protocol/rtc';
import type { Caller, CoreContext } from './context';
import { fail } from './context';
import type { LiveCall } from './rtc-calls';
import { joinNote, shareCall } from './rtc-cluster';
import { removeMember } from './rtc-lifecycle';
import { sendToDevice, sendToMembers } from './rtc-push';
import type { OpHandlers } from './op-handler';

function iceServersFor(ctx: CoreContext, caller: Caller): IceServer[] {
  const option = ctx.options.iceServers;
  if (!option) return [];
  return typeof option === 'function' ? option(caller.user) : option;
}

/** The live call `callId` for someone allowed to take part in it (4060 for anyone else, 4061 once ended). */
async function callFor(ctx: CoreContext, caller: Caller, callId: string): Promise<LiveCall> {
  const live = ctx.rtc.get(callId);
  if (live) {
    if (live.inviter !== caller.user && !live.invitees.includes(caller.user)) fail(ErrorCode.CALL_NOT_JOINED);
    return live;
  }
  const inv = ctx.liveInvitations.get(callId) ?? (await ctx.storage.getInvitation(callId));
  // Strangers learn nothing about whether the id exists.
  if (!inv || (inv.inviter !== caller.user && !inv.invitees.includes(caller.user))) fail(ErrorCode.CALL_NOT_JOINED);
  const call = ctx.rtc.of(inv) ?? fail(ErrorCode.INVALID_PARAMS, 'not a call invitation');
  return call;
}

async function join(ctx: CoreContext, caller: Caller, p: Ops['rtc.join']['p']): Promise<Ops['rtc.join']['r']> {
  const call = await callFor(ctx, caller, p.callId);
  if (call.ended) fail(ErrorCode.CALL_ENDED);
  if (caller.user !== call.inviter && !call.accepted.has(caller.user))
    fail(ErrorCode.CALL_NOT_JOINED, 'accept the invitation before joining');
  const before = call.members.get(caller.user);
  if (!before && call.members.size >= RTC_MAX_PARTICIPANTS) fail(ErrorCode.CALL_FULL);
  const rejoin = before?.device === caller.device;
  const epoch = rejoin ? before.epoch : ctx.rtc.nextEpoch(call);
  if (before && !rejoin)
    sendToDevice(ctx, caller.user, before.device, { type: 'rtc', callId: call.callId, kind: 'replaced' });
  const knew = [...call.members.keys()].filter((u) => u !== caller.user);
  call.members.set(caller.user, { device: caller.device, epoch, node: ctx.nodeId });
  call.joined.add(caller.user);
  shareCall(ctx, joinNote(call, caller.user, { device: caller.device, epoch, node: ctx.nodeId }, knew));
  sendToMembers(
    ctx,
    call,
    { type: 'rtc', callId: call.callId, kind: 'joined', user: caller.user, epoch, rejoin },
    caller.user,
  );
  const participants: RtcParticipant[] = [...call.members]
    .filter(([u]) => u !== caller.user)
    .map(([user, m]) => ({ user, epoch: m.epoch }));
  const info: RtcCallInfo = {
    callType: call.callType,
    inviter: call.inviter,
    invitees: [...call.invitees],
    accepted: [...call.accepted],
  };
  if (call.groupId !== undefined) info.groupId = call.groupId;
  return { epoch, participants, iceServers: iceServersFor(ctx, caller), call: info };
}

/** The caller's joined membership: only the device that holds the call may speak for the user in it. */
async function memberOf(ctx: CoreContext, caller: Caller, callId: string): Promise<LiveCall> {
  const call = await callFor(ctx, caller, callId);
  if (call.ended) fail(ErrorCode.CALL_ENDED);
  if (call.members.get(caller.user)?.device !== caller.device)
    fail(ErrorCode.CALL_NOT_JOINED, 'this device has not joined the call');
  return call;
}

async function signal(ctx: CoreContext, caller: Caller, p: Ops['rtc.signal']['p']): Promise<Ops['rtc.signal']['r']> {
  const call = await memberOf(ctx, caller, p.callId);
  const target = call.members.get(p.to);
  if (!target || p.to === caller.user) fail(ErrorCode.CALL_PEER_NOT_JOINED);
  const epoch = call.members.get(caller.user)!.epoch;
  const delivered = sendToDevice(ctx, p.to, target.device, {
    type: 'rtc',
    callId: call.callId,
    kind: 'signal',
    from: caller.user,
    epoch,
    signal: p.signal,
  });
  return { delivered };
}

async function leave(ctx: CoreContext, caller: Caller, p: Ops['rtc.leave']['p']): Promise<Ops['rtc.leave']['r']> {
  const call = ctx.rtc.get(p.callId);
  // Leaving a call that already ended (the other side hung up first) is not an error.
  if (!call || call.ended) return {};
  await memberOf(ctx, caller, p.callId);
  await removeMember(ctx, call, caller.user);
  return {};
}

export const rtcOps: OpHandlers<'rtc.join' | 'rtc.signal' | 'rtc.leave'> = {
  'rtc.join': join,
  'rtc.signal': signal,
  'rtc.leave': leave,
};
