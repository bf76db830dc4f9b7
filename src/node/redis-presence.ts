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
// A change is also recorded, in that step, in the node's pending changes
// (with a per-user version), and cleared once its contacts were told: the
// survivor handed a dead node reads what it left pending and still current
// (no later change of the user) and tells those contacts, so a node killed
// between the two steps loses no change.
// After Redis loses its data (a restart) the node writes its entries again.
import type { Redis } from 'ioredis';
import type { UserId } from '../protocol/message';
import type { PresenceStatus } from '../protocol/people';
import { combinePresence, type PresenceChange, type PresenceShare } from '../server/presence-share';
import { NODE_KEY, NODE_USERS_KEY, RedisNodeLease } from './redis-node-lease';

const USER = 'natter:presence:';
const SHOWN = 'natter:shown:';
/** user → the version of what contacts see (raised by each change). */
const VERSION = 'natter:shown-version:';
/** node → its changes not yet told: user → `version|status|lastSeen`. */
export const PENDING = 'natter:presence-pending:';

/** Where the users of a node that went away are handed, with the changes it left untold. */
export type PresenceGoneHandler = (node: string, users: UserId[], pending: PresenceChange[]) => Promise<unknown>;

// Shared by both scripts: this node's entry written (and the user in or out of its set), then every
// entry of a live node combined. KEYS[1] the user's hash, KEYS[2] what was shown, KEYS[3] this
// node's users, KEYS[4] the user's version, KEYS[5] this node's pending changes; ARGV node,
// status, user, lease key prefix.
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

// ARGV[5] '1' when the user hides presence, ARGV[6] last seen ('' for none). When what contacts
// see changed, it is recorded as pending and its entry answered (`version|status|lastSeen`), else nil.
const PUBLISH = `${WRITE_AND_COMBINE}
if ARGV[5] == '1' then shown = 'offline' end
if (redis.call('GET', KEYS[2]) or 'offline') == shown then return false end
redis.call('SET', KEYS[2], shown)
local entry = redis.call('INCR', KEYS[4]) .. '|' .. shown .. '|' .. ARGV[6]
redis.call('HSET', KEYS[5], ARGV[3], entry)
return entry
`;

// KEYS[1] a node's pending changes; ARGV user, entry. A later change of the same user stays.
const TOLD = `
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then redis.call('HDEL', KEYS[1], ARGV[1]) end
return 0
`;

// KEYS[1] a node's pending changes, KEYS[2] the user's version; ARGV user, entry. Answers 1 when
// the entry is still pending and its version the user's latest, else drops it (a later change
// replaced it: whoever made that one tells it) and answers 0.
const CURRENT = `
local entry = redis.call('HGET', KEYS[1], ARGV[1])
if entry ~= ARGV[2] then return 0 end
if redis.call('GET', KEYS[2]) == string.match(entry, '^(%d+)|') then return 1 end
redis.call('HDEL', KEYS[1], ARGV[1])
return 0
`;

// KEYS[1] a node's pending changes; ARGV[1] the version key prefix. Drops the changes a later one
// replaced (whoever made that one tells it) and answers the others, user and entry in turn.
const STILL_PENDING = `
local all = redis.call('HGETALL', KEYS[1])
local out = {}
for i = 1, #all, 2 do
  local version = string.match(all[i + 1], '^(%d+)|')
  if redis.call('GET', ARGV[1] .. all[i]) == version then
    out[#out + 1] = all[i]
    out[#out + 1] = all[i + 1]
  else
    redis.call('HDEL', KEYS[1], all[i])
  end
end
return out
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

  async publish(
    user: UserId,
    status: PresenceStatus,
    hidden: boolean,
    lastSeen: number | null,
  ): Promise<PresenceChange | null> {
    if (status === 'offline') this.mine.delete(user);
    else this.mine.set(user, status);
    const entry = await this.run(PUBLISH, user, status, hidden ? '1' : '0', String(lastSeen ?? ''));
    return typeof entry === 'string' ? change(this.nodeId, user, entry) : null;
  }

  async told(c: PresenceChange): Promise<void> {
    const [node, entry] = ticketOf(c);
    await this.redis.eval(TOLD, 1, PENDING + node, c.user, entry);
  }

  async current(c: PresenceChange): Promise<boolean> {
    const [node, entry] = ticketOf(c);
    return (await this.redis.eval(CURRENT, 2, PENDING + node, VERSION + c.user, c.user, entry)) === 1;
  }

  /** The changes `node` recorded and never told that are still what contacts should see. */
  async pending(node: string): Promise<PresenceChange[]> {
    const flat = (await this.redis.eval(STILL_PENDING, 1, PENDING + node, VERSION)) as string[];
    const out: PresenceChange[] = [];
    for (let i = 0; i < flat.length; i += 2) out.push(change(node, flat[i]!, flat[i + 1]!));
    return out;
  }

  /** Where a node that went away is handed (one surviving node gets each), with what it left untold. */
  onNodeGone(handler: PresenceGoneHandler): void {
    this.lease.onGone(async (node, users) => handler(node, users, await this.pending(node)));
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
      5,
      USER + user,
      SHOWN + user,
      NODE_USERS_KEY + this.nodeId,
      VERSION + user,
      PENDING + this.nodeId,
      this.nodeId,
      status,
      user,
      NODE_KEY,
      ...more,
    );
  }
}

/** The node whose pending changes hold `c`, and its entry there. */
function ticketOf(c: PresenceChange): [node: string, entry: string] {
  const at = c.ticket.indexOf(' ');
  return [c.ticket.slice(0, at), c.ticket.slice(at + 1)];
}

/** A pending change from its entry (`version|status|lastSeen`) in `node`'s pending changes. */
function change(node: string, user: UserId, entry: string): PresenceChange {
  const [, status, lastSeen] = entry.split('|');
  return {
    user,
    status: status as PresenceStatus,
    lastSeen: lastSeen ? Number(lastSeen) : null,
    ticket: `${node} ${entry}`,
  };
}
