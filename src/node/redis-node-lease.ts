// Owns a natter node's lease in Redis and what happens when a node goes away.
// Each node holds a key refreshed while it runs, which expires soon after it
// stops (kill -9 included), is listed in a set of nodes, and keeps the set of
// users connected to it (written with their presence, redis-presence.ts). A
// node that finds another's lease expired claims it (a script moves it from
// the list to the claims, for one node only) and hands its users to the
// core, so one survivor tells their contacts and takes over their calls;
// the claim is dropped only once that hand-over finished. A claim whose
// holder's own lease expired (it died mid-way) is taken over the same way,
// so a dead node's hand-over is always finished by someone. A node that
// stops cleanly drops its key and stays listed: the survivors reap it at
// once, with whatever it could not finish itself. After Redis was out of
// reach, every lease may have run out meanwhile: a node reaps nobody until
// the others had time to renew theirs.
import type { Redis } from 'ioredis';
import type { UserId } from '../protocol/message';

export const NODE_KEY = 'natter:node:';
const NODES = 'natter:nodes';
/** node that went away → the node handing it over. */
const CLAIMS = 'natter:node-claims';
export const NODE_USERS_KEY = 'natter:node-users:';
/** A node that has not refreshed its key for this long no longer counts (it died). */
const DEFAULT_NODE_LEASE_MS = 15_000;
const MIN_NODE_LEASE_MS = 1_000;
const MAX_NODE_LEASE_MS = 600_000;

// KEYS[1] nodes, KEYS[2] claims, KEYS[3] the lease key of the holder expected (unused when none);
// ARGV node, claimer, expected holder ('' for a node still listed). Answers 1 when claimed.
const CLAIM = `
if ARGV[3] == '' then
  if redis.call('SREM', KEYS[1], ARGV[1]) == 0 then return 0 end
elseif redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[3] or redis.call('EXISTS', KEYS[3]) == 1 then
  return 0
end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
return 1
`;

// KEYS[1] claims, KEYS[2] the gone node's users; ARGV node, claimer. The hand-over is done.
const FINISH = `
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
  redis.call('HDEL', KEYS[1], ARGV[1])
  redis.call('DEL', KEYS[2])
end
return 0
`;

/** Where the users of a node that went away are handed; the claim holds until the promise settles. */
export type NodeGoneHandler = (node: string, users: UserId[]) => void | Promise<unknown>;

/** Checks a lease length (ms) given as an option; answers it, or throws saying what is allowed. */
export function checkNodeLeaseMs(ms: number | undefined): number {
  if (ms === undefined) return DEFAULT_NODE_LEASE_MS;
  if (!Number.isInteger(ms) || ms < MIN_NODE_LEASE_MS || ms > MAX_NODE_LEASE_MS)
    throw new Error(
      `the node lease must be whole milliseconds from ${MIN_NODE_LEASE_MS} to ${MAX_NODE_LEASE_MS}, got ${ms}`,
    );
  return ms;
}

export class RedisNodeLease {
  private readonly refresher: ReturnType<typeof setInterval>;
  private gone: NodeGoneHandler | null = null;
  private closed = false;
  private reaping = false;
  /** Gone nodes this node is handing over now. */
  private readonly working = new Set<string>();
  /** No reaping before this time (ms, this process's clock): leases may be renewing after an outage. */
  private quietUntil = 0;
  readonly leaseMs: number;

  constructor(
    private readonly redis: Redis,
    readonly nodeId: string,
    private readonly onError: (e: unknown) => void,
    leaseMs?: number,
  ) {
    this.leaseMs = checkNodeLeaseMs(leaseMs);
    const tick = (): void => {
      this.renew()
        .then(() => this.reap())
        .catch(onError);
    };
    tick();
    // Renewed three times a lease: one late refresh does not make a live node look dead.
    this.refresher = setInterval(tick, Math.floor(this.leaseMs / 3));
    this.refresher.unref();
  }

  /** Where the users of a node that went away are handed (one surviving node gets each node). */
  onGone(handler: NodeGoneHandler): void {
    this.gone = handler;
  }

  /** Redis answers again after an outage: the other nodes get a lease's time to renew before any reaping. */
  reconnected(): void {
    this.quietUntil = Date.now() + this.leaseMs;
  }

  /** Writes this node's lease again (also after Redis lost its data). */
  async renew(): Promise<void> {
    if (this.closed) return;
    await this.redis
      .multi()
      .set(NODE_KEY + this.nodeId, '1', 'PX', this.leaseMs)
      .sadd(NODES, this.nodeId)
      .exec();
  }

  /** Which of `nodes` hold a lease now. */
  async live(nodes: readonly string[]): Promise<Set<string>> {
    if (nodes.length === 0) return new Set();
    const flags = await this.redis.mget(nodes.map((n) => NODE_KEY + n));
    return new Set(nodes.filter((_, i) => flags[i] !== null));
  }

  /** Claims every listed node whose lease expired, and every claim whose holder died, and hands them over. */
  async reap(): Promise<void> {
    if (Date.now() < this.quietUntil || this.closed || this.reaping) return;
    this.reaping = true;
    try {
      const [listed, claims] = await Promise.all([this.redis.smembers(NODES), this.redis.hgetall(CLAIMS)]);
      const nodes = listed.filter((n) => n !== this.nodeId);
      const held = Object.entries(claims).filter(([, holder]) => holder !== this.nodeId);
      const live = await this.live([...nodes, ...held.map(([, holder]) => holder)]);
      const due: [string, string][] = [
        ...nodes.filter((n) => !live.has(n)).map((n): [string, string] => [n, '']),
        ...held.filter(([, holder]) => !live.has(holder)),
      ];
      for (const [node, holder] of due) {
        if (this.closed) return;
        const won = await this.redis.eval(CLAIM, 3, NODES, CLAIMS, NODE_KEY + holder, node, this.nodeId, holder);
        if (Number(won) === 1) this.handOver(node);
      }
      // A hand-over of this node's that failed earlier (the database out of reach) is tried again.
      for (const [node, holder] of Object.entries(claims))
        if (holder === this.nodeId && !this.closed) this.handOver(node);
    } finally {
      this.reaping = false;
    }
  }

  /**
   * Hands a claimed node's users to the core, once at a time per node, without holding up the lease
   * checks; the claim is dropped once that is done.
   */
  private handOver(node: string): void {
    if (this.working.has(node)) return;
    this.working.add(node);
    void (async () => {
      // Finished meanwhile (the claims were read before): nothing left to do.
      if ((await this.redis.hget(CLAIMS, node)) !== this.nodeId) return;
      const users = await this.redis.smembers(NODE_USERS_KEY + node);
      await this.gone?.(node, users);
      await this.redis.eval(FINISH, 2, CLAIMS, NODE_USERS_KEY + node, node, this.nodeId);
    })()
      // Still claimed: tried again at the next refresh, or by another node if this one dies.
      .catch(this.onError)
      .finally(() => this.working.delete(node));
  }

  /** This node stops counting at once; it stays listed, for a survivor to reap. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.refresher);
    await this.redis.del(NODE_KEY + this.nodeId);
  }
}
