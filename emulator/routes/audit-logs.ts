/**
 * The audit logs, as the real API serves them: v2 `GET /accounts/{id}/logs/audit` (required
 * `since`/`before`, fact 100; `result_info.cursor` pages, fact 101; bare repeated keys and `.not`
 * keys filter, fact 105) and v1 `GET /accounts/{id}/audit_logs` (page-numbered, fact 121).
 * Both need Account Settings Read (fact 119).
 */
import { ApiFailure, ErrorCodes, invalid } from "../api-error";
import { type EmulatorContext, paginate, type Router } from "../router";

/** fact 119: without Account Settings Read the audit logs answer an authentication error. */
function requireAccountSettingsRead({ caller }: EmulatorContext): void {
  if (caller && !caller.accountSettingsRead) throw new ApiFailure(403, ErrorCodes.authentication, "Authentication error");
}

/** fact 100: a date (UTC) or an RFC3339 timestamp. */
function timeParam(query: URLSearchParams, key: string, required: boolean): number | undefined {
  const raw = query.get(key);
  if (raw === null || raw === "") {
    if (required) throw invalid(`${key} is required`, undefined);
    return undefined;
  }
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00Z` : raw);
  if (Number.isNaN(time)) throw invalid(`${key} must be a date or an RFC3339 timestamp`, undefined);
  return time;
}

type Entry = Record<string, Record<string, unknown> | unknown>;
const field = (entry: Entry, group: string, key: string) => (entry[group] as Record<string, unknown> | null)?.[key];

/** fact 106: each filter key and the entry field it reads. */
const FILTERS: Record<string, (e: Entry) => unknown> = {
  id: (e) => e.id,
  action_result: (e) => field(e, "action", "result"),
  action_type: (e) => field(e, "action", "type"),
  actor_context: (e) => field(e, "actor", "context"),
  actor_email: (e) => field(e, "actor", "email"),
  actor_id: (e) => field(e, "actor", "id"),
  actor_token_id: (e) => field(e, "actor", "token_id"),
  actor_token_name: (e) => field(e, "actor", "token_name"),
  actor_type: (e) => field(e, "actor", "type"),
  raw_cf_ray_id: (e) => field(e, "raw", "cf_ray_id"),
  raw_method: (e) => field(e, "raw", "method"),
  raw_status_code: (e) => field(e, "raw", "status_code"),
  raw_uri: (e) => field(e, "raw", "uri"),
  resource_id: (e) => field(e, "resource", "id"),
  resource_product: (e) => field(e, "resource", "product"),
  resource_type: (e) => field(e, "resource", "type"),
};

/** fact 105: repeated bare keys are alternatives, `.not` keys exclusions; different keys all apply. */
function matchesFilters(entry: Entry, query: URLSearchParams): boolean {
  return Object.entries(FILTERS).every(([key, read]) => {
    const value = String(read(entry) ?? "");
    const wanted = query.getAll(key);
    return (wanted.length === 0 || wanted.includes(value)) && !query.getAll(`${key}.not`).includes(value);
  });
}

const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString("base64url");
function decodeCursor(raw: string | null): number {
  if (!raw) return 0;
  const found = /^offset:(\d+)$/.exec(Buffer.from(raw, "base64url").toString());
  if (!found) throw invalid("cursor is not valid", undefined);
  return Number(found[1]);
}

function limitOf(query: URLSearchParams, key: string, fallback: number): number {
  const raw = query.get(key);
  const limit = raw === null ? fallback : Number(raw);
  // fact 103: 1 to 1000.
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw invalid(`${key} must be from 1 to 1000`, undefined);
  return limit;
}

function inWindow(time: string, since: number | undefined, before: number | undefined): boolean {
  const at = Date.parse(time);
  return (since === undefined || at >= since) && (before === undefined || at < before);
}

export function registerAuditLogs(router: Router): void {
  router.add("GET", "/accounts/:account_id/logs/audit", ({ query }, context) => {
    requireAccountSettingsRead(context);
    const since = timeParam(query, "since", true);
    const before = timeParam(query, "before", true);
    const direction = query.get("direction") ?? "desc";
    if (direction !== "asc" && direction !== "desc") throw invalid("direction must be desc or asc", undefined);
    const entries = context.auditLog
      .arrived()
      .map((e) => e.v2)
      .filter((e) => inWindow(String(field(e, "action", "time")), since, before) && matchesFilters(e, query));
    if (direction === "desc") entries.reverse();
    const offset = decodeCursor(query.get("cursor"));
    const page = entries.slice(offset, offset + limitOf(query, "limit", 100));
    const next = offset + page.length < entries.length ? encodeCursor(offset + page.length) : "";
    // fact 101: the live API pages on result_info.cursor, empty on the last page (never cursors.after, fact 102).
    return { result: page, resultInfo: { count: page.length, cursor: next } };
  });

  router.add("GET", "/accounts/:account_id/audit_logs", ({ query }, context) => {
    requireAccountSettingsRead(context);
    const since = timeParam(query, "since", false);
    const before = timeParam(query, "before", false);
    const email = query.get("actor.email");
    const type = query.get("action.type");
    const entries = context.auditLog
      .arrived()
      .map((e) => e.v1)
      .filter((e) => inWindow(String(e.when), since, before))
      .filter((e) => (!email || field(e, "actor", "email") === email) && (!type || field(e, "action", "type") === type));
    if (query.get("direction") !== "asc") entries.reverse();
    return paginate(entries, query, { defaultSize: 25, min: 1, max: 1000 });
  });
}
