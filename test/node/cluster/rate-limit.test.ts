// Per-user rate limits hold across nodes: a user connected to two nodes of a
// cluster draws from one bucket (kept in Redis), so spreading requests over
// nodes buys no extra allowance, while another user keeps a bucket of their own.
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createChatClient } from '../../../src/client/chat-client';
import type { ChatClient } from '../../../src/client/chat-client-types';
import { createWebSocketTransport } from '../../../src/client/websocket-transport';
import { createToken } from '../../../src/node/token';
import { ErrorCode, isNatterError } from '../../../src/protocol/errors';
import { SECRET } from '../support/secret';
import { Cluster } from './support/cluster';
import { useClusterServices } from './support/services';

const services = useClusterServices();

// A bucket that practically never refills: the count of allowed requests does not depend on timing.
const RULE = { perSecond: 0.001, burst: 12 };

const client = (cluster: Cluster, node: number, user: string, device: string): ChatClient =>
  createChatClient({
    transport: createWebSocketTransport({ url: cluster.url(node), WebSocket }),
    token: createToken(user, { secret: SECRET }),
    device,
  });

/** The outcome of one request: 'ok', or its error code. */
const outcome = (p: Promise<unknown>): Promise<'ok' | number> =>
  p.then(
    () => 'ok' as const,
    (e: unknown) => (isNatterError(e) ? e.code : -1),
  );

describe('rate limits in a cluster', { timeout: 120_000 }, () => {
  it('charge one user across nodes from one bucket; another user has their own', async () => {
    const cluster = await Cluster.start(services.postgres, services.redis, 2, { rateLimit: RULE });
    const clients: ChatClient[] = [];
    try {
      const onFirst = client(cluster, 0, 'alice', 'phone');
      const onSecond = client(cluster, 1, 'alice', 'laptop');
      const bob = client(cluster, 1, 'bob', 'phone');
      clients.push(onFirst, onSecond, bob);
      await Promise.all(clients.map((c) => c.connect()));
      // Twice the burst, alternating between the nodes: with a bucket per node nearly all would pass.
      const results: Array<'ok' | number> = [];
      for (let i = 0; i < RULE.burst; i++) {
        results.push(await outcome(onFirst.request('conversations', {})));
        results.push(await outcome(onSecond.request('conversations', {})));
      }
      const allowed = results.filter((r) => r === 'ok').length;
      // The client's own requests on connecting (if any) come out of the same bucket.
      expect(allowed).toBeLessThanOrEqual(RULE.burst);
      expect(allowed).toBeGreaterThanOrEqual(RULE.burst - 4);
      // Once the bucket is empty, both nodes refuse, with the rate-limit code.
      expect(results.slice(allowed)).toEqual(Array(results.length - allowed).fill(ErrorCode.RATE_LIMITED));
      expect(await outcome(bob.request('conversations', {}))).toBe('ok');
    } finally {
      for (const c of clients) c.close();
      await cluster.stop();
    }
  });
});
