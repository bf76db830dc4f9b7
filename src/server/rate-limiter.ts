// Owns per-connection rate limiting: a token bucket refilled by the core's
// clock. Each request costs one token; when none is left the request is
// refused with 509 and the time until the next token.
import type { Clock } from './clock';

export interface RateLimitOptions {
  /** Sustained requests per second. */
  perSecond: number;
  /** Requests allowed in a burst above the sustained rate. */
  burst: number;
}

// Sized for legitimate bursts: an outbox of hundreds of sends flushed after a reconnect, or a bot
// answering a burst, goes through at full speed and in order; a flood is still cut off.
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perSecond: 200, burst: 1000 };

export interface RateLimiter {
  /** 0 when the request may proceed, else milliseconds to wait. */
  take(): number;
}

export function createRateLimiter(clock: Clock, options: RateLimitOptions | false): RateLimiter {
  if (!options) return { take: () => 0 };
  const { perSecond, burst } = options;
  let tokens = burst;
  let last = clock.now();
  return {
    take() {
      const now = clock.now();
      tokens = Math.min(burst, tokens + ((now - last) * perSecond) / 1000);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil(((1 - tokens) * 1000) / perSecond));
    },
  };
}
