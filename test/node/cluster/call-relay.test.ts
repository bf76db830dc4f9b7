// Call signaling between users connected to different nodes: the inviter on
// node 1 and the invitee on node 2 both join the call, each learns of the
// other's join, offers and candidates are relayed across nodes in order, a
// device that has not joined is still refused, and a hang-up on one node
// ends the call for the device on the other.
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createChatClient } from '../../../src/client/chat-client';
import type { ChatClient } from '../../../src/client/chat-client-types';
import { createWebSocketTransport } from '../../../src/client/websocket-transport';
import { createToken } from '../../../src/node/token';
import { ErrorCode, isNatterError } from '../../../src/protocol/errors';
import type { ChatEvent } from '../../../src/protocol/frames';
import { rtcCallData } from '../../../src/protocol/rtc';
import { SECRET } from '../support/secret';
import { Cluster } from './support/cluster';
import { useClusterServices } from './support/services';

const services = useClusterServices();

type RtcEvent = Extract<ChatEvent, { type: 'rtc' }>;

/** A client on node `node` recording its rtc events. */
function onNode(cluster: Cluster, node: number, user: string, device: string): { c: ChatClient; rtc: RtcEvent[] } {
  const c = createChatClient({
    transport: createWebSocketTransport({ url: cluster.url(node), WebSocket }),
    token: createToken(user, { secret: SECRET }),
    device,
  });
  const rtc: RtcEvent[] = [];
  c.on('rtc', (e) => rtc.push(e));
  return { c, rtc };
}

const until = async (cond: () => boolean, what: string): Promise<void> => {
  const end = Date.now() + 15_000;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/**
 * How `side` learned that `peer` is in the call: from its own join's participants (then it offers) or
 * from a joined event (it offers when the event says so); each way it heard, once per entry.
 */
type Heard = 'offers' | 'waits';
const heard = (side: { rtc: RtcEvent[] }, participants: { user: string }[], peer: string): Heard[] => [
  ...participants.filter((p) => p.user === peer).map((): Heard => 'offers'),
  ...side.rtc.flatMap((e): Heard[] => (e.kind === 'joined' && e.user === peer ? [e.offer ? 'offers' : 'waits'] : [])),
];

const code = (p: Promise<unknown>): Promise<number | 'ok'> =>
  p.then(
    () => 'ok' as const,
    (e: unknown) => (isNatterError(e) ? e.code : -1),
  );

const candidate = (i: number) => ({
  type: 'candidate' as const,
  candidate: `candidate:1 1 udp 2122260223 127.0.0.1 5000${i} typ host`,
  sdpMid: '0',
  sdpMLineIndex: 0,
});

describe('call signaling across nodes', { timeout: 120_000 }, () => {
  it('relays joins, offers, candidates and the hang-up between devices on different nodes', async () => {
    const cluster = await Cluster.start(services.postgres, services.redis, 2);
    const alice = onNode(cluster, 0, 'alice', 'a1');
    const bob = onNode(cluster, 1, 'bob', 'b1');
    const bobOther = onNode(cluster, 0, 'bob', 'b2');
    try {
      await Promise.all([alice.c.connect(), bob.c.connect(), bobOther.c.connect()]);
      const { invitation } = await alice.c.request('sig.invite', {
        invitees: ['bob'],
        data: rtcCallData('video'),
        timeout: 30,
      });
      const callId = invitation.inviteId;
      const aliceJoined = await alice.c.request('rtc.join', { callId });
      await bob.c.request('sig.accept', { inviteId: callId });
      const bobJoined = await bob.c.request('rtc.join', { callId });
      // Bob's node knew alice joined on the other node, or (when alice's note had not reached it yet)
      // bob is told so after: either way each hears of the other once and bob makes the offer.
      await until(() => heard(bob, bobJoined.participants, 'alice').length > 0, "bob hearing of alice's join");
      await until(() => heard(alice, aliceJoined.participants, 'bob').length > 0, "alice hearing of bob's join");
      expect(heard(bob, bobJoined.participants, 'alice')).toEqual(['offers']);
      expect(heard(alice, aliceJoined.participants, 'bob')).toEqual(['waits']);

      expect(
        await code(
          alice.c.request('rtc.signal', { callId, to: 'bob', signal: { type: 'offer', sdp: 'v=0 from alice' } }),
        ),
      ).toBe('ok');
      await bob.c.request('rtc.signal', { callId, to: 'alice', signal: { type: 'answer', sdp: 'v=0 from bob' } });
      for (let i = 0; i < 5; i++) await bob.c.request('rtc.signal', { callId, to: 'alice', signal: candidate(i) });
      await until(() => alice.rtc.filter((e) => e.kind === 'signal').length === 6, 'six signals at alice');
      await until(() => bob.rtc.some((e) => e.kind === 'signal'), 'the offer at bob');
      const atAlice = alice.rtc.flatMap((e) =>
        e.kind !== 'signal'
          ? []
          : e.signal.type === 'candidate'
            ? [/5000(\d) typ/.exec(e.signal.candidate)?.[1] ?? '?']
            : [e.signal.type],
      );
      // In the order bob sent them.
      expect(atAlice).toEqual(['answer', '0', '1', '2', '3', '4']);
      const offer = bob.rtc.find((e) => e.kind === 'signal');
      expect(offer).toMatchObject({ kind: 'signal', from: 'alice', signal: { type: 'offer', sdp: 'v=0 from alice' } });
      // Bob's other device (on alice's node) has not joined: it may not signal, and got nothing.
      expect(await code(bobOther.c.request('rtc.signal', { callId, to: 'alice', signal: candidate(9) }))).toBe(
        ErrorCode.CALL_NOT_JOINED,
      );
      expect(bobOther.rtc.filter((e) => e.kind === 'signal')).toEqual([]);

      await alice.c.request('rtc.leave', { callId });
      await until(() => bob.rtc.some((e) => e.kind === 'ended'), 'the end of the call at bob');
      expect(bob.rtc.find((e) => e.kind === 'ended')).toMatchObject({ outcome: 'answered' });
    } finally {
      for (const x of [alice, bob, bobOther]) x.c.close();
      await cluster.stop();
    }
  });

  it('two devices joining at once on different nodes each hear of the other once, and one of them offers', async () => {
    const cluster = await Cluster.start(services.postgres, services.redis, 2);
    const alice = onNode(cluster, 0, 'alice', 'a1');
    const bob = onNode(cluster, 1, 'bob', 'b1');
    try {
      await Promise.all([alice.c.connect(), bob.c.connect()]);
      for (let round = 0; round < 3; round++) {
        const { invitation } = await alice.c.request('sig.invite', {
          invitees: ['bob'],
          data: rtcCallData('audio'),
          timeout: 30,
        });
        const callId = invitation.inviteId;
        await bob.c.request('sig.accept', { inviteId: callId });
        // Both join in the same turn, so each node usually handles its join before the other's note arrives.
        const [aliceJoined, bobJoined] = await Promise.all([
          alice.c.request('rtc.join', { callId }),
          bob.c.request('rtc.join', { callId }),
        ]);
        const ofCall = (side: { rtc: RtcEvent[] }) => ({ rtc: side.rtc.filter((e) => e.callId === callId) });
        await until(() => heard(ofCall(alice), aliceJoined.participants, 'bob').length > 0, 'alice hearing of bob');
        await until(() => heard(ofCall(bob), bobJoined.participants, 'alice').length > 0, 'bob hearing of alice');
        // Late duplicates would come within the bus's delay.
        await new Promise((r) => setTimeout(r, 300));
        const sides = [
          heard(ofCall(alice), aliceJoined.participants, 'bob'),
          heard(ofCall(bob), bobJoined.participants, 'alice'),
        ];
        expect(sides.map((s) => s.length)).toEqual([1, 1]);
        expect(sides.flat().sort()).toEqual(['offers', 'waits']);
        // The one who offers reaches the other: both nodes hold both members now.
        const offerer = sides[0]![0] === 'offers' ? { from: alice, to: 'bob' } : { from: bob, to: 'alice' };
        expect(
          await code(
            offerer.from.c.request('rtc.signal', { callId, to: offerer.to, signal: { type: 'offer', sdp: 'v=0' } }),
          ),
        ).toBe('ok');
        await alice.c.request('rtc.leave', { callId });
        await until(() => bob.rtc.some((e) => e.callId === callId && e.kind === 'ended'), 'the end of the call at bob');
      }
    } finally {
      for (const x of [alice, bob]) x.c.close();
      await cluster.stop();
    }
  });
});
