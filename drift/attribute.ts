/**
 * Who made a drifted resource's change, from the audit-log entries that touched it; and where
 * the log cannot say, what is not known, plainly: not arrived yet (fact 114), older than the
 * retention (fact 115), several candidates, or only this stack's own token.
 */

import { join, name, type Text, text } from "../access/text";
import type { AuditEntry, V1Entry } from "../account/audit-log";
import { normalUri } from "./match";
import type { DriftedResource } from "./preview";
import { changedAny } from "./values";

export interface ChangedBy {
  email: string | null;
  tokenName: string | null;
  /** dashboard, API token, OAuth, SCIM, API key, API, Origin CA key, Cloudflare; else the entry's own context. */
  channel: string;
  time: string | null;
  rayId: string | null;
}

export interface Attribution {
  changedBy: ChangedBy | null;
  note?: Text;
}

/** fact 114: entries arrive 3 to 8 minutes after the change. */
export const ARRIVAL_MS = 8 * 60_000;
/** facts 115 and 123: 18 months in both v2 and v1. */
export const RETENTION_MONTHS = 18;

/** fact 109: `dash` is the dashboard; `api_token` and `oauth` carry the token; `api`, `api_key` do not. */
const CONTEXTS: Record<string, string> = {
  dash: "dashboard",
  api_token: "API token",
  oauth: "OAuth",
  api_key: "API key",
  api: "API",
  origin_ca_key: "Origin CA key",
};

function channelOf(entry: AuditEntry): string {
  // fact 125: SCIM writes come through an API token; its own path (assumed /scim/) tells them apart.
  if (normalUri(entry.raw?.uri ?? "")?.includes("/scim/")) return "SCIM";
  // fact 110: Cloudflare's own actions (an unknown type stays the context's).
  if (entry.actor?.type === "cloudflare_admin" || entry.actor?.type === "system") return "Cloudflare";
  const context = entry.actor?.context;
  return context ? (CONTEXTS[context] ?? context) : "unknown";
}

export function changedByOf(entry: AuditEntry): ChangedBy {
  return {
    email: entry.actor?.email ?? null,
    tokenName: entry.actor?.token_name ?? entry.actor?.token?.name ?? null,
    channel: channelOf(entry),
    time: entry.action?.time ?? null,
    rayId: entry.raw?.cf_ray_id ?? null,
  };
}

const tokenIdOf = (entry: AuditEntry) => entry.actor?.token_id ?? entry.actor?.token?.id;
const actorKey = (by: ChangedBy) => JSON.stringify([by.email, by.tokenName, by.channel]);

/** `2026-12-02 13:41:46 UTC` */
export const utc = (time: string | Date) => `${new Date(time).toISOString().slice(0, 19).replace("T", " ")} UTC`;
const hhmm = (time: number) => `${new Date(Math.ceil(time / 60_000) * 60_000).toISOString().slice(11, 16)} UTC`;

/** Who, in words: "by alice@example.com in the dashboard". */
export function who(by: ChangedBy): Text {
  const person = by.email ? name(by.email) : undefined;
  const token = by.tokenName ? name(by.tokenName) : undefined;
  switch (by.channel) {
    case "dashboard":
      return person ? text`by ${person} in the dashboard` : ["in the dashboard"];
    case "API token":
      return token ? (person ? text`by API token ${token} of ${person}` : text`by API token ${token}`) : ["by an API token"];
    case "OAuth":
      return text`through OAuth app ${token ?? name("unnamed")}${person ? text` for ${person}` : []}`;
    case "SCIM":
      return token ? text`by SCIM, with token ${token}` : ["by SCIM"];
    case "Cloudflare":
      return ["by Cloudflare itself"];
    default:
      return text`${person ? text`by ${person} ` : []}through ${name(by.channel)}`;
  }
}

/** When and where: ", 2026-12-02 13:41:46 UTC, ray 8f…" */
export const whenAndRay = (by: ChangedBy): Text => [
  // A time that is not one is shown as it came, never a crash.
  ...(by.time ? (Number.isNaN(Date.parse(by.time)) ? text`, at ${name(by.time)}` : [`, ${utc(by.time)}`]) : []),
  ...(by.rayId ? text`, ray ${name(by.rayId)}` : []),
];

/** The live state's own modification time, where the object has one: when the change was made at the latest. */
function changedAt(resource: DriftedResource): number | undefined {
  const stamp = [resource.live?.modifiedOn, resource.live?.updatedOn, resource.live?.updatedAt].find((v) => typeof v === "string" && v);
  const time = typeof stamp === "string" ? Date.parse(stamp) : NaN;
  return Number.isNaN(time) ? undefined : time;
}

function notFound(resource: DriftedResource, now: Date): Text {
  const retention = new Date(now);
  retention.setUTCMonth(retention.getUTCMonth() - RETENTION_MONTHS);
  const at = changedAt(resource);
  if (at !== undefined && at < retention.getTime()) {
    return [`changed at ${utc(new Date(at))}, longer ago than the audit log keeps entries (${RETENTION_MONTHS} months)`];
  }
  if (at !== undefined && now.getTime() < at + ARRIVAL_MS) {
    return [`not in the audit log yet; entries arrive up to 8 minutes after a change; run again after ${hhmm(at + ARRIVAL_MS)}`];
  }
  if (at !== undefined) return [`no audit-log entry for this change, made at ${utc(new Date(at))}: it is not logged`];
  const since = resource.stackModified ? ` since the stack last wrote it (${utc(resource.stackModified)})` : "";
  const older = resource.stackModified && resource.stackModified < retention ? `, and the log keeps only ${RETENTION_MONTHS} months` : "";
  return [`no audit-log entry${since}${older}; if the change is less than 8 minutes old, it is not in the audit log yet: run again after ${hhmm(now.getTime() + ARRIVAL_MS)}`];
}

/** v1's entries, and the drifted properties they are read for. */
export interface Values {
  v1: V1Entry[];
  properties: string[];
}

const actorCount = (entries: AuditEntry[]) => new Set(entries.map((e) => actorKey(changedByOf(e)))).size;

/**
 * Of entries from several actors, those whose v1 values show they changed none of the drifted
 * properties (facts 112, 122); entries whose values are not known stay.
 */
function changing(entries: AuditEntry[], values: Values | undefined): AuditEntry[] {
  if (!values || actorCount(entries) < 2) return entries;
  return entries.filter((e) => changedAny(e, values.v1, values.properties) !== false);
}

/** The attribution of one resource from the entries that touched it. */
export function attribute(resource: DriftedResource, entries: AuditEntry[], stackTokenIds: string[], now: Date, values?: Values): Attribution {
  const ours = entries.filter((e) => stackTokenIds.includes(tokenIdOf(e) ?? ""));
  const touching = entries.filter((e) => !ours.includes(e));
  const kept = changing(touching, values);
  const others = kept.map(changedByOf);
  if (kept.length < touching.length && actorCount(kept) === 1) {
    const left = touching.length - kept.length;
    return {
      changedBy: others[others.length - 1],
      note: [`${left} other ${left > 1 ? "entries" : "entry"} touched it without changing what drifted (the v1 audit log's before and after values)`],
    };
  }
  if (others.length === 0 && ours.length) {
    const latest = changedByOf(ours[ours.length - 1]);
    return { changedBy: null, note: text`by this stack's token, outside a Pulumi run${whenAndRay(latest)}` };
  }
  if (others.length === 0) return { changedBy: null, note: notFound(resource, now) };
  const actors = [...new Map(others.map((by) => [actorKey(by), by])).values()];
  if (actors.length > 1) {
    const each = others.map((by) => [...who(by), ...whenAndRay(by)]);
    return { changedBy: null, note: text`several candidate entries, from different actors: ${join(each, "; ")}` };
  }
  const latest = others[others.length - 1];
  return others.length > 1 ? { changedBy: latest, note: [`${others.length} changes by this actor since the stack last wrote it; the latest is shown`] } : { changedBy: latest };
}
