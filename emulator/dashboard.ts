/**
 * Admin routes for the audit log's actors: more API tokens, the ingestion delay, and edits made
 * "in the dashboard" by a named person, which run the API's own route and are recorded with
 * `actor.context: dash` (fact 109).
 */
import { z } from "zod";
import { ApiFailure, ErrorCodes } from "./api-error";
import { type Actor, AuditLog, newRayId } from "./audit-log";
import type { ApiResult, EmulatorContext, Router } from "./router";
import type { Tokens } from "./tokens";

export interface RecordedWriteOptions {
  actor: Actor;
  method: string;
  path: string;
  body: unknown;
  ip: string;
  userAgent: string;
  rayId: string;
}

/** Runs a write, and records it once it has succeeded (fact 113: a refused write is not logged). */
export function recordedWrite(context: EmulatorContext, write: RecordedWriteOptions, run: () => ApiResult): ApiResult {
  const before = AuditLog.before(context.store.account);
  const result = run();
  context.auditLog.record({ ...write, result: result.result, status: result.status ?? 200 }, before, context.store.account);
  return result;
}

const tokenSchema = z.object({
  value: z.string().min(1),
  id: z.string().min(1).optional(),
  name: z.string().min(1).optional(),
  email: z.string().email().optional(),
  accountSettingsRead: z.boolean().optional(),
});

const dashboardEditSchema = z.object({
  actor: z.string().email(),
  method: z.enum(["POST", "PUT", "PATCH", "DELETE"]),
  /** Under /client/v4, e.g. /accounts/{id}/iam/user_groups/{id}. */
  path: z.string().startsWith("/"),
  body: z.unknown().optional(),
});

export function registerAuditAdmin(admin: Router, api: Router, tokens: Tokens): void {
  admin.add("GET", "/tokens", () => ({ result: tokens.list() }));
  admin.add("POST", "/tokens", ({ body }) => {
    const { value: _value, ...shown } = tokens.add(tokenSchema.parse(body));
    return { result: shown };
  });
  admin.add("PUT", "/audit_log", ({ body }, { auditLog }) => {
    auditLog.delayMs = z.object({ delayMs: z.number().nonnegative() }).parse(body).delayMs;
    return { result: { delayMs: auditLog.delayMs } };
  });
  admin.add("POST", "/dashboard", ({ body }, context) => {
    const edit = dashboardEditSchema.parse(body);
    const url = new URL(edit.path, "http://emulator.local");
    const match = api.match(edit.method, url.pathname);
    if (!match) throw new ApiFailure(404, ErrorCodes.noRoute, `No route for ${edit.method} ${url.pathname}`);
    const write = {
      actor: { kind: "dashboard" as const, email: edit.actor },
      method: edit.method,
      path: url.pathname,
      body: edit.body,
      ip: "127.0.0.1",
      userAgent: "Mozilla/5.0 (dashboard)",
      rayId: newRayId(),
    };
    const result = recordedWrite(context, write, () => match.handler({ params: match.params, query: url.searchParams, body: edit.body }, context));
    context.store.save();
    return { result: result.result ?? null };
  });
}
