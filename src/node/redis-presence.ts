// Owns presence shared between natter nodes in Redis (PresenceShare): a hash
// per user holds, for each node where the user is connected, their status
// there; each node's lease (redis-node-lease.ts) says which of those entries
// still count, and hands the users of a node that went away to one survivor.
// What contacts were last told of a user is a key swapped atomically
// (SET … GET), so of two nodes computing the same change one announces it.
// After Redis loses its data (a restart) the node writes its entries again.
import type { Redis } from 'ioredis';
import type { UserId } from '../protocol/message';
import type { PresenceStatus } from '../protocol/people';
import { combinePresence, type PresenceShare } from '../server/presence-share';
import { RedisNodeLease } from './redis-node-lease';

const USER = 'natter:presence:';
const SHOWN = 'natter:shown:';

export class RedisPresence implements PresenceShare {
  /** This node's entries (written again after a Redis restart). */
  private readonly mine = new Map<UserId, PresenceStatus>();
  readonly lease: RedisNodeLease;

  constructor(
    private readonly redis: Redis,
    private readonly nodeId: string,
    private readonly onError: (e: unknown) => void,
  ) {
    this.lease = new RedisNodeLease(redis, nodeId, onError);
  }

  async share(user: UserId, status: PresenceStatus): Promise<void> {
    if (status === 'offline') {
      this.mine.delete(user);
      await Promise.all([this.redis.hdel(USER + user, this.nodeId), this.lease.track(user, false)]);
    } else {
      this.mine.set(user, status);
      await Promise.all([this.redis.hset(USER + user, this.nodeId, status), this.lease.track(user, true)]);
    }
  }

  async elsewhere(users: readonly UserId[]): Promise<Map<UserId, PresenceStatus>> {
    const out = new Map<UserId, PresenceStatus>();
    if (users.length === 0) return out;
    const hashes = await Promise.all(users.map((u) => this.redis.hgetall(USER + u)));
    const nodes = [...new Set(hashes.flatMap((h) => Object.keys(h)))].filter((n) => n !== this.nodeId);
    if (nodes.length === 0) return out;
    const live = await this.lease.live(nodes);
    users.forEach((user, i) => {
      const statuses: PresenceStatus[] = [];
      for (const [node, status] of Object.entries(hashes[i]!)) {
        if (live.has(node)) statuses.push(status as PresenceStatus);
        // A dead node's entry is dropped by whoever finds it.
        else if (node !== this.nodeId) this.redis.hdel(USER + user, node).catch(this.onError);
      }
      const status = combinePresence(...statuses);
      if (status !== 'offline') out.set(user, status);
    });
    return out;
  }

  async announce(user: UserId, shown: PresenceStatus): Promise<boolean> {
    const before = await this.redis.set(SHOWN + user, shown, 'GET');
    return (before ?? 'offline') !== shown;
  }

  /** Whether `user` is connected to another live node. */
  async onlineElsewhere(user: UserId): Promise<boolean> {
    return (await this.elsewhere([user])).has(user);
  }

  /** Redis came back (possibly empty): this node's lease and entries are written again. */
  async restore(): Promise<void> {
    this.lease.reconnected();
    await this.lease.renew();
    await Promise.all([...this.mine].map(([user, status]) => this.share(user, status)));
  }

  /** This node stops counting at once (its entries are ignored from now on). */
  async close(): Promise<void> {
    await this.lease.close();
  }
}
