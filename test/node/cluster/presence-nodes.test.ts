// Presence when a node goes away: a node stopped cleanly (SIGTERM) tells the
// contacts of its users who are connected nowhere else that they went
// offline, with a last-seen time, and says nothing of a user still connected
// to another node; the users of a node killed with -9 go offline once its
// lease expires, told by one survivor.
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createChatClient } from '../../../src/client/chat-client';
import type { ChatClient } from '../../../src/client/chat-client-types';
import { getPresence } from '../../../src/client/people';
import { createWebSocketTransport } from '../../../src/client/websocket-transport';
import { createToken } from '../../../src/node/token';
import { conversationId } from '../../../src/protocol/ids';
import type { Presence } from '../../../src/protocol/people';
import { SECRET } from '../support/secret';
import { Cluster } from './support/cluster';
import { useClusterServices } from './support/services';

const services = useClusterServices();

/** A client of `user` on node `node` that does not reconnect, recording the presence pushed to it. */
function onNode(cluster: Cluster, node: number, user: string, device = 'd1'): { c: ChatClient; seen: Presence[] } {
  const c = createChatClient({
    transport: createWebSocketTransport({ url: cluster.url(node), WebSocket }),
    token: createToken(user, { secret: SECRET }),
    device,
    reconnect: false,
  });
  const seen: Presence[] = [];
  c.on('presence', (e) => seen.push(...e.presence));
  return { c, seen };
}

const until = async (cond: () => boolean | Promise<boolean>, what: string, ms = 20_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

const statusOf = async (viewer: ChatClient, user: string): Promise<Presence | undefined> =>
  (await getPresence(viewer, [user]))[0];

describe('presence when a node goes away', { timeout: 120_000 }, () => {
  it('a node stopped with SIGTERM tells contacts its users went offline, unless they are connected elsewhere', async () => {
    const cluster = await Cluster.start(services.postgres, services.redis, 3);
    const bob = onNode(cluster, 2, 'bob');
    const alice = onNode(cluster, 0, 'alice');
    const carolHere = onNode(cluster, 0, 'carol', 'phone');
    const carolThere = onNode(cluster, 1, 'carol', 'laptop');
    try {
      await Promise.all([bob.c.connect(), alice.c.connect(), carolHere.c.connect(), carolThere.c.connect()]);
      await alice.c.sendText(conversationId('single', 'bob'), 'hi bob');
      await carolHere.c.sendText(conversationId('single', 'bob'), 'hi bob');
      await until(async () => (await statusOf(bob.c, 'alice'))?.status === 'online', 'alice online as bob sees her');
      expect((await statusOf(bob.c, 'carol'))?.status).toBe('online');
      const before = bob.c.serverNow();
      bob.seen.length = 0;

      cluster.nodes[0]!.proc.kill('SIGTERM');
      await cluster.nodes[0]!.exited;
      expect(cluster.nodes[0]!.proc.exitCode).toBe(0);

      // Told by the stopping node itself, before it exited.
      const off = bob.seen.find((p) => p.user === 'alice' && p.status === 'offline');
      expect(off?.lastSeen).toBeGreaterThanOrEqual(before - 5000);
      expect(await statusOf(bob.c, 'alice')).toEqual({ user: 'alice', status: 'offline', lastSeen: off!.lastSeen });
      // Carol's laptop is still connected to node 1.
      expect(bob.seen.filter((p) => p.user === 'carol')).toEqual([]);
      expect((await statusOf(bob.c, 'carol'))?.status).toBe('online');
    } finally {
      for (const x of [bob, alice, carolHere, carolThere]) x.c.close();
      await cluster.stop();
    }
  });

  it('the users of a node killed with -9 go offline for their contacts once its lease expires', async () => {
    // A short lease: the survivors find node 0 gone in seconds, not the default 15 s.
    const cluster = await Cluster.start(services.postgres, services.redis, 3, { nodeLeaseMs: 3000 });
    const bob = onNode(cluster, 1, 'bob');
    const dave = onNode(cluster, 2, 'dave');
    const alice = onNode(cluster, 0, 'alice');
    const carolHere = onNode(cluster, 0, 'carol', 'phone');
    const carolThere = onNode(cluster, 2, 'carol', 'laptop');
    try {
      await Promise.all([bob.c.connect(), dave.c.connect(), alice.c.connect(), carolHere.c.connect()]);
      await carolThere.c.connect();
      await alice.c.request('group.create', { groupId: 'crew', name: 'crew', members: ['bob', 'dave', 'carol'] });
      await until(async () => (await statusOf(dave.c, 'alice'))?.status === 'online', 'alice online as dave sees her');
      const before = bob.c.serverNow();
      for (const x of [bob, dave]) x.seen.length = 0;

      await cluster.kill(0);
      await until(
        () => [bob, dave].every((x) => x.seen.some((p) => p.user === 'alice' && p.status === 'offline')),
        'alice offline at bob and dave',
        40_000,
      );
      // One survivor told each contact once; the last seen time is when her node was found gone.
      for (const x of [bob, dave]) {
        const told = x.seen.filter((p) => p.user === 'alice');
        expect(told).toHaveLength(1);
        expect(told[0]!.lastSeen).toBeGreaterThanOrEqual(before);
      }
      expect((await statusOf(bob.c, 'alice'))?.status).toBe('offline');
      // Carol's laptop on node 2 keeps her online.
      expect([...bob.seen, ...dave.seen].filter((p) => p.user === 'carol')).toEqual([]);
      expect((await statusOf(bob.c, 'carol'))?.status).toBe('online');
    } finally {
      for (const x of [bob, dave, alice, carolHere, carolThere]) x.c.close();
      await cluster.stop();
    }
  });
});
