/** A small method + path-template router; templates double as the keys of the request counters. */
import type { z } from "zod";
import { type ApiFailure, invalid } from "./api-error";
import type { AuditLog } from "./audit-log";
import type { PendingGroupMembers } from "./routes/members";
import type { RolesApiAnswer } from "./routes/roles";
import type { Store } from "./store";
import type { Token } from "./tokens";

export interface ApiRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

export interface ResultInfo {
  count: number;
  page: number;
  per_page: number;
  total_count: number;
  total_pages: number;
}

/** fact 101: the v2 audit log pages on an opaque cursor, empty on the last page. */
export interface CursorInfo {
  count: number;
  cursor: string;
}

export interface ApiResult {
  status?: number;
  result?: unknown;
  resultInfo?: ResultInfo | CursorInfo;
  /** A body sent as it is, without the v4 envelope (SCIM answers in its own format). */
  raw?: unknown;
}

/** How the emulator behaves where a test may want it otherwise. */
export interface EmulatorSettings {
  /** fact 37: how long a new user group's /members answers 404. */
  membersPropagationMs: number;
  /** Whether the deprecated roles endpoints answer (fact 78), or refuse as a test set them to. */
  rolesApi: RolesApiAnswer;
  /** fact 81: whether a pending invite may join a user group. */
  pendingGroupMembers: PendingGroupMembers;
}

export interface EmulatorContext {
  store: Store;
  settings: EmulatorSettings;
  auditLog: AuditLog;
  /** The token that sent the request; none for the dashboard's edits. */
  caller?: Token;
}

export type Handler = (request: ApiRequest, context: EmulatorContext) => ApiResult;

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  keys: string[];
  handler: Handler;
}

export interface RouteMatch {
  template: string;
  params: Record<string, string>;
  handler: Handler;
}

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, template: string, handler: Handler): this {
    const keys: string[] = [];
    const source = template.replace(/:([a-z_]+)/g, (_, key: string) => {
      keys.push(key);
      return "([^/]+)";
    });
    this.routes.push({ method, template, pattern: new RegExp(`^${source}/?$`), keys, handler });
    return this;
  }

  /** Every `METHOD template` served, in the form the request counters use. */
  list(): string[] {
    return this.routes.map((r) => `${r.method} ${r.template}`);
  }

  match(method: string, path: string): RouteMatch | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const found = route.pattern.exec(path);
      if (!found) continue;
      const params = Object.fromEntries(route.keys.map((k, i) => [k, decodeURIComponent(found[i + 1])]));
      return { template: route.template, params, handler: route.handler };
    }
    return undefined;
  }
}

/** Validates a request body with `schema`; the first problem becomes a 400 naming its JSON pointer. */
export function parseBody<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const pointer = `/${issue.path.join("/")}`;
  const field = issue.path.length ? issue.path.join(".") : "body";
  throw invalid(`${field}: ${issue.message}`, pointer);
}

/** A page-numbered list's `per_page`: its default and the range it accepts (facts 1, 15, 27, 49). */
export interface PageLimits {
  defaultSize: number;
  min: number;
  max: number;
  /** fact 4: some lists leave `result_info` out. */
  withResultInfo?: boolean;
}

function positiveInt(query: URLSearchParams, key: string, fallback: number): number {
  const raw = query.get(key);
  if (raw === null || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw invalid(`${key} must be a positive integer`, undefined);
  return value;
}

/** Page-numbered listing: `per_page` outside the accepted range is clamped into it. */
export function paginate<T>(items: T[], query: URLSearchParams, limits: PageLimits): ApiResult {
  const perPage = Math.max(limits.min, Math.min(positiveInt(query, "per_page", limits.defaultSize), limits.max));
  const page = positiveInt(query, "page", 1);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  if (limits.withResultInfo === false) return { result: slice };
  return {
    result: slice,
    resultInfo: {
      count: slice.length,
      page,
      per_page: perPage,
      total_count: items.length,
      total_pages: Math.max(1, Math.ceil(items.length / perPage)),
    },
  };
}

export function sortBy<T>(items: T[], key: (item: T) => string, direction: string | null): T[] {
  const sorted = [...items].sort((a, b) => key(a).localeCompare(key(b)));
  return direction === "desc" ? sorted.reverse() : sorted;
}

export function requireFound<T>(value: T | undefined, failure: () => ApiFailure): T {
  if (value === undefined) throw failure();
  return value;
}
