// Owns rate-limit buckets shared by natter nodes in Redis (RateLimitStore):
// one hash per bucket, taken from atomically by a Lua script that refills it
// by Redis's own clock (nodes' clocks may disagree; Redis's is one), and
// left to expire once it would be full again. When Redis does not answer in
// time, or is known to be out of reach, the node limits with buckets of its
// own until it answers again, so a Redis outage slows nobody down and lets
// no flood through unlimited.
import type { Redis } from 'ioredis';
import { systemClock } from '../server/clock';
import { createMemoryRateLimitStore, type RateLimitOptions, type RateLimitStore } from '../server/rate-limiter';
import { within } from '../server/within';

const PREFIX = 'natter:rl:';
/** How long a take waits for Redis before the node's own buckets answer. */
const ANSWER_MS = 500;

// KEYS[1] bucket; ARGV perSecond, burst, cost. Answers 0 (taken) or ms until enough tokens (-1: never).
const TAKE = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'last')
local tokens = tonumber(b[1]) or burst
local last = tonumber(b[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - last) * rate / 1000)
local wait = 0
if tokens >= cost then
  tokens = tokens - cost
elseif rate <= 0 then
  wait = -1
else
  wait = math.max(1, math.ceil((cost - tokens) * 1000 / rate))
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'last', tostring(now))
if rate > 0 then
  redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) * 1000 / rate) + 1000)
end
return wait
`;

export function createRedisRateLimitStore(redis: Redis, onError: (e: unknown) => void): RateLimitStore {
  const fallback = createMemoryRateLimitStore(systemClock);
  return {
    async take(key: string, rule: RateLimitOptions, cost = 1): Promise<number> {
      // Known to be out of reach: the node's own buckets answer at once (nothing queued for later).
      if (redis.status !== 'ready') return fallback.take(key, rule, cost);
      const asked = redis.eval(TAKE, 1, PREFIX + key, rule.perSecond, rule.burst, cost).then(
        (n) => Number(n),
        (e: unknown) => {
          onError(e);
          return null;
        },
      );
      const answer = await within(asked, ANSWER_MS, () => null);
      if (answer === null) return fallback.take(key, rule, cost);
      return answer < 0 ? Number.MAX_SAFE_INTEGER : answer;
    },
  };
}
