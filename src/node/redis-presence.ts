// Owns presence shared between natter nodes in Redis (PresenceShare): a hash
// per user holds, for each node where the user is connected, their status
// there; each node's lease (redis-node-lease.ts) says which of those entries
// still count, and hands the users of a node that went away to one survivor.
// A node's change is one Lua script: its entry is written, every live
// node's entries are combined and compared with what contacts were last
// shown, which is replaced, all in one step, so of two nodes changing the
// same user at once the later one sees the earlier one's entry (no lost
// update) and exactly one announces each change. The scripts read the lease
// keys of the nodes they find, so they need one Redis (not Redis Cluster).
// After Redis loses its data (a restart) the node writes its entries again.
import type { Redis } from 'ioredis';
import type { UserId } from '../protocol/message';
import type { PresenceStatus } from '../protocol/people';
import { combinePresence, type PresenceShare } from '../server/presence-share';
import { NODE_KEY, NODE_USERS_KEY, RedisNodeLease } from './redis-node-lease';

const USER = 'natter:presence:';
const SHOWN = 'natter:shown:';

// Shared by both scripts: this node's entry written (and the user in or out of its set), then every
// entry of a live node combined. KEYS[1] the user's hash, KEYS[2] what was shown, KEYS[3] this
// node's users; ARGV node, status, user, lease key prefix.
const WRITE_AND_COMBINE = `
if ARGV[2] == 'offline' then
  redis.call('HDEL', KEYS[1], ARGV[1])
  redis.call('SREM', KEYS[3], ARGV[3])
else
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
  redis.call('SADD', KEYS[3], ARGV[3])
end
local all = redis.call('HGETALL', KEYS[1])
local shown = 'offline'
for i = 1, #all, 2 do
  local node, status = all[i], all[i + 1]
  if node == ARGV[1] or redis.call('EXISTS', ARGV[4] .. node) == 1 then
    if status == 'online' then shown = 'online' elseif status == 'away' and shown == 'offline' then shown = 'away' end
  end
end
`;

// ARGV[5] '1' when the user hides presence. Answers what contacts now see when it changed, else nil.
const PUBLISH = `${WRITE_AND_COMBINE}
if ARGV[5] == '1' then shown = 'offline' end
if (redis.call('GET', KEYS[2]) or 'offline') == shown then return false end
redis.call('SET', KEYS[2], shown)
return shown
`;

// After Redis lost its data: what was shown is raised to this node's view, never lowered (another
// node may have written a higher one). A user hiding presence may be recorded as shown: their next
// change then tells contacts 'offline' once more, which they already see.
const RESTORE = `${WRITE_AND_COMBINE}
local rank = { offline = 0, away = 1, online = 2 }
if rank[shown] > rank[redis.call('GET', KEYS[2]) or 'offline'] then redis.call('SET', KEYS[2], shown) end
return 0
`;

export class RedisPresence implements PresenceShare {
  /** This node's entries (written again after a Redis restart). */
  private readonly mine = new Map<UserId, PresenceStatus>();
  readonly lease: RedisNodeLease;

  constructor(
    private readonly redis: Redis,
    private readonly nodeId: string,
    private readonly onError: (e: unknown) => void,
    leaseMs?: number,
  ) {
    this.lease = new RedisNodeLease(redis, nodeId, onError, leaseMs);
  }

  async publish(user: UserId, status: PresenceStatus, hidden: boolean): Promise<PresenceStatus | null> {
    if (status === 'offline') this.mine.delete(user);
    else this.mine.set(user, status);
    const shown = await this.run(PUBLISH, user, status, hidden ? '1' : '0');
    return shown === null ? null : (shown as PresenceStatus);
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

  /** Whether `user` is connected to another live node. */
  async onlineElsewhere(user: UserId): Promise<boolean> {
    return (await this.elsewhere([user])).has(user);
  }

  /** Redis came back (possibly empty): this node's lease and entries are written again. */
  async restore(): Promise<void> {
    this.lease.reconnected();
    await this.lease.renew();
    await Promise.all([...this.mine].map(([user, status]) => this.run(RESTORE, user, status)));
  }

  /** This node stops counting at once (its entries are ignored from now on). */
  async close(): Promise<void> {
    await this.lease.close();
  }

  private run(script: string, user: UserId, status: PresenceStatus, ...more: string[]): Promise<unknown> {
    return this.redis.eval(
      script,
      3,
      USER + user,
      SHOWN + user,
      NODE_USERS_KEY + this.nodeId,
      this.nodeId,
      status,
      user,
      NODE_KEY,
      ...more,
    );
  }
}
