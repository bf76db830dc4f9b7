// Owns what the server tells a device about its call: relay events (signals,
// joins, leaves, the call moving to another device of this user, its end),
// invitation steps (who answered, who is still ringing), glare (both sides
// call each other: the call with the smaller id wins, the other is cancelled
// and the winner answered), and rejoining with an ICE restart after a
// reconnect.
import { ErrorCode, isNatterError } from '../../protocol/errors';
import type { ChatEvent } from '../../protocol/frames';
import type { Invitation } from '../../protocol/invitation';
import { GLARE_CANCEL_DATA, rtcCallType } from '../../protocol/rtc';
import type { Unsubscribe } from '../chat-client-types';
import type { CallCore } from './call-core';
import { glareWinner, participantsOf, updateParticipant } from './call-state';
import { openLocalMedia } from './local-media';

type RtcEventOf = Extract<ChatEvent, { type: 'rtc' }>;
type InvitationEvent = Extract<ChatEvent, { type: 'invitation' }>;

function onRtc(core: CallCore, e: RtcEventOf): void {
  const s = core.active();
  if (!s || e.callId !== s.callId) return;
  switch (e.kind) {
    case 'signal':
      core.session?.receive(e.from, e.epoch, e.signal);
      return;
    case 'joined':
      core.set(updateParticipant(s, e.user, { state: 'connecting' }));
      // The joiner offers (unless the server says this side does); a rejoin on the same device keeps the
      // link and restarts ICE from its side.
      core.session?.addPeer(e.user, e.epoch, e.offer === true);
      return;
    case 'left':
      core.session?.removePeer(e.user);
      core.set(updateParticipant(core.current!, e.user, { state: 'left', stream: null }));
      return;
    case 'replaced':
      core.finish('moved');
      return;
    case 'ended':
      core.finish(e.outcome, e.durationMs);
      return;
  }
}

/** Notes `inv` as ringing here (or no longer); false for an invitation that is not a call. */
function noteIncoming(core: CallCore, inv: Invitation): boolean {
  if (rtcCallType(inv.data) === null) return false;
  const me = core.client.user;
  if (inv.invitees.includes(me) && inv.states[me] === 'pending') core.incoming.set(inv.inviteId, inv);
  else core.incoming.delete(inv.inviteId);
  return true;
}

function onInvitation(core: CallCore, e: InvitationEvent, heard: Set<string>): void {
  const inv = e.invitation;
  heard.add(inv.inviteId);
  if (!noteIncoming(core, inv)) return;
  const me = core.client.user;
  const s = core.active();
  if (s && s.callId === inv.inviteId && e.invitee !== undefined && e.invitee !== me) {
    const next = participantsOf(inv, me).find((p) => p.user === e.invitee);
    const known = s.participants.find((p) => p.user === e.invitee);
    // Media states win over "accepted": only an answer or a miss moves a participant that still rings.
    if (next && known?.state === 'ringing') core.set(updateParticipant(s, e.invitee, { state: next.state }));
  }
  resolveGlare(core);
}

/** Both called each other: the call with the smaller id wins on both sides. */
export function resolveGlare(core: CallCore): void {
  const s = core.active();
  const theirs = glareWinner(s, core.incoming.values());
  if (!s || !theirs) return;
  const client = core.client;
  core.incoming.delete(theirs.inviteId);
  const local = s.localStream;
  // Keep the camera and microphone open across the switch (no second permission prompt).
  core.finish('cancelled', 0, true);
  void (async () => {
    await client.cancelInvitation(s.callId, GLARE_CANCEL_DATA).catch(() => undefined);
    await client.request('rtc.leave', { callId: s.callId }).catch(() => undefined);
    const { invitation } = await client.acceptInvitation(theirs.inviteId);
    await core.enter(
      invitation,
      core.conversationOf(invitation),
      local ?? (await openLocalMedia(s.callType === 'video')),
    );
  })().catch((e: unknown) => core.fail(e));
}

/** After a reconnect: join again (same device, same epoch) and restart ICE with everyone. */
async function rejoin(core: CallCore): Promise<void> {
  const s = core.active();
  const session = core.session;
  if (!s || !session) return;
  try {
    const res = await core.client.request('rtc.join', { callId: s.callId });
    core.joined = true;
    for (const p of res.participants) session.addPeer(p.user, p.epoch, true);
    session.restartIce();
    core.refresh();
  } catch (e) {
    if (isNatterError(e) && (e.code === ErrorCode.CALL_ENDED || e.code === ErrorCode.CALL_NOT_JOINED))
      core.finish('answered');
    else core.fail(e);
  }
}

/**
 * The call code loads when a call starts or rings, so invitations may have rung before this
 * CallClient listened: it asks for the open ones once, for glare. What an event said since is newer.
 */
function catchUp(core: CallCore, heard: Set<string>): void {
  core.client.pendingInvitations().then(
    (open) => {
      for (const inv of open) if (!heard.has(inv.inviteId)) noteIncoming(core, inv);
      resolveGlare(core);
    },
    // Offline: the events of the next connection tell what rings.
    () => undefined,
  );
}

/** Feeds the client's events to `core`; returns the unsubscribers. */
export function listenForCallEvents(core: CallCore): Unsubscribe[] {
  const client = core.client;
  const heard = new Set<string>();
  catchUp(core, heard);
  return [
    client.on('rtc', (e) => onRtc(core, e)),
    client.on('invitation', (e) => onInvitation(core, e, heard)),
    client.on('state', () => core.refresh()),
    client.on('ready', () => void rejoin(core)),
  ];
}
