// Redis stopped for real under a 2-node cluster, then started again, empty.
// While it is gone: health checks answer 503, a client connecting is told
// 5031 (retry) instead of waiting, clients already connected send and every
// send is acknowledged (PostgreSQL holds it), and a recipient on the same
// node still gets it at once. Once it is back: what the other node's
// recipient missed arrives, each message once and in order, presence
// changes reach contacts again (what contacts were shown is written back),
// and a user's requests on two nodes draw from one shared bucket again.
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createChatClient } from '../../../src/client/chat-client';
import type { ChatClient } from '../../../src/client/chat-client-types';
import { getPresence } from '../../../src/client/people';
import { createWebSocketTransport } from '../../../src/client/websocket-transport';
import { createToken } from '../../../src/node/token';
import { ErrorCode, isNatterError } from '../../../src/protocol/errors';
import { conversationId } from '../../../src/protocol/ids';
import type { Presence } from '../../../src/protocol/people';
import { SECRET } from '../support/secret';
import { Cluster } from './support/cluster';
import { until } from './support/presence-client';
import { helloFrames } from './support/hello-frames';
import { useClusterServices } from './support/services';

const services = useClusterServices();

// A bucket that practically never refills: the count of allowed requests does not depend on timing.
const RULE = { perSecond: 0.001, burst: 100 };
const DURING = 20;

interface Seen {
  c: ChatClient;
  texts: string[];
  presence: Presence[];
}

/** A client of `user` on node `node` that does not move to another node. */
function onNode(cluster: Cluster, node: number, user: string, device = 'd1'): Seen {
  const c = createChatClient({
    transport: createWebSocketTransport({ url: cluster.url(node), WebSocket }),
    token: createToken(user, { secret: SECRET }),
    device,
  });
  const seen: Seen = { c, texts: [], presence: [] };
  c.on('message', (e) => {
    if (e.message.body.type === 'txt') seen.texts.push(e.message.body.msg);
  });
  c.on('presence', (e) => seen.presence.push(...e.presence));
  return seen;
}

const outcome = (p: Promise<unknown>): Promise<'ok' | number> =>
  p.then(
    () => 'ok' as const,
    (e: unknown) => (isNatterError(e) ? e.code : -1),
  );

describe('a Redis outage under a 2-node cluster', { timeout: 240_000 }, () => {
  it('keeps sends acknowledged and tells new clients 5031; delivery, presence and rate limits resume after', async () => {
    const cluster = await Cluster.start(services.postgres, services.redis, 2, { rateLimit: RULE, nodeLeaseMs: 3000 });
    const alice = onNode(cluster, 0, 'alice');
    const erin = onNode(cluster, 0, 'erin');
    const bob = onNode(cluster, 1, 'bob');
    const clients = [alice, erin, bob];
    try {
      await Promise.all(clients.map((x) => x.c.connect()));
      await alice.c.sendText(conversationId('single', 'bob'), 'before');
      await until(() => bob.texts.includes('before'), 'bob to get the first message');
      await until(async () => (await getPresence(alice.c, ['bob']))[0]?.status === 'online', 'bob online for alice');

      await services.redis.down();
      try {
        for (const i of [0, 1])
          await until(async () => (await cluster.health(i)).status === 503, `node ${i}'s health check to fail`);

        // A client connecting now hears why it cannot be served, with a code its reconnect retries.
        const { frames } = await helloFrames(cluster.url(0), createToken('dave', { secret: SECRET }));
        expect(frames[0]).toMatchObject({ t: 'err', code: ErrorCode.STORAGE_UNAVAILABLE });
        expect(frames[0]!.retryAfter).toBeGreaterThan(0);
        expect(frames[1]).toMatchObject({ t: 'bye', code: ErrorCode.STORAGE_UNAVAILABLE });

        // Connected clients keep sending: every send is acknowledged (PostgreSQL holds it).
        const toBob = Array.from({ length: DURING }, (_, i) => `during ${i}`);
        const acked = [];
        for (const text of toBob) acked.push(await alice.c.sendText(conversationId('single', 'bob'), text));
        expect(acked.map((m) => m.seq)).toEqual(toBob.map((_, i) => i + 2));
        // A recipient on the same node is not waiting for Redis.
        await alice.c.sendText(conversationId('single', 'erin'), 'same node');
        await until(() => erin.texts.includes('same node'), 'erin, on the same node, to get hers');
      } finally {
        await services.redis.up();
      }

      // What bob's node could not hear arrives, once each and in order.
      await until(() => bob.texts.length === DURING + 1, 'bob to catch up');
      expect(bob.texts).toEqual(['before', ...Array.from({ length: DURING }, (_, i) => `during ${i}`)]);
      for (const i of [0, 1])
        await until(async () => (await cluster.health(i)).status === 200, `node ${i}'s health check to pass`);
      await alice.c.sendText(conversationId('single', 'bob'), 'after');
      await until(() => bob.texts.includes('after'), 'bob to get a message sent after the outage');

      // A client connects again.
      const dave = onNode(cluster, 0, 'dave');
      clients.push(dave);
      await dave.c.connect();

      // Presence: Redis came back empty, yet bob going offline reaches alice on the other node.
      alice.presence.length = 0;
      bob.c.close();
      await until(
        () => alice.presence.some((p) => p.user === 'bob' && p.status === 'offline'),
        'alice to be told bob went offline',
      );
      expect((await getPresence(alice.c, ['bob']))[0]?.status).toBe('offline');

      // Rate limits: frank on both nodes draws from one bucket in Redis again (one per node would
      // allow nearly twice the burst).
      const phone = onNode(cluster, 0, 'frank', 'phone');
      const laptop = onNode(cluster, 1, 'frank', 'laptop');
      clients.push(phone, laptop);
      await Promise.all([phone.c.connect(), laptop.c.connect()]);
      const results: Array<'ok' | number> = [];
      for (let i = 0; i < RULE.burst; i++) {
        results.push(await outcome(phone.c.request('conversations', {})));
        results.push(await outcome(laptop.c.request('conversations', {})));
      }
      const allowed = results.filter((r) => r === 'ok').length;
      expect(allowed).toBeLessThanOrEqual(RULE.burst);
      expect(allowed).toBeGreaterThanOrEqual(RULE.burst - 4);
      expect(results.slice(allowed)).toEqual(Array(results.length - allowed).fill(ErrorCode.RATE_LIMITED));
    } finally {
      for (const x of clients) x.c.close();
      await cluster.stop();
    }
  });
});
