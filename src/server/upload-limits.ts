// Owns what one user may upload: a rate (uploads per second, with a burst)
// and a byte quota that refills over a period (1 GiB a day by default), both
// per user across connections and nodes (the core's RateLimitStore), for
// HTTP uploads and in-frame `file.put` alike.
import { ErrorCode, NatterError } from '../protocol/errors';
import type { UserId } from '../protocol/message';
import type { CoreContext } from './context';
import type { RateLimitOptions, UploadQuota } from './rate-limiter';

export type { UploadQuota };

export const DEFAULT_UPLOAD_RATE: RateLimitOptions = { perSecond: 1, burst: 20 };
export const DEFAULT_UPLOAD_QUOTA: UploadQuota = { bytes: 1024 ** 3, perMs: 24 * 3600_000 };

/** Charges one upload of `size` bytes to `user`: 509 over the rate, 4152 over the quota (both with retryAfter). */
export async function chargeUpload(ctx: CoreContext, user: UserId, size: number): Promise<void> {
  const rate = ctx.options.uploadRateLimit ?? DEFAULT_UPLOAD_RATE;
  if (rate) {
    const wait = await ctx.rateLimits.take(`upload:${user}`, rate);
    if (wait > 0) throw new NatterError(ErrorCode.RATE_LIMITED, 'too many uploads', wait);
  }
  const quota = ctx.options.uploadQuota ?? DEFAULT_UPLOAD_QUOTA;
  if (quota) {
    const rule = { perSecond: (quota.bytes * 1000) / quota.perMs, burst: quota.bytes };
    const wait = await ctx.rateLimits.take(`upload-bytes:${user}`, rule, size);
    if (wait > 0)
      throw new NatterError(
        ErrorCode.QUOTA_EXCEEDED,
        `upload quota of ${quota.bytes} bytes per ${quota.perMs} ms exceeded`,
        wait,
      );
  }
}
