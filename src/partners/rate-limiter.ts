import { GatewayError } from '../kernel/gateway-error.js';

export interface RateLimiter {
  /**
   * Takes `count` requests (a batch counts each message) from the partner's allowance; throws a 429
   * GatewayError with Retry-After when it is used up.
   */
  take(partner: string, count?: number): void;
  /** Throws the same 429 as `take` when not one request is left, taking nothing (for counting failures only). */
  check(partner: string): void;
}

/**
 * A token bucket per partner: `burst` requests at once, refilled at `perSecond`. Kept in memory, so
 * with several replicas each one enforces its own share.
 */
export function createRateLimiter(options: { perSecond: number; burst: number; now?: () => number; maxPartners?: number }): RateLimiter {
  const now = options.now ?? Date.now;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const maxPartners = options.maxPartners ?? 10_000;
  const refused = (partner: string, tokens: number, need: number): GatewayError => {
    const wait = Math.ceil((need - tokens) / options.perSecond);
    return new GatewayError('USM_ERR_RATE_LIMITED', `${partner} may send ${options.perSecond} requests a second`, { headers: { 'retry-after': String(Math.max(1, wait)) } });
  };
  return {
    check(partner) {
      const bucket = buckets.get(partner);
      if (bucket === undefined) return;
      const tokens = Math.min(options.burst, bucket.tokens + ((now() - bucket.at) / 1000) * options.perSecond);
      if (tokens < 1) throw refused(partner, tokens, 1);
    },
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
      if (bucket.tokens < need) throw refused(partner, bucket.tokens, need);
      bucket.tokens -= need;
    },
  };
}
