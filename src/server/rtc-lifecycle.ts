// Owns the life of a live call around the relay: following the call's
// invitation (first answer, or closed unanswered), and ending a call once with
// the one summary message it leaves in its conversation (answered with a
// duration, or missed / declined / cancelled).
import type { Invitation } from '../protocol/invitation';
import { isInvitationOpen } from '../protocol/invitation';
import type { UserId } from '../protocol/message';
import type { CallOutcome, CallSummaryExts } from '../protocol/rtc';
import { CALL_SUMMARY_EVENT, GLARE_CANCEL_DATA } from '../protocol/rtc';
import type { CoreContext } from './context';
import { inTx } from './context';
import { storeMessage } from './message-store';
import type { CallMember, LiveCall } from './rtc-calls';
import { shareCall } from './rtc-cluster';
import { sendToMembers } from './rtc-push';

/** Ends a call once: tells the devices still in it, writes its summary message and forgets it. */
async function endCall(ctx: CoreContext, call: LiveCall, outcome: CallOutcome, summary = true): Promise<void> {
  if (call.ended) return;
  call.ended = true;
  const durationMs =
    outcome === 'answered' && call.answeredAt !== null ? Math.max(0, ctx.clock.now() - call.answeredAt) : 0;
  sendToMembers(ctx, call, { type: 'rtc', callId: call.callId, kind: 'ended', outcome, durationMs });
  call.members.clear();
  shareCall(ctx, { callId: call.callId, kind: 'end' });
  if (summary) await writeSummary(ctx, call, outcome, durationMs);
  ctx.rtc.forget(call.callId);
}

async function writeSummary(ctx: CoreContext, call: LiveCall, outcome: CallOutcome, durationMs: number): Promise<void> {
  const exts: CallSummaryExts = {
    callId: call.callId,
    callType: call.callType,
    inviter: call.inviter,
    outcome,
    durationMs: String(durationMs),
    joined: [...call.joined].join(','),
  };
  const group = call.groupId;
  const peer = call.invitees[0] ?? call.inviter;
  await inTx(ctx, async (t) => {
    const members =
      group !== undefined
        ? ((await t.storage.getGroup(group))?.members ?? [call.inviter, ...call.invitees])
        : [call.inviter, peer];
    await storeMessage(
      t,
      {
        localId: `~call-${call.callId}`,
        from: call.inviter,
        to: group ?? peer,
        chatType: group !== undefined ? 'group' : 'single',
        body: { type: 'custom', customEvent: CALL_SUMMARY_EVENT, customExts: { ...exts } },
      },
      { members },
    );
  });
}

/**
 * Follows every step of a natter call invitation: the first accept starts the clock; an
 * invitation that closes with nobody having accepted ends the call as missed, declined or
 * cancelled; a cancel after an answer (group calls) only stops the ringing.
 */
export async function followInvitation(ctx: CoreContext, inv: Invitation, stepData = ''): Promise<void> {
  const call = ctx.rtc.of(inv);
  if (!call || call.ended) return;
  for (const [user, state] of Object.entries(inv.states)) if (state === 'accepted') call.accepted.add(user);
  const states = Object.values(inv.states);
  if (call.answeredAt === null && states.includes('accepted')) call.answeredAt = ctx.clock.now();
  if (isInvitationOpen(inv) || call.answeredAt !== null) return;
  const outcome: CallOutcome = states.every((s) => s === 'rejected')
    ? 'declined'
    : states.includes('cancelled')
      ? 'cancelled'
      : 'missed';
  // The losing call of a glare was replaced by the other one: one call, one summary.
  await endCall(ctx, call, outcome, stepData !== GLARE_CANCEL_DATA);
}

/** How long a joined device that lost its connection keeps its place before it is taken out of the call. */
export const RTC_REJOIN_GRACE_MS = 60_000;

/** Removes `user` from the call (left, or gone for good); the call ends when fewer than two remain after an answer. */
export async function removeMember(ctx: CoreContext, call: LiveCall, user: UserId): Promise<void> {
  call.members.delete(user);
  shareCall(ctx, { callId: call.callId, kind: 'leave', user });
  sendToMembers(ctx, call, { type: 'rtc', callId: call.callId, kind: 'left', user });
  if (call.answeredAt !== null && call.members.size < 2) await endCall(ctx, call, 'answered');
}

/**
 * A session closed: a call it carried keeps the device's place for a while (media may still flow
 * peer to peer, and the device rejoins with an ICE restart after reconnecting); a device that is
 * not back by then leaves, so a call whose people all went away still ends with its summary.
 */
export function deviceGone(ctx: CoreContext, user: UserId, device: string): void {
  for (const call of ctx.rtc.all()) {
    const m = call.members.get(user);
    if (!call.ended && m?.device === device && m.node === ctx.nodeId) keepPlace(ctx, call, user, m);
  }
}

/**
 * Another node went away (handed to this node alone): the devices it carried in calls keep their
 * places for the same while, then leave unless they joined again on a live node.
 */
export function nodeGone(ctx: CoreContext, node: string): void {
  for (const call of ctx.rtc.all()) {
    if (call.ended) continue;
    for (const [user, m] of call.members) if (m.node === node) keepPlace(ctx, call, user, m);
  }
}

/** Takes `user` out of `call` after the grace, unless their device came back (here or on another node). */
function keepPlace(ctx: CoreContext, call: LiveCall, user: UserId, left: CallMember): void {
  const timer = ctx.clock.setTimeout(() => {
    ctx.rtc.timers.delete(timer);
    const now = call.members.get(user);
    if (call.ended || !now || now.device !== left.device || now.node !== left.node) return;
    // A device back on this node rejoins on its own; until it does, its session counts as back.
    if (left.node === ctx.nodeId && ctx.sessions.findDevice(user, left.device)) return;
    removeMember(ctx, call, user).catch((e: unknown) => (ctx.options.onError ?? console.error)(e));
  }, RTC_REJOIN_GRACE_MS);
  ctx.rtc.timers.add(timer);
}
