// A survivor that dies halfway through taking over a dead node's work, on a
// real 2-node cluster (PostgreSQL + Redis, 3 s node leases): another node
// finishes it. The dying survivor is played by this process with the code a
// node runs (RedisNodeLease, PgStorage): it claims, then stops without
// finishing and without a word, as a node killed with -9 does.
// - Node hand-over: node 0 is killed; the claimer takes it and dies before
//   telling anyone; node 1 takes the claim over once the claimer's lease
//   expired, and alice's contact is told she went offline, once.
// - Invitation timeouts: the claimer claims a due invitation and dies; once
//   its claim expired a node times the invitation out, once.
import { describe, expect, it } from 'vitest';
import { Redis as IoRedis } from 'ioredis';
import { getPresence } from '../../../src/client/people';
import { openPgStorage } from '../../../src/node/pg-storage';
import { NODE_KEY, RedisNodeLease } from '../../../src/node/redis-node-lease';
import { conversationId } from '../../../src/protocol/ids';
import { Cluster } from './support/cluster';
import { onNode, until } from './support/presence-client';
import { useClusterServices } from './support/services';

const services = useClusterServices();

const LEASE_MS = 3000;

describe('a survivor dying mid-claim', { timeout: 180_000 }, () => {
  it("leaves a dead node's hand-over to another node, which tells the contacts once", async () => {
    const cluster = await Cluster.start(services.postgres, services.redis, 2, { nodeLeaseMs: LEASE_MS });
    const alice = onNode(cluster, 0, 'alice');
    const bob = onNode(cluster, 1, 'bob');
    const conn = new IoRedis(services.redis.url, { maxRetriesPerRequest: 0 });
    // Its connection is cut on purpose below.
    conn.on('error', () => undefined);
    const handed: { node: string; users: string[] }[] = [];
    const claimer = new RedisNodeLease(conn, 'node-claimer', () => undefined, LEASE_MS);
    // The claimer's hand-over never finishes: it dies in the middle of it.
    claimer.onGone((node, users) => {
      handed.push({ node, users });
      return new Promise(() => undefined);
    });
    try {
      await Promise.all([alice.c.connect(), bob.c.connect()]);
      await alice.c.sendText(conversationId('single', 'bob'), 'hi');
      await until(async () => (await getPresence(bob.c, ['alice']))[0]?.status === 'online', 'alice online for bob');
      const dead = (await cluster.health(0)).node;
      const before = bob.c.serverNow();

      // Node 1 is held still for a moment so that the claimer is the one to find node 0 gone.
      const survivor = cluster.nodes[1]!.proc;
      survivor.kill('SIGSTOP');
      try {
        await cluster.kill(0);
        await conn.del(NODE_KEY + dead);
        // Its own refresh may be reaping at this moment: asked again until it has claimed.
        await until(async () => {
          await claimer.reap();
          return handed.length > 0;
        }, 'the claimer to claim node 0');
      } finally {
        survivor.kill('SIGCONT');
      }
      expect(handed).toEqual([{ node: dead, users: ['alice'] }]);

      // The claimer dies without a word: its lease runs out, its claim stays behind.
      conn.disconnect();
      await claimer.close().catch(() => undefined);
      await until(
        () => bob.seen.some((p) => p.user === 'alice' && p.status === 'offline'),
        'bob to be told alice went offline',
      );
      const told = bob.seen.filter((p) => p.user === 'alice');
      expect(told).toHaveLength(1);
      expect(told[0]!.lastSeen).toBeGreaterThanOrEqual(before);
      expect(await getPresence(bob.c, ['alice'])).toEqual([
        { user: 'alice', status: 'offline', lastSeen: told[0]!.lastSeen },
      ]);
      // Finished once: a later round of lease checks hands nothing over again.
      await new Promise((r) => setTimeout(r, LEASE_MS));
      expect(bob.seen.filter((p) => p.user === 'alice')).toHaveLength(1);
    } finally {
      conn.disconnect();
      for (const x of [alice, bob]) x.c.close();
      await cluster.stop();
    }
  });

  it('leaves an invitation timeout it claimed to another node once the claim expired, fired once', async () => {
    const cluster = await Cluster.start(services.postgres, services.redis, 2, { nodeLeaseMs: LEASE_MS });
    const alice = onNode(cluster, 0, 'alice');
    const bob = onNode(cluster, 1, 'bob');
    const timeouts: string[] = [];
    bob.c.on('invitation', (e) => {
      if (e.action === 'timeout') timeouts.push(e.invitation.inviteId);
    });
    const claimer = await openPgStorage({ url: cluster.db });
    let closed = false;
    try {
      await Promise.all([alice.c.connect(), bob.c.connect()]);
      const { invitation } = await alice.c.invite('bob', { timeout: 2 });
      // The claimer claims it as due (its clock a little ahead) for the server's 5 s claim, and dies.
      const at = Date.now() + cluster.offset + 2500;
      const claimed = await claimer.claimDueInvitations(at, 1000, 'node-claimer', at + 5000);
      expect(claimed.map((i) => i.inviteId)).toEqual([invitation.inviteId]);
      await claimer.close();
      closed = true;

      // Due now, but still claimed: nobody fires it while the claim holds.
      await cluster.advance(3000);
      await new Promise((r) => setTimeout(r, 2500));
      expect(timeouts).toEqual([]);

      // The claim expired: a node fires it, once.
      await cluster.advance(6000);
      await until(() => timeouts.includes(invitation.inviteId), 'the timeout');
      await cluster.advance(10_000);
      await new Promise((r) => setTimeout(r, 1500));
      expect(timeouts).toEqual([invitation.inviteId]);
      const history = await bob.c.history(conversationId('single', 'alice'));
      expect(
        history.messages.filter(
          (m) => m.body.type === 'signal' && m.body.action === 'timeout' && m.body.inviteId === invitation.inviteId,
        ),
      ).toHaveLength(1);
    } finally {
      if (!closed) await claimer.close();
      for (const x of [alice, bob]) x.c.close();
      await cluster.stop();
    }
  });
});
