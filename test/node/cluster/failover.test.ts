// A 3-node cluster (PostgreSQL + Redis) losing a part mid-run. 20 clients
// spread over the nodes each send 100 messages (a quarter of them to a
// 20-member group, the rest to a single chat) while one node is killed with
// -9, Redis is restarted, or PostgreSQL is restarted: clients reconnect to a
// surviving node and resend from their outbox, and at the end every
// acknowledged message is stored once and delivered once to every member,
// and no resume was refused; while PostgreSQL is down, sends are answered
// 5031 (retry), which the outboxes retry. Invitation timeouts armed by a node that dies
// fire once, from another node; racing accepts on two nodes have one winner.
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import WebSocket from 'ws';
import { createChatClient } from '../../../src/client/chat-client';
import type { ChatClient } from '../../../src/client/chat-client-types';
import { createWebSocketTransport } from '../../../src/client/websocket-transport';
import { createToken } from '../../../src/node/token';
import { ErrorCode, isNatterError } from '../../../src/protocol/errors';
import { conversationId } from '../../../src/protocol/ids';
import type { ClientConnectionHandlers, Transport } from '../../../src/protocol/link';
import type { Message } from '../../../src/protocol/message';
import { SECRET } from '../support/secret';
import { Cluster } from './support/cluster';
import { useClusterServices } from './support/services';

const services = useClusterServices();

const CLIENTS = 20;
const PER_CLIENT = 100;
const WINDOW = 8;

/**
 * A transport that starts on node `first` and, on every reconnect, tries the next node; `heard`
 * sees every frame received.
 */
function roaming(cluster: Cluster, first: number, heard: (frame: string) => void = () => undefined): Transport {
  let i = first;
  return {
    connect(handlers: ClientConnectionHandlers) {
      const t = createWebSocketTransport({ url: cluster.url(i++), WebSocket });
      return t.connect({
        ...handlers,
        frame(data) {
          heard(data);
          handlers.frame(data);
        },
      });
    },
  };
}

interface Member {
  user: string;
  client: ChatClient;
  /** serverId → how many `message` events carried it. */
  received: Map<string, number>;
  resets: number;
  /** Requests answered 5031 (the database or Redis out of reach; retry). */
  unavailable: number;
}

function member(cluster: Cluster, user: string, first: number): Member {
  const heard = (data: string): void => {
    const frame = JSON.parse(data) as { t: string; id?: string; code?: number };
    if (frame.t === 'err' && frame.id !== undefined && frame.code === ErrorCode.STORAGE_UNAVAILABLE) m.unavailable++;
  };
  const client = createChatClient({
    transport: roaming(cluster, first, heard),
    token: createToken(user, { secret: SECRET }),
    reconnect: { initialDelayMs: 20, maxDelayMs: 200 },
  });
  const m: Member = { user, client, received: new Map(), resets: 0, unavailable: 0 };
  client.on('message', (e) => m.received.set(e.message.serverId, (m.received.get(e.message.serverId) ?? 0) + 1));
  client.on('ready', (e) => {
    if (e.reset) m.resets++;
  });
  return m;
}

const until = async (cond: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** Runs the load; `disrupt` is called once a third of the messages were acknowledged. Answers the members. */
async function load(cluster: Cluster, disrupt: () => Promise<void>): Promise<Member[]> {
  const members = Array.from({ length: CLIENTS }, (_, i) => member(cluster, `u${i}`, i));
  await Promise.all(members.map((m) => m.client.connect()));
  await members[0]!.client.createGroup({ groupId: 'big', name: 'big', members: members.slice(1).map((m) => m.user) });
  const acked: Message[] = [];
  let disrupted: Promise<void> | null = null;
  const target = (i: number) =>
    i % 4 === 0 ? conversationId('group', 'big') : conversationId('single', `u${(i + 1) % CLIENTS}`);
  await Promise.all(
    members.map(async (m, i) => {
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < PER_CLIENT) {
          const n = next++;
          for (;;) {
            try {
              acked.push(await m.client.sendText(target(i), `${m.user} #${n}`));
              break;
            } catch (e) {
              // Only a retryable failure the outbox gave up on is tried again by hand (same text, new send).
              if (!isNatterError(e)) throw e;
              await new Promise((r) => setTimeout(r, 200));
            }
          }
          if (!disrupted && acked.length >= (CLIENTS * PER_CLIENT) / 3) disrupted = disrupt();
        }
      };
      await Promise.all(Array.from({ length: WINDOW }, worker));
    }),
  );
  await disrupted;
  const byUser = new Map(members.map((m) => [m.user, m]));
  const recipients = (msg: Message): Member[] =>
    msg.chatType === 'group' ? members : [byUser.get(msg.from)!, byUser.get(msg.to)!];
  try {
    await until(
      () => acked.every((msg) => recipients(msg).every((r) => r.received.has(msg.serverId))),
      120_000,
      'every acknowledged message to reach every member',
    );
  } catch (e) {
    throw new Error(`${String(e)}; nodes said: ${cluster.nodes.map((n) => n.stderr().slice(-1500)).join(' | ')}`);
  }
  // Stored once: one row per acknowledged (from, localId), and no other rows.
  const db = new pg.Client({ connectionString: cluster.db });
  await db.connect();
  try {
    const rows = (
      await db.query<{ n: string }>('SELECT COUNT(*) AS n FROM messages WHERE json NOT LIKE \'%"type":"signal"%\'')
    ).rows;
    expect(new Set(acked.map((m) => m.serverId)).size).toBe(CLIENTS * PER_CLIENT);
    expect(Number(rows[0]!.n)).toBe(CLIENTS * PER_CLIENT);
  } finally {
    await db.end();
  }
  // Delivered once to every member.
  for (const msg of acked)
    for (const r of recipients(msg)) expect(r.received.get(msg.serverId), `${msg.serverId} to ${r.user}`).toBe(1);
  expect(members.map((m) => m.resets)).toEqual(members.map(() => 0));
  for (const m of members) m.client.close();
  return members;
}

describe('a 3-node cluster under load', { timeout: 300_000 }, () => {
  it('loses nothing when one node is killed with -9: clients move to the others', async () => {
    const cluster = await Cluster.start(services.postgres, services.redis, 3);
    try {
      await load(cluster, () => cluster.kill(1));
    } finally {
      await cluster.stop();
    }
  });

  it('loses nothing when Redis restarts mid-run (delivery pauses, then catches up)', async () => {
    const cluster = await Cluster.start(services.postgres, services.redis, 3);
    try {
      await load(cluster, () => services.redis.restart(500));
    } finally {
      await cluster.stop();
    }
  });

  it('loses nothing when PostgreSQL restarts mid-run (sends fail with 5031 and are retried)', async () => {
    const cluster = await Cluster.start(services.postgres, services.redis, 3);
    try {
      const members = await load(cluster, () => services.postgres.restart(500));
      // The clients kept sending while it was down: the nodes answered with the retryable error.
      expect(members.reduce((n, m) => n + m.unavailable, 0)).toBeGreaterThan(0);
    } finally {
      await cluster.stop();
    }
  });
});

describe('invitations across nodes', { timeout: 120_000 }, () => {
  it('times out once, from another node, when the node that armed the timeout is killed; racing accepts have one winner', async () => {
    const cluster = await Cluster.start(services.postgres, services.redis, 3);
    try {
      const alice = member(cluster, 'alice', 0);
      const bob = member(cluster, 'bob', 1);
      const bob2 = createChatClient({ transport: roaming(cluster, 2), token: createToken('bob', { secret: SECRET }) });
      const timeouts: string[] = [];
      bob.client.on('invitation', (e) => {
        if (e.action === 'timeout') timeouts.push(e.invitation.inviteId);
      });
      await Promise.all([alice.client.connect(), bob.client.connect(), bob2.connect()]);

      // Two devices of bob, on nodes 1 and 2, accept at once: one wins, the other gets 8010.
      const raced = await alice.client.invite('bob', { timeout: 60 });
      const outcomes = await Promise.allSettled([
        bob.client.acceptInvitation(raced.invitation.inviteId),
        bob2.acceptInvitation(raced.invitation.inviteId),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const lost = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect(isNatterError(lost.reason) && lost.reason.code).toBe(8010);

      // Node 0 (alice's) arms a 2 s timeout and dies; the others fire it, once.
      const { invitation } = await alice.client.invite('bob', { timeout: 2 });
      await cluster.kill(0);
      await cluster.advance(3000);
      await until(() => timeouts.includes(invitation.inviteId), 20_000, 'the timeout');
      await cluster.advance(10_000);
      await new Promise((r) => setTimeout(r, 1500));
      expect(timeouts.filter((id) => id === invitation.inviteId)).toHaveLength(1);
      const history = await bob.client.history(conversationId('single', 'alice'));
      expect(
        history.messages.filter(
          (m) => m.body.type === 'signal' && m.body.action === 'timeout' && m.body.inviteId === invitation.inviteId,
        ),
      ).toHaveLength(1);
      for (const c of [alice.client, bob.client, bob2]) c.close();
    } finally {
      await cluster.stop();
    }
  });
});
