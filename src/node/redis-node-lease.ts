// Owns a natter node's lease in Redis and what happens when a node goes away.
// Each node holds a key refreshed while it runs, which expires soon after it
// stops (kill -9 included), is listed in a set of nodes, and keeps the set of
// users connected to it. A node that finds another's lease expired claims it
// (SREM answers 1 to one node only) and hands its users to the core, so one
// survivor tells their contacts and takes over their calls. A node that
// stops cleanly drops its key and stays listed: the survivors reap it at
// once, with whatever it could not finish itself. After Redis was out of
// reach, every lease may have run out meanwhile: a node reaps nobody until
// the others had time to renew theirs.
import type { Redis } from 'ioredis';
import type { UserId } from '../protocol/message';

const NODE = 'natter:node:';
const NODES = 'natter:nodes';
const USERS = 'natter:node-users:';
/** A node that has not refreshed its key for this long no longer counts (it died). */
const NODE_LEASE_MS = 15_000;
/** How often the lease is refreshed and the other nodes' leases are checked. */
const REFRESH_MS = 5_000;

export type NodeGoneHandler = (node: string, users: UserId[]) => void;

export class RedisNodeLease {
  private readonly refresher: ReturnType<typeof setInterval>;
  private gone: NodeGoneHandler | null = null;
  private closed = false;
  /** No reaping before this time (ms, this process's clock): leases may be renewing after an outage. */
  private quietUntil = 0;

  constructor(
    private readonly redis: Redis,
    readonly nodeId: string,
    onError: (e: unknown) => void,
  ) {
    this.renew()
      .then(() => this.reap())
      .catch(onError);
    this.refresher = setInterval(() => {
      this.renew()
        .then(() => this.reap())
        .catch(onError);
    }, REFRESH_MS);
    this.refresher.unref();
  }

  /** Where the users of a node that went away are handed (one surviving node gets each node). */
  onGone(handler: NodeGoneHandler): void {
    this.gone = handler;
  }

  /** Redis answers again after an outage: the other nodes get a lease's time to renew before any reaping. */
  reconnected(): void {
    this.quietUntil = Date.now() + NODE_LEASE_MS;
  }

  /** Writes this node's lease again (also after Redis lost its data). */
  async renew(): Promise<void> {
    if (this.closed) return;
    await this.redis
      .multi()
      .set(NODE + this.nodeId, '1', 'PX', NODE_LEASE_MS)
      .sadd(NODES, this.nodeId)
      .exec();
  }

  /** Records whether `user` has a device connected to this node. */
  async track(user: UserId, here: boolean): Promise<void> {
    if (here) await this.redis.sadd(USERS + this.nodeId, user);
    else await this.redis.srem(USERS + this.nodeId, user);
  }

  /** Which of `nodes` hold a lease now. */
  async live(nodes: readonly string[]): Promise<Set<string>> {
    if (nodes.length === 0) return new Set();
    const flags = await this.redis.mget(nodes.map((n) => NODE + n));
    return new Set(nodes.filter((_, i) => flags[i] !== null));
  }

  /** Claims every listed node whose lease expired and hands its users over. */
  async reap(): Promise<void> {
    if (Date.now() < this.quietUntil) return;
    const nodes = (await this.redis.smembers(NODES)).filter((n) => n !== this.nodeId);
    const live = await this.live(nodes);
    for (const node of nodes) {
      if (live.has(node) || this.closed) continue;
      if ((await this.redis.srem(NODES, node)) !== 1) continue;
      const [[, users]] = (await this.redis
        .multi()
        .smembers(USERS + node)
        .del(USERS + node)
        .exec()) as [[Error | null, UserId[]]];
      this.gone?.(node, users);
    }
  }

  /** This node stops counting at once; it stays listed, for a survivor to reap. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.refresher);
    await this.redis.del(NODE + this.nodeId);
  }
}
