// Calls across the nodes of a cluster when devices move and nodes go away:
// a device that takes a call over on another node gets a higher epoch than
// the one it replaces (nodes do not count epochs apart); a device that
// comes back on another node keeps its place when the grace its old node
// armed runs out; a device whose node was restarted rejoins there and finds
// its call and peer (a starting node asks the others for their calls); and
// the devices of a node killed with -9 keep their place for the grace, then
// leave, ending the call once with its summary.
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createChatClient } from '../../../src/client/chat-client';
import type { ChatClient } from '../../../src/client/chat-client-types';
import { createWebSocketTransport } from '../../../src/client/websocket-transport';
import { createToken } from '../../../src/node/token';
import { ErrorCode, isNatterError } from '../../../src/protocol/errors';
import type { ChatEvent } from '../../../src/protocol/frames';
import { conversationId } from '../../../src/protocol/ids';
import type { Message } from '../../../src/protocol/message';
import { CALL_SUMMARY_EVENT, rtcCallData } from '../../../src/protocol/rtc';
import { RTC_REJOIN_GRACE_MS } from '../../../src/server/rtc-lifecycle';
import { SECRET } from '../support/secret';
import { Cluster } from './support/cluster';
import { useClusterServices } from './support/services';

const services = useClusterServices();

type RtcEvent = Extract<ChatEvent, { type: 'rtc' }>;

interface Device {
  c: ChatClient;
  rtc: RtcEvent[];
  messages: Message[];
  presence: Array<{ user: string; status: string }>;
}

/** A client of `user` on node `node` recording its rtc events, messages and presence; reconnects to the same node if asked. */
function onNode(cluster: Cluster, node: number, user: string, device: string, reconnect = false): Device {
  const c = createChatClient({
    transport: createWebSocketTransport({ url: cluster.url(node), WebSocket }),
    token: createToken(user, { secret: SECRET }),
    device,
    reconnect: reconnect ? { initialDelayMs: 100, maxDelayMs: 500 } : false,
  });
  const d: Device = { c, rtc: [], messages: [], presence: [] };
  c.on('rtc', (e) => d.rtc.push(e));
  c.on('message', (e) => d.messages.push(e.message));
  c.on('presence', (e) => d.presence.push(...e.presence));
  return d;
}

const until = async (cond: () => boolean, what: string, ms = 40_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

const code = (p: Promise<unknown>): Promise<number | 'ok'> =>
  p.then(
    () => 'ok' as const,
    (e: unknown) => (isNatterError(e) ? e.code : -1),
  );

const offer = (sdp: string) => ({ type: 'offer' as const, sdp });

/** Alice calls bob; both join; returns the call id. */
async function answeredCall(alice: Device, bob: Device): Promise<string> {
  const { invitation } = await alice.c.request('sig.invite', {
    invitees: ['bob'],
    data: rtcCallData('audio'),
    timeout: 30,
  });
  const callId = invitation.inviteId;
  await alice.c.request('rtc.join', { callId });
  await bob.c.request('sig.accept', { inviteId: callId });
  await bob.c.request('rtc.join', { callId });
  await until(() => alice.rtc.some((e) => e.kind === 'joined' && e.user === 'bob'), "alice hearing of bob's join");
  return callId;
}

const summaries = (d: Device) =>
  d.messages.filter((m) => m.body.type === 'custom' && m.body.customEvent === CALL_SUMMARY_EVENT);

describe('calls when devices move between nodes and nodes go away', { timeout: 150_000 }, () => {
  it('a device taking the call over on another node gets a higher epoch, and the peer hears it', async () => {
    const cluster = await Cluster.start(services.postgres, services.redis, 2);
    const alice = onNode(cluster, 0, 'alice', 'a1');
    const phone = onNode(cluster, 0, 'bob', 'phone');
    const laptop = onNode(cluster, 1, 'bob', 'laptop');
    try {
      await Promise.all([alice.c.connect(), phone.c.connect(), laptop.c.connect()]);
      const callId = await answeredCall(alice, phone);
      const first = alice.rtc.find((e) => e.kind === 'joined' && e.user === 'bob');
      // Node 0 has handed out two epochs, node 1 none. The text reaches the laptop through Redis
      // after node 0's note of the phone's join reached node 1. Waited for by its body: the laptop
      // already has the invitation's messages (invite, accept), which came before that note.
      await phone.c.sendText(conversationId('single', 'alice'), 'moving to the laptop');
      await until(
        () => laptop.messages.some((m) => m.body.type === 'txt' && m.body.msg === 'moving to the laptop'),
        'the text at the laptop',
      );
      const moved = await laptop.c.request('rtc.join', { callId });
      expect(moved.participants.map((p) => p.user)).toEqual(['alice']);
      await until(() => phone.rtc.some((e) => e.kind === 'replaced'), 'the phone told it was replaced');
      await until(
        () => alice.rtc.filter((e) => e.kind === 'joined' && e.user === 'bob').length === 2,
        "alice hearing of the laptop's join",
      );
      const second = alice.rtc.filter((e) => e.kind === 'joined' && e.user === 'bob')[1];
      expect(first?.kind === 'joined' && second?.kind === 'joined').toBe(true);
      if (first?.kind !== 'joined' || second?.kind !== 'joined') return;
      expect(second.rejoin).toBe(false);
      // Alice's media drops signals of an epoch older than the link it has for bob.
      expect(second.epoch).toBeGreaterThan(first.epoch);
      expect(moved.epoch).toBe(second.epoch);
      await laptop.c.request('rtc.signal', { callId, to: 'alice', signal: offer('v=0 laptop') });
      await until(() => alice.rtc.some((e) => e.kind === 'signal'), 'the laptop offer at alice');
      expect(alice.rtc.find((e) => e.kind === 'signal')).toMatchObject({ from: 'bob', epoch: second.epoch });
    } finally {
      for (const x of [alice, phone, laptop]) x.c.close();
      await cluster.stop();
    }
  });

  it('a device back on another node keeps its place when the grace armed by its old node runs out', async () => {
    const cluster = await Cluster.start(services.postgres, services.redis, 3);
    const alice = onNode(cluster, 0, 'alice', 'a1');
    const bob = onNode(cluster, 1, 'bob', 'b1');
    let back: Device | null = null;
    try {
      await Promise.all([alice.c.connect(), bob.c.connect()]);
      const callId = await answeredCall(alice, bob);
      const joined = alice.rtc.find((e) => e.kind === 'joined' && e.user === 'bob');
      // Bob's connection to node 1 ends; the same device comes back on node 2 and rejoins.
      bob.c.close();
      back = onNode(cluster, 2, 'bob', 'b1');
      await back.c.connect();
      const rejoined = await back.c.request('rtc.join', { callId });
      expect(joined?.kind === 'joined' && rejoined.epoch === joined.epoch).toBe(true);
      await until(
        () => alice.rtc.some((e) => e.kind === 'joined' && e.user === 'bob' && e.rejoin),
        "alice hearing of bob's rejoin",
      );
      await cluster.advance(RTC_REJOIN_GRACE_MS + 1000);
      // Whatever node 1 did at the end of its grace has reached alice by the time this does.
      await back.c.sendText(conversationId('single', 'alice'), 'still here');
      await until(() => alice.messages.some((m) => m.body.type === 'txt'), 'the text at alice');
      expect(await code(back.c.request('rtc.signal', { callId, to: 'alice', signal: offer('v=0 back') }))).toBe('ok');
      await until(() => alice.rtc.some((e) => e.kind === 'signal'), 'the offer at alice');
      expect(alice.rtc.filter((e) => e.kind === 'left' || e.kind === 'ended')).toEqual([]);
    } finally {
      for (const x of [alice, bob, back]) x?.c.close();
      await cluster.stop();
    }
  });

  it('a device whose node was restarted during the call rejoins there and finds the call and its peer', async () => {
    const cluster = await Cluster.start(services.postgres, services.redis, 2);
    const alice = onNode(cluster, 0, 'alice', 'a1', true);
    const bob = onNode(cluster, 1, 'bob', 'b1');
    try {
      await Promise.all([alice.c.connect(), bob.c.connect()]);
      const callId = await answeredCall(alice, bob);
      const bobJoined = alice.rtc.find((e) => e.kind === 'joined' && e.user === 'bob');
      await cluster.kill(0);
      await cluster.revive(0);
      await until(() => alice.c.state === 'open', 'alice connected to the restarted node');
      const rejoined = await alice.c.request('rtc.join', { callId });
      expect(rejoined.participants).toEqual([
        { user: 'bob', epoch: bobJoined?.kind === 'joined' ? bobJoined.epoch : -1 },
      ]);
      await until(
        () => bob.rtc.some((e) => e.kind === 'joined' && e.user === 'alice' && e.rejoin),
        "bob hearing of alice's rejoin",
      );
      await alice.c.request('rtc.signal', { callId, to: 'bob', signal: offer('v=0 after restart') });
      await until(() => bob.rtc.some((e) => e.kind === 'signal'), 'the offer at bob');
    } finally {
      for (const x of [alice, bob]) x.c.close();
      await cluster.stop();
    }
  });

  it('the devices of a node killed with -9 keep their place for the grace, then leave and the call ends once', async () => {
    // A short lease: the survivors find node 1 gone in seconds, not the default 15 s.
    const cluster = await Cluster.start(services.postgres, services.redis, 3, { nodeLeaseMs: 3000 });
    const alice = onNode(cluster, 0, 'alice', 'a1');
    const bob = onNode(cluster, 1, 'bob', 'b1');
    try {
      await Promise.all([alice.c.connect(), bob.c.connect()]);
      await bob.c.sendText(conversationId('single', 'alice'), 'call me');
      const callId = await answeredCall(alice, bob);
      await cluster.kill(1);
      // A survivor was handed node 1 once its lease ran out (bob's presence tells when).
      await until(
        () => alice.presence.some((p) => p.user === 'bob' && p.status === 'offline'),
        'bob offline at alice',
        40_000,
      );
      await cluster.advance(RTC_REJOIN_GRACE_MS - 5000);
      await alice.c.sendText(conversationId('single', 'bob'), 'are you there?');
      expect(alice.rtc.filter((e) => e.kind === 'left' || e.kind === 'ended')).toEqual([]);
      expect(await code(alice.c.request('rtc.signal', { callId, to: 'bob', signal: offer('v=0 alice') }))).toBe('ok');

      await cluster.advance(10_000);
      await until(() => alice.rtc.some((e) => e.kind === 'ended'), 'the end of the call at alice');
      expect(alice.rtc.filter((e) => e.kind === 'left').map((e) => e.kind === 'left' && e.user)).toEqual(['bob']);
      expect(alice.rtc.find((e) => e.kind === 'ended')).toMatchObject({ outcome: 'answered' });
      await until(() => summaries(alice).length > 0, 'the call summary at alice');
      // The call is over: refused as for any call that ended.
      expect([ErrorCode.CALL_ENDED, ErrorCode.CALL_NOT_JOINED]).toContain(
        await code(alice.c.request('rtc.signal', { callId, to: 'bob', signal: offer('v=0 again') })),
      );
      // One summary, written by one node.
      const page = await alice.c.request('history', { conversation: conversationId('single', 'bob'), limit: 50 });
      expect(
        page.messages.filter((m) => m.body.type === 'custom' && m.body.customEvent === CALL_SUMMARY_EVENT),
      ).toHaveLength(1);
    } finally {
      for (const x of [alice, bob]) x.c.close();
      await cluster.stop();
    }
  });
});
