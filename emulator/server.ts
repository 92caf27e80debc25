/**
 * The emulator's HTTP server: auth, rate limit and faults in front of the API routes, envelopes
 * on every answer, persistence after every write, and the admin routes under /__emulator.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type AdminState, adminRouter } from "./admin";
import { apiRouter } from "./api";
import { ApiFailure, ErrorCodes } from "./api-error";
import { AuditLog, newRayId } from "./audit-log";
import { recordedWrite, registerAuditAdmin } from "./dashboard";
import { drawDrop, drawLatency, drawRefusal, type FaultConfig, mergeFaults, noFaults } from "./faults";
import { cloudflareRateLimit, type RateLimitConfig, RateLimiter } from "./rate-limit";
import type { ApiResult, EmulatorContext, Router } from "./router";
import type { PendingGroupMembers } from "./routes/members";
import { DEFAULT_ACCOUNT_ID, DEFAULT_TOKEN } from "./seed";
import { Stats } from "./stats";
import { Store } from "./store";
import { type Token, type TokenOptions, Tokens } from "./tokens";

export const API_PREFIX = "/client/v4";
export const ADMIN_PREFIX = "/__emulator";

export interface EmulatorOptions {
  port?: number;
  host?: string;
  stateFile?: string;
  token?: string;
  /**
   * A second token that reads but may not write, as a CI preview job's should be: GETs answer,
   * every POST, PUT, PATCH and DELETE is refused with 403 and code 10000 (fact 119).
   */
  readOnlyToken?: string;
  /** More tokens besides `token`, each with the id and name the audit log records. */
  tokens?: TokenOptions[];
  accountId?: string;
  /** `false` switches the limit off; the default is Cloudflare's 1200 per 5 minutes. */
  rateLimit?: RateLimitConfig | false;
  faults?: Partial<FaultConfig>;
  /** fact 37: how long a new user group's /members answers 404 (default 1000 ms). */
  membersPropagationMs?: number;
  /** fact 81: whether a pending invite may join a user group (default `accepted`); admin `PUT /pending_group_members` changes it. */
  pendingGroupMembers?: PendingGroupMembers;
  /** fact 114: how long an audit-log entry takes to appear (default 0). */
  auditLogDelayMs?: number;
  random?: () => number;
}

export interface RunningEmulator {
  /** Base URL of the API, ending in /client/v4: what CLOUDFLARE_BASE_URL should be. */
  baseUrl: string;
  adminUrl: string;
  port: number;
  accountId: string;
  token: string;
  readOnlyToken?: string;
  state: AdminState;
  close(): Promise<void>;
}

export const DEFAULT_MEMBERS_PROPAGATION_MS = 1000;
const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const MAX_BODY_BYTES = 1 << 20;

function envelope(result: ApiResult) {
  if (result.raw !== undefined) return result.raw;
  const body: Record<string, unknown> = { success: true, errors: [], messages: [] };
  if (result.result !== undefined) body.result = result.result;
  if (result.resultInfo) body.result_info = result.resultInfo;
  return body;
}

function failure(error: ApiFailure) {
  return {
    success: false,
    errors: [{ code: error.code, message: error.message, ...(error.pointer ? { source: { pointer: error.pointer } } : {}) }],
    messages: [],
    result: null,
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new ApiFailure(413, ErrorCodes.invalidRequest, "request body too large"));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiFailure(400, ErrorCodes.invalidRequest, "the request body is not valid JSON");
  }
}

/** The route a request was counted under, once known: its answer is counted under the same. */
interface Routed {
  route?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Emulator {
  readonly state: AdminState;
  private readonly api: Router = apiRouter();
  private readonly admin: Router;
  private readonly random: () => number;
  private readonly tokens: Tokens;
  private readonly auditLog: AuditLog;

  constructor(private readonly options: EmulatorOptions = {}) {
    if (options.readOnlyToken !== undefined && (options.readOnlyToken === "" || options.readOnlyToken === this.token)) {
      throw new Error("readOnlyToken must be a token of its own, not empty and not the token");
    }
    this.state = {
      store: new Store(options.accountId ?? DEFAULT_ACCOUNT_ID, options.stateFile),
      stats: new Stats(),
      limiter: new RateLimiter(options.rateLimit === false ? undefined : (options.rateLimit ?? cloudflareRateLimit)),
      faults: mergeFaults(noFaults, options.faults ?? {}),
      rolesApi: "served",
      pendingGroupMembers: options.pendingGroupMembers ?? "accepted",
    };
    const readOnly = options.readOnlyToken === undefined ? [] : [{ value: options.readOnlyToken, name: "read-only token", readOnly: true }];
    this.tokens = new Tokens([{ value: this.token, name: "local emulator token" }, ...readOnly, ...(options.tokens ?? [])]);
    this.auditLog = new AuditLog(this.accountId, options.auditLogDelayMs);
    this.admin = adminRouter(this.state);
    registerAuditAdmin(this.admin, this.api, this.tokens);
    this.random = options.random ?? Math.random;
  }

  private context(caller?: Token): EmulatorContext {
    const membersPropagationMs = this.options.membersPropagationMs ?? DEFAULT_MEMBERS_PROPAGATION_MS;
    const settings = { membersPropagationMs, rolesApi: this.state.rolesApi, pendingGroupMembers: this.state.pendingGroupMembers };
    return { store: this.state.store, settings, auditLog: this.auditLog, caller };
  }

  get token(): string {
    return this.options.token ?? DEFAULT_TOKEN;
  }

  get accountId(): string {
    return this.options.accountId ?? DEFAULT_ACCOUNT_ID;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://emulator.local");
    const method = (req.method ?? "GET").toUpperCase();
    const routed: Routed = {};
    try {
      const body = parseJson(await readBody(req));
      if (url.pathname.startsWith(ADMIN_PREFIX)) {
        return this.handleAdmin(method, url, body, res);
      }
      await this.handleApi(method, url, body, req, res, routed);
    } catch (error) {
      const apiError = error instanceof ApiFailure ? error : new ApiFailure(500, ErrorCodes.internal, `internal error: ${(error as Error).message}`);
      this.state.stats.answered(apiError.status, routed.route);
      send(res, apiError.status, failure(apiError));
    }
  }

  private handleAdmin(method: string, url: URL, body: unknown, res: ServerResponse): void {
    const match = this.admin.match(method, url.pathname.slice(ADMIN_PREFIX.length));
    if (!match) {
      send(res, 404, { error: `no admin route ${method} ${url.pathname}` });
      return;
    }
    try {
      send(res, 200, match.handler({ params: match.params, query: url.searchParams, body }, this.context()).result);
    } catch (error) {
      send(res, error instanceof ApiFailure ? error.status : 400, { error: (error as Error).message });
    }
  }

  private async handleApi(method: string, url: URL, body: unknown, req: IncomingMessage, res: ServerResponse, routed: Routed): Promise<void> {
    if (!url.pathname.startsWith(API_PREFIX)) throw new ApiFailure(404, ErrorCodes.noRoute, `No route for ${url.pathname}`);
    const match = this.api.match(method, url.pathname.slice(API_PREFIX.length));
    const route = this.state.stats.record(method, match?.template ?? "(no route)");
    routed.route = route;
    if (!match) throw new ApiFailure(404, ErrorCodes.noRoute, `No route for ${method} ${url.pathname}`);

    const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
    if (!token) throw new ApiFailure(401, ErrorCodes.authentication, "Authentication error: no API token was sent");
    const caller = this.tokens.identify(token);
    // fact 119: a token without the permission a call needs is refused as "Authentication error" (10000).
    if (caller.readOnly && WRITE_METHODS.has(method)) throw new ApiFailure(403, ErrorCodes.authentication, "Authentication error");
    // fact 51: a malformed account id is InvalidRoute (7003); another account's is refused.
    if (match.params.account_id !== undefined && !/^[0-9a-f]{32}$/.test(match.params.account_id)) {
      throw new ApiFailure(400, ErrorCodes.invalidRoute, `Could not route to ${url.pathname}, perhaps your object identifier is invalid?`);
    }
    if (match.params.account_id !== undefined && match.params.account_id !== this.accountId) {
      throw new ApiFailure(403, ErrorCodes.accountAccess, "Unauthorized to access requested resource");
    }

    const decision = this.state.limiter.take(token, Date.now());
    if (!decision.allowed) {
      return this.refuse(res, route, 429, decision.retryAfterSeconds, "rateLimited");
    }
    const latency = drawLatency(this.state.faults, this.random);
    if (latency > 0) {
      this.state.stats.injected("delayed");
      await sleep(latency);
    }
    const refusal = drawRefusal(this.state.faults, this.random);
    if (refusal?.status === 429) return this.refuse(res, route, 429, this.state.faults.retryAfterSeconds, "rateLimited");
    if (refusal) return this.refuse(res, route, refusal.status, undefined, "serverErrors");

    const context = this.context(caller);
    const run = () => match.handler({ params: match.params, query: url.searchParams, body }, context);
    if (!WRITE_METHODS.has(method)) {
      const answer = run();
      this.state.stats.answered(200, route);
      return send(res, 200, envelope(answer));
    }
    const write = {
      actor: { kind: "token" as const, token: caller },
      method,
      path: url.pathname.slice(API_PREFIX.length),
      body,
      ip: req.socket.remoteAddress ?? "",
      userAgent: req.headers["user-agent"] ?? "",
      rayId: newRayId(),
    };
    const result = recordedWrite(context, write, run);
    this.state.store.save();
    if (drawDrop(this.state.faults, this.random)) {
      this.state.stats.injected("dropped");
      this.state.stats.answered("dropped", route);
      req.socket.destroy();
      return;
    }
    this.state.stats.answered(result.status ?? 200, route);
    send(res, result.status ?? 200, envelope(result));
  }

  private refuse(res: ServerResponse, route: string, status: number, retryAfterSeconds: number | undefined, kind: "rateLimited" | "serverErrors"): void {
    const error =
      status === 429
        ? new ApiFailure(429, ErrorCodes.rateLimited, "Rate limited. Please wait and consider throttling your request speed")
        : new ApiFailure(status, status === 503 ? ErrorCodes.unavailable : ErrorCodes.internal, status === 503 ? "Service unavailable" : "Internal server error");
    this.state.stats.injected(kind);
    this.state.stats.answered(status, route);
    send(res, status, failure(error), retryAfterSeconds !== undefined ? { "retry-after": String(retryAfterSeconds) } : {});
  }

  listen(): Promise<RunningEmulator> {
    const server: Server = createServer((req, res) => void this.handle(req, res));
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.options.port ?? 0, this.options.host ?? "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo;
        const origin = `http://${this.options.host ?? "127.0.0.1"}:${port}`;
        resolve({
          baseUrl: `${origin}${API_PREFIX}`,
          adminUrl: `${origin}${ADMIN_PREFIX}`,
          port,
          accountId: this.accountId,
          token: this.token,
          readOnlyToken: this.options.readOnlyToken,
          state: this.state,
          close: () =>
            new Promise<void>((done) => {
              server.closeAllConnections();
              server.close(() => done());
            }),
        });
      });
    });
  }
}

/** Starts an emulator; `port` 0 (the default) picks a free ephemeral port. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return new Emulator(options).listen();
}
