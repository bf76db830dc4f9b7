import { describe, expect, it } from 'vitest';
import {
  glareWinner,
  invitationOf,
  participantsOf,
  updateParticipant,
  withPhase,
} from '../../../src/client/call/call-state';
import type { CallState } from '../../../src/client/call/call-types';
import type { Invitation } from '../../../src/protocol/invitation';
import { rtcCallData, rtcCallType } from '../../../src/protocol/rtc';

const inv = (over: Partial<Invitation> = {}): Invitation => ({
  inviteId: '01B',
  inviter: 'alice',
  invitees: ['bob'],
  data: rtcCallData('video'),
  timeout: 30,
  onlineUserOnly: true,
  createdAt: 0,
  deadline: null,
  states: { bob: 'pending' },
  ...over,
});

const call = (over: Partial<CallState> = {}): CallState => ({
  callId: '01B',
  conversation: 'single:bob',
  callType: 'video',
  direction: 'outgoing',
  inviter: 'alice',
  phase: 'ringing',
  participants: [{ user: 'bob', state: 'ringing', stream: null, iceRestarts: 0 }],
  localStream: null,
  muted: false,
  cameraOff: false,
  screenSharing: false,
  connectedAt: null,
  error: null,
  ended: null,
  ...over,
});

describe('call state', () => {
  it('lists the other participants with what the invitation says of each', () => {
    const group = inv({
      invitees: ['bob', 'carol', 'dan'],
      groupId: 'crew',
      states: { bob: 'accepted', carol: 'rejected', dan: 'timeout' },
    });
    expect(participantsOf(group, 'bob').map((p) => [p.user, p.state])).toEqual([
      ['alice', 'connecting'],
      ['carol', 'declined'],
      ['dan', 'missed'],
    ]);
    expect(participantsOf(group, 'alice').map((p) => p.state)).toEqual(['connecting', 'declined', 'missed']);
  });

  it('phases: ringing until someone answers, connected once media connects (clock starts), reconnecting while offline', () => {
    const ringing = withPhase(call({ phase: 'connecting' }), true, true, 1000);
    expect(ringing.phase).toBe('ringing');
    const answered = withPhase(updateParticipant(ringing, 'bob', { state: 'connecting' }), true, true, 2000);
    expect(answered).toMatchObject({ phase: 'connecting', connectedAt: null });
    const connected = withPhase(updateParticipant(answered, 'bob', { state: 'connected' }), true, true, 3000);
    expect(connected).toMatchObject({ phase: 'connected', connectedAt: 3000 });
    expect(withPhase(connected, true, false, 4000)).toMatchObject({ phase: 'reconnecting', connectedAt: 3000 });
    expect(withPhase(updateParticipant(connected, 'bob', { state: 'reconnecting' }), true, true, 5000).phase).toBe(
      'reconnecting',
    );
    // Nothing changed: the same snapshot comes back (UIs compare by identity).
    expect(withPhase(connected, true, true, 6000)).toBe(connected);
  });

  it('glare: the call with the smaller id wins on both sides; only a still-ringing 1:1 outgoing call yields', () => {
    const theirs = inv({ inviteId: '01A', inviter: 'bob', invitees: ['alice'], states: { alice: 'pending' } });
    expect(glareWinner(call({ callId: '01B' }), [theirs])).toBe(theirs);
    expect(glareWinner(call({ callId: '019' }), [theirs])).toBeNull();
    expect(
      glareWinner(
        call({ callId: '01B', participants: [{ user: 'bob', state: 'connecting', stream: null, iceRestarts: 0 }] }),
        [theirs],
      ),
    ).toBeNull();
    expect(glareWinner(call({ callId: '01B', conversation: 'group:crew' }), [theirs])).toBeNull();
    expect(glareWinner(call({ callId: '01B' }), [{ ...theirs, inviter: 'carol' }])).toBeNull();
  });

  it('a call known only from the relay becomes an invitation-shaped record', () => {
    const record = invitationOf('01C', {
      callType: 'audio',
      inviter: 'alice',
      invitees: ['bob', 'carol'],
      groupId: 'crew',
      accepted: ['bob'],
    });
    expect(record).toMatchObject({ inviteId: '01C', groupId: 'crew', states: { bob: 'accepted', carol: 'pending' } });
    expect(rtcCallType(record.data)).toBe('audio');
    expect(rtcCallType('{"call_type":"video"}')).toBeNull();
  });
});
