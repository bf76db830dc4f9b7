// One user's devices connecting and disconnecting on two nodes at the same
// moment, round after round, on a real 2-node cluster: each node changes
// the user's cross-node presence in Redis at once. Every change must reach
// a contact exactly once and the last word must be the truth: online after
// both connected, offline after both left (a stale "online" announced after
// the "offline" would leave the contact seeing a user who is gone).
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createChatClient } from '../../../src/client/chat-client';
import type { ChatClient } from '../../../src/client/chat-client-types';
import { getPresence } from '../../../src/client/people';
import { createWebSocketTransport } from '../../../src/client/websocket-transport';
import { createToken } from '../../../src/node/token';
import { conversationId } from '../../../src/protocol/ids';
import type { PresenceStatus } from '../../../src/protocol/people';
import { SECRET } from '../support/secret';
import { Cluster } from './support/cluster';
import { useClusterServices } from './support/services';

const services = useClusterServices();

const ROUNDS = 15;

const device = (cluster: Cluster, node: number, user: string, name: string): ChatClient =>
  createChatClient({
    transport: createWebSocketTransport({ url: cluster.url(node), WebSocket }),
    token: createToken(user, { secret: SECRET }),
    device: name,
    reconnect: false,
  });

const until = async (cond: () => boolean | Promise<boolean>, what: string, ms = 20_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('presence of one user changed on two nodes at once', { timeout: 240_000 }, () => {
  it('reaches a contact once per change, and ends as the truth', async () => {
    const cluster = await Cluster.start(services.postgres, services.redis, 2);
    const bob = device(cluster, 0, 'bob', 'd1');
    const told: PresenceStatus[] = [];
    bob.on('presence', (e) => told.push(...e.presence.filter((p) => p.user === 'alice').map((p) => p.status)));
    const open: ChatClient[] = [bob];
    try {
      await bob.connect();
      const first = device(cluster, 0, 'alice', 'phone');
      open.push(first);
      await first.connect();
      await first.sendText(conversationId('single', 'bob'), 'hi');
      await until(async () => (await getPresence(bob, ['alice']))[0]?.status === 'online', 'alice online for bob');
      first.close();
      await until(() => told.at(-1) === 'offline', 'alice offline for bob');
      told.length = 0;

      const expected: PresenceStatus[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const phone = device(cluster, 0, 'alice', 'phone');
        const laptop = device(cluster, 1, 'alice', 'laptop');
        open.push(phone, laptop);
        await Promise.all([phone.connect(), laptop.connect()]);
        expected.push('online');
        await until(() => told.length >= expected.length, `round ${round}: alice online for bob`);
        expect(told, `round ${round}, both connected`).toEqual(expected);
        // Both leave in the same turn: each node sees its device go while the other may still be there.
        phone.close();
        laptop.close();
        expected.push('offline');
        await until(() => told.length >= expected.length, `round ${round}: alice offline for bob`);
        expect(told, `round ${round}, both gone`).toEqual(expected);
      }
      // Nothing late arrives (a stale change announced last), and a fresh read agrees.
      await new Promise((r) => setTimeout(r, 1000));
      expect(told).toEqual(expected);
      expect((await getPresence(bob, ['alice']))[0]?.status).toBe('offline');
    } finally {
      for (const c of open) c.close();
      await cluster.stop();
    }
  });
});
