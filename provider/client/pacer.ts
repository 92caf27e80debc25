/**
 * Paces requests so that a run stays under Cloudflare's rate limit instead of meeting it: 1200
 * requests per 5 minutes per user (the API reference's README). A request goes when fewer than
 * `limit` requests are in the window: those still unanswered, and those answered less than a
 * window ago. The server counts a request when it arrives, which is before its answer, so
 * counting by the answer's time can never undercount what the server sees. Bursts up to the limit
 * go at full speed, so a run that fits in the window never waits. A 429 (someone this process
 * cannot see used the budget) holds every request until its Retry-After has passed, and for a
 * window after it requests go no faster than the limit allows in the long run (one per
 * window / limit: 250 ms for Cloudflare's), so that the refused ones do not all come back at once.
 */

export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** Cloudflare's limit, per user: 1200 requests per 5 minutes. */
export const CLOUDFLARE_RATE_LIMIT: RateLimit = { limit: 1200, windowMs: 5 * 60 * 1000 };

export type Sleep = (ms: number) => Promise<void>;

/** Called when the request's answer (or failure) arrives. */
export type Release = () => void;

export class Pacer {
  /** When each answered request in the window was answered, oldest first. */
  private readonly answeredAt: number[] = [];
  private unanswered = 0;
  /** Resolves when a request is answered: what a turn waits for when every request in the window is unanswered. */
  private answered = signal();
  /** The wait a 429 imposed: every request's turn begins after it. */
  private hold: Promise<void> = Promise.resolve();
  private heldUntil = -Infinity;
  /** Until when requests go one per `window / limit`, after a 429; the first after a hold goes at once. */
  private steadyUntil = -Infinity;
  private lastSentAt = -Infinity;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly rateLimit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Waits for this request's turn (first come, first served); call the release when it is answered. */
  acquire(sleep: Sleep): Promise<Release> {
    const turn = this.queue.then(() => this.take(sleep));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** The server refused a request for `ms` (its Retry-After): nothing is sent before that has passed. */
  holdFor(ms: number, sleep: Sleep): void {
    this.heldUntil = Math.max(this.heldUntil, this.now() + ms);
    this.steadyUntil = Math.max(this.steadyUntil, this.heldUntil + this.rateLimit.windowMs);
    const earlier = this.hold;
    this.hold = Promise.all([earlier, sleep(ms)]).then(() => undefined);
  }

  private async take(sleep: Sleep): Promise<Release> {
    await this.hold;
    const steadyAt = this.lastSentAt + this.rateLimit.windowMs / this.rateLimit.limit;
    if (this.now() < this.steadyUntil && this.lastSentAt >= this.heldUntil && steadyAt > this.now()) await sleep(steadyAt - this.now());
    for (;;) {
      const now = this.now();
      while (this.answeredAt.length && this.answeredAt[0] <= now - this.rateLimit.windowMs) this.answeredAt.shift();
      if (this.unanswered + this.answeredAt.length < this.rateLimit.limit) break;
      if (this.answeredAt.length) await sleep(this.answeredAt[0] + this.rateLimit.windowMs - now);
      else await this.answered.promise;
    }
    this.lastSentAt = this.now();
    this.unanswered++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.unanswered--;
      this.answeredAt.push(this.now());
      const { resolve } = this.answered;
      this.answered = signal();
      resolve();
    };
  }
}

function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const pacers = new Map<string, Pacer>();

/**
 * The one pacer of this process for an endpoint and token, shared by every client built for
 * them. It sees only this process: other processes and tools using the same account's limit
 * are invisible to it until the server answers 429.
 */
export function pacerFor(baseUrl: string, token: string): Pacer {
  const key = `${baseUrl}\n${token}`;
  let pacer = pacers.get(key);
  if (!pacer) {
    pacer = new Pacer(CLOUDFLARE_RATE_LIMIT);
    pacers.set(key, pacer);
  }
  return pacer;
}
