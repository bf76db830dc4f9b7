// Owns rate limiting: token buckets keyed by who is asking (a user across all
// of their connections, or one connection before it has said who it is),
// behind a `RateLimitStore` interface so that several nodes can share buckets
// (a Redis-backed store implements the same `take`). The memory store here
// refills by the core's clock and forgets buckets that have refilled.
import type { Clock } from './clock';

export interface RateLimitOptions {
  /** Sustained requests per second. */
  perSecond: number;
  /** Requests allowed in a burst above the sustained rate. */
  burst: number;
}

/** A byte allowance that refills evenly over a period (per-user upload quota). */
export interface UploadQuota {
  /** Bytes a user may upload per period. */
  bytes: number;
  /** The period in ms over which the quota refills. */
  perMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perSecond: 50, burst: 200 };

/**
 * Shared token buckets. `take` removes `cost` tokens from bucket `key` (created full, refilled at
 * `rule.perSecond`, capped at `rule.burst`) and answers 0 when allowed, else the milliseconds until
 * enough tokens are back. A refused take removes nothing. May answer asynchronously (a remote store).
 */
export interface RateLimitStore {
  take(key: string, rule: RateLimitOptions, cost?: number): number | Promise<number>;
}

interface Bucket {
  tokens: number;
  last: number;
}

/** How many buckets the memory store holds before it drops those that have refilled. */
const PRUNE_AT = 10_000;

export function createMemoryRateLimitStore(clock: Clock): RateLimitStore {
  const buckets = new Map<string, Bucket>();
  const prune = (now: number, rule: RateLimitOptions): void => {
    for (const [key, b] of buckets) {
      if (b.tokens + ((now - b.last) * rule.perSecond) / 1000 >= rule.burst) buckets.delete(key);
    }
  };
  return {
    take(key, rule, cost = 1) {
      const now = clock.now();
      let b = buckets.get(key);
      if (!b) {
        if (buckets.size >= PRUNE_AT) prune(now, rule);
        b = { tokens: rule.burst, last: now };
        buckets.set(key, b);
      }
      b.tokens = Math.min(rule.burst, b.tokens + ((now - b.last) * rule.perSecond) / 1000);
      b.last = now;
      if (b.tokens >= cost) {
        b.tokens -= cost;
        return 0;
      }
      if (rule.perSecond <= 0) return Number.MAX_SAFE_INTEGER;
      return Math.max(1, Math.ceil(((cost - b.tokens) * 1000) / rule.perSecond));
    },
  };
}
