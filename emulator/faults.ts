/** Fault injection for tests: random refusals, added latency, and writes whose answer is lost. */
export interface FaultConfig {
  /** Share of API requests answered 429 before they run. */
  rateLimitRate: number;
  /** Share of API requests answered 500 or 503 before they run. */
  serverErrorRate: number;
  /** Extra latency, drawn uniformly from [min, max] milliseconds. */
  latencyMs: [number, number];
  /** Share of successful writes (POST, PUT, PATCH, DELETE) applied, then the connection dropped unanswered. */
  dropAfterWriteRate: number;
  /** Drop exactly the next N successful writes (applied, then unanswered): for deterministic tests. */
  dropNextWrites: number;
  /** Answer exactly the next N API requests 500, before they run: for deterministic tests. */
  failNextRequests: number;
  /** The Retry-After (seconds) sent with injected 429s. */
  retryAfterSeconds: number;
}

export const noFaults: FaultConfig = {
  rateLimitRate: 0,
  serverErrorRate: 0,
  latencyMs: [0, 0],
  dropAfterWriteRate: 0,
  dropNextWrites: 0,
  failNextRequests: 0,
  retryAfterSeconds: 1,
};

function rate(value: unknown, name: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new Error(`${name} must be a number from 0 to 1`);
  return n;
}

/** Merges a partial update (admin endpoint or CLI flags) into `current`, checking every value. */
export function mergeFaults(current: FaultConfig, update: Partial<FaultConfig>): FaultConfig {
  const next = { ...current };
  if (update.rateLimitRate !== undefined) next.rateLimitRate = rate(update.rateLimitRate, "rateLimitRate");
  if (update.serverErrorRate !== undefined) next.serverErrorRate = rate(update.serverErrorRate, "serverErrorRate");
  if (update.dropAfterWriteRate !== undefined) next.dropAfterWriteRate = rate(update.dropAfterWriteRate, "dropAfterWriteRate");
  if (update.dropNextWrites !== undefined) next.dropNextWrites = Math.max(0, Math.floor(Number(update.dropNextWrites)));
  if (update.failNextRequests !== undefined) next.failNextRequests = Math.max(0, Math.floor(Number(update.failNextRequests)));
  if (update.retryAfterSeconds !== undefined) next.retryAfterSeconds = Math.max(0, Number(update.retryAfterSeconds));
  if (update.latencyMs !== undefined) {
    const [min, max] = update.latencyMs.map(Number);
    if (!(min >= 0 && max >= min)) throw new Error("latencyMs must be [min, max] with 0 <= min <= max");
    next.latencyMs = [min, max];
  }
  return next;
}

export type InjectedRefusal = { status: 429 } | { status: 500 | 503 } | undefined;

export function drawRefusal(config: FaultConfig, random: () => number): InjectedRefusal {
  if (config.failNextRequests > 0) {
    config.failNextRequests--;
    return { status: 500 };
  }
  if (config.rateLimitRate > 0 && random() < config.rateLimitRate) return { status: 429 };
  if (config.serverErrorRate > 0 && random() < config.serverErrorRate) return { status: random() < 0.5 ? 500 : 503 };
  return undefined;
}

/** Whether to drop this write's answer; consumes one of `dropNextWrites` when it does. */
export function drawDrop(config: FaultConfig, random: () => number): boolean {
  if (config.dropNextWrites > 0) {
    config.dropNextWrites--;
    return true;
  }
  return config.dropAfterWriteRate > 0 && random() < config.dropAfterWriteRate;
}

export function drawLatency(config: FaultConfig, random: () => number): number {
  const [min, max] = config.latencyMs;
  return max > 0 ? min + random() * (max - min) : 0;
}
