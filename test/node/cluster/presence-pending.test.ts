// A node killed (-9) between recording a user offline everywhere and telling
// their contacts, on a real cluster (PostgreSQL + Redis, 4 s node leases):
// the change was recorded as pending with it, so the survivor handed the
// dead node tells the contact, once. The fault is armed in the test entry
// (node-faults.ts): the node kills itself right after that record.
// - A node whose user leaves (the change is its own).
// - A survivor that dies while handing over a node killed before it: the
//   node that takes both over tells the contact what the first survivor
//   recorded, and its own hand-over finds nothing more to tell.
import { describe, expect, it } from 'vitest';
import { Redis as IoRedis } from 'ioredis';
import type { ChatClient } from '../../../src/client/chat-client-types';
import { getPresence } from '../../../src/client/people';
import { NODE_KEY } from '../../../src/node/redis-node-lease';
import { conversationId } from '../../../src/protocol/ids';
import type { Presence } from '../../../src/protocol/people';
import { Cluster } from './support/cluster';
import { onNode, until } from './support/presence-client';
import { useClusterServices } from './support/services';

const services = useClusterServices();

const LEASE_MS = 4000;

/** Alice and bob connected and contacts (a message between them), bob seeing alice online. */
async function contacts(alice: { c: ChatClient }, bob: { c: ChatClient }): Promise<void> {
  await Promise.all([alice.c.connect(), bob.c.connect()]);
  await alice.c.sendText(conversationId('single', 'bob'), 'hi');
  await until(async () => (await getPresence(bob.c, ['alice']))[0]?.status === 'online', 'alice online for bob');
}

/** Bob is told alice went offline, once (also a lease later), with the last seen he then reads. */
async function toldOnce(bob: { c: ChatClient; seen: Presence[] }, after: number): Promise<void> {
  await until(
    () => bob.seen.some((p) => p.user === 'alice' && p.status === 'offline'),
    'bob to be told alice went offline',
  );
  const told = bob.seen.filter((p) => p.user === 'alice');
  expect(told).toHaveLength(1);
  // `after` is bob's estimate of the server clock, which may be off by up to a round trip.
  expect(told[0]!.lastSeen).toBeGreaterThan(after - 1000);
  expect(await getPresence(bob.c, ['alice'])).toEqual([
    { user: 'alice', status: 'offline', lastSeen: told[0]!.lastSeen },
  ]);
  await new Promise((r) => setTimeout(r, LEASE_MS));
  expect(bob.seen.filter((p) => p.user === 'alice')).toHaveLength(1);
}

describe('a node killed between recording a user offline and telling contacts', { timeout: 180_000 }, () => {
  it('leaves the change to the survivor, which tells the contact once', async () => {
    const cluster = await Cluster.start(services.postgres, services.redis, 2, {
      nodeLeaseMs: LEASE_MS,
      fault: { node: 0, fault: 'die-after-offline', user: 'alice' },
    });
    const alice = onNode(cluster, 0, 'alice');
    const bob = onNode(cluster, 1, 'bob');
    try {
      await contacts(alice, bob);
      const before = bob.c.serverNow();
      // Alice's last device leaves node 0, which records her offline everywhere and dies at once.
      alice.c.close();
      await cluster.nodes[0]!.exited;
      expect(cluster.nodes[0]!.proc.signalCode).toBe('SIGKILL');
      await toldOnce(bob, before);
    } finally {
      for (const x of [alice, bob]) x.c.close();
      await cluster.stop();
    }
  });

  it('leaves what a survivor recorded while handing over a dead node to the next survivor, which tells it once', async () => {
    const cluster = await Cluster.start(services.postgres, services.redis, 3, {
      nodeLeaseMs: LEASE_MS,
      fault: { node: 1, fault: 'die-after-offline', user: 'alice' },
    });
    const alice = onNode(cluster, 0, 'alice');
    const bob = onNode(cluster, 2, 'bob');
    const conn = new IoRedis(services.redis.url);
    try {
      await contacts(alice, bob);
      const dead = (await cluster.health(0)).node;
      const before = bob.c.serverNow();
      // Node 2 is held still so that node 1 is the one to hand node 0 over (and to die doing it).
      const third = cluster.nodes[2]!.proc;
      third.kill('SIGSTOP');
      try {
        await cluster.kill(0);
        await conn.del(NODE_KEY + dead);
        await cluster.nodes[1]!.exited;
      } finally {
        third.kill('SIGCONT');
      }
      expect(cluster.nodes[1]!.proc.signalCode).toBe('SIGKILL');
      await toldOnce(bob, before);
    } finally {
      conn.disconnect();
      for (const x of [alice, bob]) x.c.close();
      await cluster.stop();
    }
  });
});
