/** Drift, attributed: the drifted resources, their changes in words, and who made them. Pure. */
import type { AuditEntry, V1Entry } from "../account/audit-log";
import { Text } from "../access/text";
import { attribute } from "./attribute";
import { Names, propertyChanges } from "./changes";
import { entriesFor } from "./match";
import { DriftedResource } from "./preview";
import { DriftReport, subjectOf } from "./report";

/** What the audit log gave: its entries, or why it could not be read. */
export type AuditEvidence = { entries: AuditEntry[]; v1: V1Entry[]; stackTokenIds: string[]; accountId: string } | { unavailable: Text };

/** Names the preview itself holds: resource and user groups by id, members by id (stack and live). */
export function previewNames(resources: DriftedResource[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of resources) {
    for (const state of [r.stack, r.live ?? {}]) {
      // The stack's name first: it is what the code calls the object.
      if ((r.kind === "ResourceGroup" || r.kind === "UserGroup") && typeof state.name === "string" && !names.has(r.id)) names.set(r.id, state.name);
      for (const m of Array.isArray(state.members) ? (state.members as { id?: unknown; email?: unknown }[]) : []) {
        if (typeof m.id === "string" && typeof m.email === "string") names.set(m.id, m.email);
      }
    }
  }
  return names;
}

export function driftReport(resources: DriftedResource[], names: Names & { userGroup(id: string): string | undefined }, audit: AuditEvidence, now: Date): DriftReport {
  const items = resources.map((resource) => {
    const changes = propertyChanges(resource, names);
    const values = "unavailable" in audit ? undefined : { v1: audit.v1, properties: changes.map((c) => c.property) };
    const attribution =
      "unavailable" in audit ? { changedBy: null } : attribute(resource, entriesFor(audit.entries, resource, audit.accountId), audit.stackTokenIds, now, values);
    return { resource, subject: subjectOf(resource, names.userGroup), changes, attribution };
  });
  return { items, notes: "unavailable" in audit ? [audit.unavailable] : [] };
}
