/** Cloudflare's rate limit: a sliding window of requests per token (1200 per 5 minutes by default). */
export interface RateLimitConfig {
  limit: number;
  windowMs: number;
}

export const cloudflareRateLimit: RateLimitConfig = { limit: 1200, windowMs: 5 * 60 * 1000 };

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(readonly config: RateLimitConfig | undefined) {}

  take(key: string, now: number): RateDecision {
    if (!this.config) return { allowed: true };
    const { limit, windowMs } = this.config;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - windowMs);
    if (recent.length >= limit) {
      this.hits.set(key, recent);
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0] + windowMs - now) / 1000)) };
    }
    recent.push(now);
    this.hits.set(key, recent);
    return { allowed: true };
  }
}
