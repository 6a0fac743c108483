import { GatewayError } from '../kernel/gateway-error.js';

export interface RateLimiter {
  /**
   * Takes `count` requests (a batch counts each message) from the partner's allowance; throws a 429
   * GatewayError with Retry-After when it is used up.
   */
  take(partner: string, count?: number): void;
}

/**
 * A token bucket per partner: `burst` requests at once, refilled at `perSecond`. Kept in memory, so
 * with several replicas each one enforces its own share.
 */
export function createRateLimiter(options: { perSecond: number; burst: number; now?: () => number; maxPartners?: number }): RateLimiter {
  const now = options.now ?? Date.now;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const maxPartners = options.maxPartners ?? 10_000;
  return {
    take(partner, count = 1) {
      // A batch larger than the burst would never fit: it needs a full bucket.
      const need = Math.min(count, options.burst);
      const t = now();
      const bucket = buckets.get(partner) ?? { tokens: options.burst, at: t };
      bucket.tokens = Math.min(options.burst, bucket.tokens + ((t - bucket.at) / 1000) * options.perSecond);
      bucket.at = t;
      if (!buckets.has(partner)) {
        if (buckets.size >= maxPartners) buckets.delete(buckets.keys().next().value!);
        buckets.set(partner, bucket);
      }
      if (bucket.tokens < need) {
        const wait = Math.ceil((need - bucket.tokens) / options.perSecond);
        throw new GatewayError('USM_ERR_RATE_LIMITED', `${partner} may send ${options.perSecond} requests a second`, { headers: { 'retry-after': String(Math.max(1, wait)) } });
      }
      bucket.tokens -= need;
    },
  };
}
