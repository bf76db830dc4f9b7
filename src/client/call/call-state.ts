// Owns the pure rules of a call's snapshot: who the other participants are,
// what an invitation step means for each of them, and the call's phase from
// its participants and this device's connection. Every function returns a new
// snapshot (UIs compare by identity).
import type { Invitation, InviteeState } from '../../protocol/invitation';
import type { UserId } from '../../protocol/message';
import { rtcCallData, type RtcCallInfo } from '../../protocol/rtc';
import type { CallParticipant, CallState } from './call-types';

function participantFromInvitee(user: UserId, state: InviteeState | undefined): CallParticipant {
  const s: CallParticipant['state'] =
    state === 'accepted'
      ? 'connecting'
      : state === 'rejected'
        ? 'declined'
        : state === 'timeout'
          ? 'missed'
          : state === 'cancelled'
            ? 'left'
            : 'ringing';
  return { user, state: s, stream: null, iceRestarts: 0 };
}

/** Everyone in the invitation but `self`: the inviter (connecting), then each invitee by its state. */
export function participantsOf(inv: Invitation, self: UserId): CallParticipant[] {
  const out: CallParticipant[] = [];
  if (inv.inviter !== self) out.push({ user: inv.inviter, state: 'connecting', stream: null, iceRestarts: 0 });
  for (const u of inv.invitees) if (u !== self) out.push(participantFromInvitee(u, inv.states[u]));
  return out;
}

export function updateParticipant(state: CallState, user: UserId, change: Partial<CallParticipant>): CallState {
  let found = false;
  const participants = state.participants.map((p) => {
    if (p.user !== user) return p;
    found = true;
    return { ...p, ...change };
  });
  if (!found) participants.push({ user, state: 'connecting', stream: null, iceRestarts: 0, ...change });
  return { ...state, participants };
}

const OUT = new Set<CallParticipant['state']>(['declined', 'missed', 'left', 'closed']);

/** The call's phase from its parts; sets `connectedAt` the first time media connects. */
export function withPhase(state: CallState, joined: boolean, online: boolean, now: number): CallState {
  if (state.ended) return state.phase === 'ended' ? state : { ...state, phase: 'ended' };
  const live = state.participants.filter((p) => !OUT.has(p.state));
  let phase: CallState['phase'];
  if (!joined) phase = 'ringing';
  else if (live.some((p) => p.state === 'connected')) phase = online ? 'connected' : 'reconnecting';
  else if (!online || live.some((p) => p.state === 'reconnecting' || p.state === 'failed')) phase = 'reconnecting';
  else if (live.length > 0 && live.every((p) => p.state === 'ringing')) phase = 'ringing';
  else phase = 'connecting';
  const connectedAt = state.connectedAt ?? (phase === 'connected' ? now : null);
  if (phase === state.phase && connectedAt === state.connectedAt) return state;
  return { ...state, phase, connectedAt };
}

/** An invitation-shaped record of a call known only from the relay. */
export function invitationOf(callId: string, call: RtcCallInfo): Invitation {
  const inv: Invitation = {
    inviteId: callId,
    inviter: call.inviter,
    invitees: call.invitees,
    data: rtcCallData(call.callType),
    timeout: 0,
    onlineUserOnly: true,
    createdAt: 0,
    deadline: null,
    states: Object.fromEntries(
      call.invitees.map((u) => [u, call.accepted.includes(u) ? ('accepted' as const) : ('pending' as const)]),
    ),
  };
  if (call.groupId !== undefined) inv.groupId = call.groupId;
  return inv;
}

/**
 * Glare: this device's outgoing 1:1 call still rings while the peer's call to this user rings
 * here. Both sides keep the call with the smaller id; returns the peer's call when it wins
 * (this side withdraws its own and answers it), else null.
 */
export function glareWinner(mine: CallState | null, incoming: Iterable<Invitation>): Invitation | null {
  if (!mine || mine.ended || mine.direction !== 'outgoing' || !mine.participants.every((p) => p.state === 'ringing'))
    return null;
  if (!mine.conversation.startsWith('single:')) return null;
  const peer = mine.conversation.slice('single:'.length);
  for (const inv of incoming)
    if (inv.inviter === peer && inv.groupId === undefined && inv.inviteId < mine.callId) return inv;
  return null;
}
