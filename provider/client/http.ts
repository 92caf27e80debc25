/**
 * The only code that speaks HTTP: got with bearer auth, timeouts and the retry policy.
 * Every call returns the unwrapped `result`; failures become typed errors.
 */
import got, { type Got } from "got";
import type { z } from "zod";
import { errorDetailsOf, parseResult, type Unwrapped, unwrap } from "./envelope";
import { ConnectionError, errorFromResponse, type RequestDescription } from "./errors";
import { type Pacer, pacerFor } from "./pacer";
import { type RequestLog, requestLogFromEnvironment } from "./request-log";
import { attemptsFor, defaultRetryPolicy, isRetryable, parseRetryAfterMs, type RetryPolicy, retryDelayMs } from "./retry";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
/** A list value is sent as the key repeated (fact 105: `action_type=create&action_type=update`). */
export type Query = Record<string, string | number | boolean | string[] | undefined>;

export interface ClientOptions {
  baseUrl: string;
  token: string;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  /** Defaults to this process's pacer for the endpoint and token; tests give one a small limit. */
  pacer?: Pacer;
  /** Injected in tests so that backoff costs no wall time. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Where each attempt is logged; by default, as CLOUDFLARE_IAM_LOG asks (request-log.ts). */
  log?: RequestLog;
}

export interface RequestOptions<T> {
  method: HttpMethod;
  path: string;
  schema: z.ZodType<T, z.ZodTypeDef, unknown>;
  query?: Query;
  body?: unknown;
  /** Defaults to every method but POST. A POST that only repeats a state (no new object) may set it. */
  idempotent?: boolean;
  /** The answer is plain JSON, not a v4 envelope (SCIM's endpoints). */
  bare?: boolean;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function compactQuery(query: Query | undefined): URLSearchParams | undefined {
  if (!query) return undefined;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const one of Array.isArray(value) ? value : [value]) if (one !== undefined && one !== "") params.append(key, String(one));
  }
  return params.size ? params : undefined;
}

export class CloudflareClient {
  private readonly http: Got;
  private readonly policy: RetryPolicy;
  private readonly pacer: Pacer;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly log: RequestLog;

  constructor(options: ClientOptions) {
    this.policy = { ...defaultRetryPolicy, ...options.retry };
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.log = options.log ?? requestLogFromEnvironment() ?? (() => undefined);
    this.pacer = options.pacer ?? pacerFor(options.baseUrl, options.token);
    this.http = got.extend({
      prefixUrl: options.baseUrl.replace(/\/+$/, ""),
      headers: { authorization: `Bearer ${options.token}`, "user-agent": "pulumi-cloudflare-iam" },
      throwHttpErrors: false,
      retry: { limit: 0 },
      timeout: { request: options.timeoutMs ?? 60_000 },
      responseType: "text",
    });
  }

  async request<T>(options: RequestOptions<T>): Promise<Unwrapped<T>> {
    const idempotent = options.idempotent ?? options.method !== "POST";
    const description: RequestDescription = { method: options.method, path: options.path };
    for (let attempt = 1; ; attempt++) {
      let status: number;
      let body: unknown;
      let retryAfter: string | undefined;
      const answered = await this.pacer.acquire(this.sleep);
      try {
        const response = await this.http(options.path.replace(/^\/+/, ""), {
          method: options.method,
          searchParams: compactQuery(options.query),
          // got types json as a record, but arrays (member lists) serialise the same way.
          json: options.body as Record<string, unknown> | undefined,
        });
        answered();
        status = response.statusCode;
        body = parseBody(response.body);
        retryAfter = response.headers["retry-after"];
      } catch (error) {
        answered();
        const cause = (error as { code?: string }).code ?? (error as Error).message;
        const retry = attempt < attemptsFor(undefined, this.policy) && isRetryable(undefined, idempotent);
        this.log({ ...description, attempt, retry: retry ? `no answer (${cause})` : undefined });
        if (retry) {
          await this.sleep(retryDelayMs(attempt, undefined, this.policy, this.random));
          continue;
        }
        throw new ConnectionError(description, cause, !idempotent);
      }
      const what = `${options.method} ${options.path}`;
      if (status < 400 && (options.bare || (body as { success?: unknown } | undefined)?.success === true)) {
        this.log({ ...description, status, attempt });
        return options.bare ? { result: parseResult(body, options.schema, what) } : unwrap(body, options.schema, what);
      }
      const retryAfterMs = parseRetryAfterMs(retryAfter);
      const waitable = retryAfterMs === undefined || retryAfterMs <= this.policy.maxRetryAfterMs;
      const retry = attempt < attemptsFor(status, this.policy) && isRetryable(status, idempotent) && waitable;
      this.log({ ...description, status, attempt, retry: retry ? (status === 429 ? "rate limited" : `HTTP ${status}`) : undefined });
      if (retry) {
        const delay = retryDelayMs(attempt, retryAfterMs, this.policy, this.random);
        // A 429 holds every request of this pacer, this one's retry included; other failures wait alone.
        if (status === 429) this.pacer.holdFor(delay, this.sleep);
        else await this.sleep(delay);
        continue;
      }
      throw errorFromResponse(status, errorDetailsOf(body), description);
    }
  }

  async get<T>(path: string, schema: RequestOptions<T>["schema"], query?: Query): Promise<T> {
    return (await this.request({ method: "GET", path, schema, query })).result;
  }

  async post<T>(path: string, body: unknown, schema: RequestOptions<T>["schema"], idempotent = false): Promise<T> {
    return (await this.request({ method: "POST", path, body, schema, idempotent })).result;
  }

  async put<T>(path: string, body: unknown, schema: RequestOptions<T>["schema"]): Promise<T> {
    return (await this.request({ method: "PUT", path, body, schema })).result;
  }

  async patch<T>(path: string, body: unknown, schema: RequestOptions<T>["schema"]): Promise<T> {
    return (await this.request({ method: "PATCH", path, body, schema })).result;
  }

  async delete<T>(path: string, schema: RequestOptions<T>["schema"]): Promise<T> {
    return (await this.request({ method: "DELETE", path, schema })).result;
  }
}
