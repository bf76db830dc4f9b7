import { describe, expect, it } from 'vitest';
import { createEmbeddedServer } from '../../src/server/embedded-server';
import { createManualClock } from '../../src/server/clock';
import { ErrorCode } from '../../src/protocol/errors';
import { CALL_SUMMARY_EVENT, RTC_MAX_SDP_BYTES, isCallSummary, rtcCallData } from '../../src/protocol/rtc';
import { RTC_REJOIN_GRACE_MS } from '../../src/server/rtc-lifecycle';
import type { Message } from '../../src/protocol/message';
import { login } from './raw-client';

const candidate = {
  type: 'candidate' as const,
  candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host',
  sdpMid: '0',
  sdpMLineIndex: 0,
};

async function setup() {
  const clock = createManualClock();
  const server = createEmbeddedServer({
    clock,
    iceServers: (user) => [{ urls: 'turn:turn.example:3478', username: `exp:${user}`, credential: 'c' }],
  });
  const alice = await login(server.connect(), 'alice', { device: 'a1' });
  const bob = await login(server.connect(), 'bob', { device: 'b1' });
  const mallory = await login(server.connect(), 'mallory', { device: 'm1' });
  return { clock, server, alice, bob, mallory };
}

async function answeredCall(s: Awaited<ReturnType<typeof setup>>) {
  const { invitation } = await s.alice.ok('sig.invite', {
    invitees: ['bob'],
    data: rtcCallData('video'),
    timeout: 30,
    onlineUserOnly: true,
  });
  const callId = invitation.inviteId;
  await s.alice.ok('rtc.join', { callId });
  await s.bob.ok('sig.accept', { inviteId: callId });
  const joined = await s.bob.ok('rtc.join', { callId });
  return { callId, joined };
}

const summaries = (messages: Message[]) => messages.filter(isCallSummary);

describe('media signaling relay', () => {
  it('relays offers and candidates only between the joined devices, in order, and hands out ICE servers', async () => {
    const s = await setup();
    const { callId, joined } = await answeredCall(s);
    expect(joined.participants).toEqual([{ user: 'alice', epoch: expect.any(Number) }]);
    expect(joined.iceServers).toEqual([{ urls: 'turn:turn.example:3478', username: 'exp:bob', credential: 'c' }]);
    await s.bob.ok('rtc.signal', { callId, to: 'alice', signal: { type: 'offer', sdp: 'v=0 first' } });
    for (let i = 0; i < 5; i++)
      await s.bob.ok('rtc.signal', {
        callId,
        to: 'alice',
        signal: { ...candidate, candidate: `${candidate.candidate} ${i}` },
      });
    await s.alice.sync();
    const got = s.alice.eventsOf('rtc').filter((e) => e.kind === 'signal');
    expect(
      got.map((e) => (e.kind === 'signal' && e.signal.type === 'candidate' ? e.signal.candidate.slice(-1) : 'offer')),
    ).toEqual(['offer', '0', '1', '2', '3', '4']);
    expect(s.alice.events.filter((e) => e.e.type === 'rtc').every((e) => e.pos === undefined)).toBe(true);
    // Nothing of it is in history.
    const history = await s.alice.ok('history', { conversation: 'single:bob' });
    expect(history.messages).toEqual([]);
  });

  it("a stranger's forged candidate is refused with 4060 and reaches nobody", async () => {
    const s = await setup();
    const { callId } = await answeredCall(s);
    const before = s.alice.frames.length;
    expect(await s.mallory.code('rtc.signal', { callId, to: 'alice', signal: candidate })).toBe(
      ErrorCode.CALL_NOT_JOINED,
    );
    expect(await s.mallory.code('rtc.join', { callId })).toBe(ErrorCode.CALL_NOT_JOINED);
    // A second device of a participant that has not joined is refused too.
    const bob2 = await login(s.server.connect(), 'bob', { device: 'b2' });
    expect(await bob2.code('rtc.signal', { callId, to: 'alice', signal: candidate })).toBe(ErrorCode.CALL_NOT_JOINED);
    await s.alice.sync();
    expect(s.alice.frames.slice(before).filter((f) => f.t === 'evt')).toEqual([]);
  });

  it('refuses an invitee who has not accepted, oversized SDP (511) and malformed signals (4002)', async () => {
    const s = await setup();
    const { invitation } = await s.alice.ok('sig.invite', {
      invitees: ['bob'],
      data: rtcCallData('audio'),
      timeout: 30,
      onlineUserOnly: true,
    });
    expect(await s.bob.code('rtc.join', { callId: invitation.inviteId })).toBe(ErrorCode.CALL_NOT_JOINED);
    await s.alice.ok('rtc.join', { callId: invitation.inviteId });
    expect(
      await s.alice.code('rtc.signal', {
        callId: invitation.inviteId,
        to: 'bob',
        signal: { type: 'offer', sdp: 'x'.repeat(RTC_MAX_SDP_BYTES + 1) },
      }),
    ).toBe(ErrorCode.TOO_LARGE);
    expect(
      await s.alice.code('rtc.signal', { callId: invitation.inviteId, to: 'bob', signal: { type: 'bogus' } as never }),
    ).toBe(ErrorCode.INVALID_PARAMS);
    expect(await s.alice.code('rtc.signal', { callId: invitation.inviteId, to: 'bob', signal: candidate })).toBe(
      ErrorCode.CALL_PEER_NOT_JOINED,
    );
  });

  it('hang-up ends the call for the other side and writes one summary with the duration', async () => {
    const s = await setup();
    const { callId } = await answeredCall(s);
    s.clock.advance(65_000);
    await s.bob.ok('rtc.leave', { callId });
    await s.alice.ok('rtc.leave', { callId });
    await s.alice.sync();
    expect(s.alice.eventsOf('rtc').find((e) => e.kind === 'ended')).toMatchObject({
      outcome: 'answered',
      durationMs: 65_000,
    });
    const history = await s.alice.ok('history', { conversation: 'single:bob' });
    expect(summaries(history.messages)).toHaveLength(1);
    expect(history.messages[0]).toMatchObject({
      from: 'alice',
      to: 'bob',
      body: {
        type: 'custom',
        customEvent: CALL_SUMMARY_EVENT,
        customExts: { outcome: 'answered', durationMs: '65000', callType: 'video', joined: 'alice,bob' },
      },
    });
    expect(await s.bob.code('rtc.join', { callId })).toBe(ErrorCode.CALL_NOT_JOINED);
  });

  it('a call nobody answers leaves one "missed" summary; a declined one says so', async () => {
    const s = await setup();
    const missed = await s.alice.ok('sig.invite', {
      invitees: ['bob'],
      data: rtcCallData('audio'),
      timeout: 30,
      onlineUserOnly: true,
    });
    await s.alice.ok('rtc.join', { callId: missed.invitation.inviteId });
    s.clock.advance(31_000);
    // The server's timer times the call out (and writes its summary) in a transaction of its own.
    await s.alice.waitFor((f) => f.t === 'evt' && f.e.type === 'invitation' && f.e.action === 'timeout');
    await s.alice.waitFor((f) => f.t === 'evt' && f.e.type === 'message');
    const declined = await s.alice.ok('sig.invite', {
      invitees: ['bob'],
      data: rtcCallData('audio'),
      timeout: 30,
      onlineUserOnly: true,
    });
    await s.bob.ok('sig.reject', { inviteId: declined.invitation.inviteId });
    const history = await s.bob.ok('history', { conversation: 'single:alice' });
    expect(summaries(history.messages).map((m) => m.body.type === 'custom' && m.body.customExts.outcome)).toEqual([
      'declined',
      'missed',
    ]);
  });

  it('joining from another device hands the call over: the old device is told, the peer sees a new epoch', async () => {
    const s = await setup();
    const { callId, joined } = await answeredCall(s);
    await s.alice.sync();
    const firstJoin = s.alice.eventsOf('rtc').find((e) => e.kind === 'joined');
    const bob2 = await login(s.server.connect(), 'bob', { device: 'b2' });
    const taken = await bob2.ok('rtc.join', { callId });
    expect(taken.epoch).not.toBe(joined.epoch);
    await s.bob.sync();
    expect(s.bob.eventsOf('rtc').map((e) => e.kind)).toContain('replaced');
    expect(await s.bob.code('rtc.signal', { callId, to: 'alice', signal: candidate })).toBe(ErrorCode.CALL_NOT_JOINED);
    await s.alice.sync();
    const joins = s.alice.eventsOf('rtc').filter((e) => e.kind === 'joined');
    expect(joins.map((e) => e.kind === 'joined' && e.epoch)).toEqual([
      firstJoin?.kind === 'joined' && firstJoin.epoch,
      taken.epoch,
    ]);
    // The same device joining again (after a reconnect) keeps its epoch and is marked as a rejoin.
    const again = await bob2.ok('rtc.join', { callId });
    expect(again.epoch).toBe(taken.epoch);
    await s.alice.sync();
    expect(
      s.alice
        .eventsOf('rtc')
        .filter((e) => e.kind === 'joined')
        .at(-1),
    ).toMatchObject({ rejoin: true, epoch: taken.epoch });
  });

  it('a device that lost its connection keeps its place for a minute; one that never comes back leaves and the call ends with its summary', async () => {
    const s = await setup();
    const { callId } = await answeredCall(s);
    const offline = async () => {
      for (let i = 0; i < 1000 && s.server.core.isOnline('bob'); i++) await new Promise((r) => setTimeout(r, 1));
    };
    s.bob.close();
    await offline();
    s.clock.advance(RTC_REJOIN_GRACE_MS - 1);
    // Back in time (same device): still in the call, nobody was told it left.
    const back = await login(s.server.connect(), 'bob', { device: 'b1' });
    expect((await back.ok('rtc.join', { callId })).participants.map((p) => p.user)).toEqual(['alice']);
    s.clock.advance(1);
    await s.alice.sync();
    expect(s.alice.eventsOf('rtc').map((e) => e.kind)).not.toContain('left');
    // Gone for good this time.
    back.close();
    await offline();
    s.clock.advance(RTC_REJOIN_GRACE_MS);
    await s.alice.waitFor((f) => f.t === 'evt' && f.e.type === 'rtc' && f.e.kind === 'ended');
    expect(
      s.alice
        .eventsOf('rtc')
        .filter((e) => e.kind === 'left' || e.kind === 'ended')
        .map((e) => e.kind),
    ).toEqual(['left', 'ended']);
    await s.alice.waitFor((f) => f.t === 'evt' && f.e.type === 'message');
    expect(summaries((await s.alice.ok('history', { conversation: 'single:bob' })).messages)).toHaveLength(1);
  });
});
