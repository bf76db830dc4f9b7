// A node's health check and graceful shutdown in a cluster: GET /healthz is
// 200 while the node reaches PostgreSQL and Redis, 503 while Redis is down,
// and 503 once SIGTERM starts the shutdown (as on a single SQLite node, see
// test/node/health-shutdown.test.ts); SIGTERM makes the node tell its clients
// to reconnect (bye 5030), commit what was in flight and exit, and its
// clients carry on on another node without losing a message.
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createChatClient } from '../../../src/client/chat-client';
import { createWebSocketTransport } from '../../../src/client/websocket-transport';
import { createToken } from '../../../src/node/token';
import { conversationId } from '../../../src/protocol/ids';
import type { ClientConnectionHandlers, Transport } from '../../../src/protocol/link';
import { busyConnection } from '../support/busy-connection';
import { RawClient } from '../support/raw-client';
import { SECRET } from '../support/secret';
import { Cluster } from './support/cluster';
import { useClusterServices } from './support/services';

const services = useClusterServices();

const health = async (port: number): Promise<number> => (await fetch(`http://127.0.0.1:${port}/healthz`)).status;

const until = async (cond: () => boolean | Promise<boolean>, what: string): Promise<void> => {
  const end = Date.now() + 20_000;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('a cluster node', { timeout: 120_000 }, () => {
  it('answers /healthz with 200 only while PostgreSQL and Redis answer', async () => {
    const cluster = await Cluster.start(services.postgres, services.redis, 1);
    try {
      const port = cluster.nodes[0]!.port;
      expect(await health(port)).toBe(200);
      await services.redis.down();
      await until(async () => (await health(port)) === 503, 'a 503 without Redis');
      await services.redis.up();
      await until(async () => (await health(port)) === 200, 'a 200 with Redis back');
    } finally {
      await cluster.stop();
    }
  });

  it('answers /healthz with 503 once SIGTERM starts the shutdown, then exits with 0', async () => {
    const cluster = await Cluster.start(services.postgres, services.redis, 1);
    const node = cluster.nodes[0]!;
    const probe = await busyConnection(node.port);
    try {
      expect(await health(node.port)).toBe(200);
      const alice = await RawClient.connect(cluster.url(0), { token: createToken('alice', { secret: SECRET }) });
      expect(alice.welcome).not.toBeNull();
      node.proc.kill('SIGTERM');
      await alice.until(() => alice.frames.some((f) => f.t === 'bye'), 20_000);
      expect(await probe.healthz()).toEqual({
        status: 503,
        body: expect.objectContaining({ ok: false, stopping: true }),
      });
      await node.exited;
      expect(node.proc.exitCode).toBe(0);
    } finally {
      probe.close();
      await cluster.stop();
    }
  });

  it('on SIGTERM tells its clients to reconnect elsewhere, where they carry on', async () => {
    const cluster = await Cluster.start(services.postgres, services.redis, 2);
    try {
      let next = 0;
      const roaming: Transport = {
        connect: (h: ClientConnectionHandlers) =>
          createWebSocketTransport({ url: cluster.url(next++), WebSocket }).connect(h),
      };
      const alice = createChatClient({
        transport: roaming,
        token: createToken('alice', { secret: SECRET }),
        reconnect: { initialDelayMs: 20, maxDelayMs: 200 },
      });
      const bob = createChatClient({
        transport: createWebSocketTransport({ url: cluster.url(1), WebSocket }),
        token: createToken('bob', { secret: SECRET }),
      });
      const got: string[] = [];
      bob.on('message', (e) => got.push(e.message.body.type === 'txt' ? e.message.body.msg : ''));
      await Promise.all([alice.connect(), bob.connect()]);
      const sends = Array.from({ length: 20 }, (_, i) => alice.sendText(conversationId('single', 'bob'), `m${i}`));
      cluster.nodes[0]!.proc.kill('SIGTERM');
      await cluster.nodes[0]!.exited;
      expect(cluster.nodes[0]!.proc.exitCode).toBe(0);
      await Promise.all(sends);
      await alice.sendText(conversationId('single', 'bob'), 'after the move');
      await until(() => got.length === 21, 'every message at bob');
      expect(got).toEqual([...Array.from({ length: 20 }, (_, i) => `m${i}`), 'after the move']);
      alice.close();
      bob.close();
    } finally {
      await cluster.stop();
    }
  });
});
