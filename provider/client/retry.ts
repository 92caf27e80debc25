/** Pure retry policy: which answers are retried, and how long to wait before the next try. */

export interface RetryPolicy {
  /** Total tries, the first included, for 5xx and lost connections. */
  maxAttempts: number;
  /**
   * Total tries for 429. A 429 is a request refused before it ran, so waiting it out is always
   * safe; more tries keep a rate-limit refusal from ever reaching the user.
   */
  maxRateLimitedAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * The longest `Retry-After` honoured; a longer one fails at once rather than hang. Cloudflare's
   * window is 5 minutes, so a refusal of its rate limit never asks for longer.
   */
  maxRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 6,
  maxRateLimitedAttempts: 12,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 300_000,
};

/** How many tries an answer with this status gets. */
export function attemptsFor(status: number | undefined, policy: RetryPolicy): number {
  return status === 429 ? policy.maxRateLimitedAttempts : policy.maxAttempts;
}

/**
 * 429 means the request was refused before it ran, so it is safe to retry for every method.
 * 5xx and lost connections may hide an applied write, so only idempotent requests retry them.
 */
export function isRetryable(status: number | undefined, idempotent: boolean): boolean {
  if (status === 429) return true;
  if (!idempotent) return false;
  return status === undefined || status >= 500;
}

/** Parses `Retry-After` as seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfterMs(header: string | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Delay before retry number `attempt` (1 for the first retry). `Retry-After` wins when given;
 * otherwise capped exponential backoff, drawn uniformly from half the cap to the whole of it ("equal
 * jitter"), so parallel clients do not retry in step and no retry comes back at once.
 */
export function retryDelayMs(attempt: number, retryAfterMs: number | undefined, policy: RetryPolicy, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
