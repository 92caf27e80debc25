/** Drift, attributed: the drifted resources, their changes in words, and who made them. Pure. */

import type { Text } from "../access/text";
import type { AuditEntry, V1Entry } from "../account/audit-log";
import { attribute } from "./attribute";
import { type Names, propertyChanges } from "./changes";
import { entriesFor } from "./match";
import { type DriftedResource, type DriftPreview, kindOf } from "./preview";
import { type DriftReport, subjectOf } from "./report";

/** What the audit log gave: its entries, or why it could not be read. */
export type AuditEvidence = { entries: AuditEntry[]; v1: V1Entry[]; stackTokenIds: string[]; accountId: string } | { unavailable: Text };

/**
 * Names the preview itself holds, from every resource of this package it refreshed, drifted or
 * not: resource and user groups by id (the stack's name, what the code calls them), members by id.
 */
export function previewNames(preview: DriftPreview): Map<string, string> {
  const names = new Map<string, string>();
  // The refresh steps first: they hold the stack's state, the later steps the live one.
  const ordered = [...preview.steps.filter((s) => s.op === "refresh"), ...preview.steps.filter((s) => s.op !== "refresh")];
  for (const { type, id, outputs } of ordered.flatMap((s) => (s.oldState ? [s.oldState] : []))) {
    const kind = kindOf(type);
    if ((kind === "ResourceGroup" || kind === "UserGroup") && id && typeof outputs.name === "string" && !names.has(id)) names.set(id, outputs.name);
    const members = Array.isArray(outputs.members) ? (outputs.members as { id?: unknown; email?: unknown }[]) : [];
    for (const m of [...members, { id: outputs.memberId, email: outputs.email }]) {
      if (typeof m.id === "string" && typeof m.email === "string") names.set(m.id, m.email);
    }
  }
  return names;
}

export function driftReport(resources: DriftedResource[], names: Names & { userGroup(id: string): string | undefined }, audit: AuditEvidence, now: Date): DriftReport {
  const items = resources.map((resource) => {
    const changes = propertyChanges(resource, names);
    const values = "unavailable" in audit ? undefined : { v1: audit.v1, properties: changes.map((c) => c.property) };
    const attribution = "unavailable" in audit ? { changedBy: null } : attribute(resource, entriesFor(audit.entries, resource, audit.accountId), audit.stackTokenIds, now, values);
    return { resource, subject: subjectOf(resource, names.userGroup), changes, attribution };
  });
  return { items, notes: "unavailable" in audit ? [audit.unavailable] : [] };
}
