// A node that stays up while telling contacts of a presence change fails
// (the database briefly unreachable), on a real cluster (PostgreSQL + Redis):
// the change stays pending and the node itself tells it again, with no
// takeover, once; a change replaced by a later one is dropped, not told.
// The fault is armed in the test entry (node-faults.ts): the node's first
// write of the user's last seen after recording them offline fails once.
import { describe, expect, it } from 'vitest';
import { Redis as IoRedis } from 'ioredis';
import { getPresence } from '../../../src/client/people';
import { PENDING, RedisPresence } from '../../../src/node/redis-presence';
import { conversationId } from '../../../src/protocol/ids';
import { Cluster } from './support/cluster';
import { onNode, until } from './support/presence-client';
import { useClusterServices } from './support/services';

const services = useClusterServices();

describe('telling contacts of a presence change fails on a node that stays up', { timeout: 180_000 }, () => {
  it('is retried by that node, which tells the contact once', async () => {
    const cluster = await Cluster.start(services.postgres, services.redis, 2, {
      fault: { node: 0, fault: 'fail-notify-once', user: 'alice' },
    });
    const alice = onNode(cluster, 0, 'alice');
    const bob = onNode(cluster, 1, 'bob');
    const conn = new IoRedis(services.redis.url);
    try {
      await Promise.all([alice.c.connect(), bob.c.connect()]);
      await alice.c.sendText(conversationId('single', 'bob'), 'hi');
      await until(async () => (await getPresence(bob.c, ['alice']))[0]?.status === 'online', 'alice online for bob');
      const node = (await cluster.health(0)).node;
      const before = bob.c.serverNow();
      alice.c.close();
      await until(
        () => bob.seen.some((p) => p.user === 'alice' && p.status === 'offline'),
        'bob to be told alice went offline',
      );
      // Told by node 0 itself: it never stopped, and nothing of it is left pending.
      expect(cluster.nodes[0]!.proc.exitCode).toBeNull();
      expect(cluster.nodes[0]!.proc.signalCode).toBeNull();
      expect((await cluster.health(0)).status).toBe(200);
      await until(async () => (await conn.hlen(PENDING + node)) === 0, 'the change marked told');
      // Alice's coming online may reach bob too (her first message made them contacts, and on a busy
      // machine that lands before her online notice goes out); her going offline reaches him once, last.
      const aboutAlice = bob.seen.filter((p) => p.user === 'alice');
      const told = aboutAlice.filter((p) => p.status === 'offline');
      expect(told).toEqual([{ user: 'alice', status: 'offline', lastSeen: told[0]!.lastSeen }]);
      expect(aboutAlice.at(-1)).toBe(told[0]);
      // `before` is bob's estimate of the server clock, which may be off by up to a round trip.
      expect(told[0]!.lastSeen).toBeGreaterThan(before - 1000);
      expect(await getPresence(bob.c, ['alice'])).toEqual([
        { user: 'alice', status: 'offline', lastSeen: told[0]!.lastSeen },
      ]);
      // Longer than the retries' first delays: nothing is told twice.
      await new Promise((r) => setTimeout(r, 4000));
      expect(bob.seen.filter((p) => p.user === 'alice')).toHaveLength(aboutAlice.length);
    } finally {
      conn.disconnect();
      for (const x of [alice, bob]) x.c.close();
      await cluster.stop();
    }
  });
});

describe('whether a pending change is still current', { timeout: 60_000 }, () => {
  it('holds until a later change of the user is recorded by any node, which drops it', async () => {
    const conn = new IoRedis(services.redis.url, { maxRetriesPerRequest: null });
    const errors: unknown[] = [];
    const a = new RedisPresence(conn, 'node-current-a', (e) => errors.push(e));
    const b = new RedisPresence(conn, 'node-current-b', (e) => errors.push(e));
    try {
      await Promise.all([a.lease.renew(), b.lease.renew()]);
      const online = await a.publish('carol', 'online', false, null);
      expect(online).not.toBeNull();
      expect(await a.current(online!)).toBe(true);
      const offline = await a.publish('carol', 'offline', false, 1234);
      // Node a's later change replaces its earlier one.
      expect(await a.current(online!)).toBe(false);
      expect(await a.current(offline!)).toBe(true);
      // Another node's later change makes it stale too, and it leaves a's pending changes.
      const back = await b.publish('carol', 'online', false, null);
      expect(back).not.toBeNull();
      expect(await a.current(offline!)).toBe(false);
      expect(await conn.hget(PENDING + 'node-current-a', 'carol')).toBeNull();
      expect(await b.current(back!)).toBe(true);
      // Told: no longer pending.
      await b.told(back!);
      expect(await b.current(back!)).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await Promise.all([a.close(), b.close()]);
      conn.disconnect();
    }
  });
});
