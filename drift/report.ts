/**
 * The drift report: each drifted resource with what changed and who changed it, as Markdown
 * (names as code spans, through the review's own escaper) or as JSON for machines.
 */
import { prose } from "../access/markdown";
import { name, plain, type Text, text } from "../access/text";
import { type Attribution, type ChangedBy, whenAndRay, who } from "./attribute";
import type { PropertyChange } from "./changes";
import type { DriftedResource, Kind } from "./preview";

export interface DriftItem {
  resource: DriftedResource;
  subject: Text;
  changes: PropertyChange[];
  attribution: Attribution;
}

export interface DriftReport {
  items: DriftItem[];
  /** What holds for every item, such as a permission attribution needs. */
  notes: Text[];
}

export const NO_DRIFT = "No drift: the account matches the stack.";

const str = (value: unknown) => (typeof value === "string" && value ? value : undefined);

/** The resource in words, by its name in the account: "user group SRE". */
export function subjectOf(resource: DriftedResource, groupName: (id: string) => string | undefined): Text {
  const state = resource.stack;
  const group = () => name(groupName(String(state.userGroupId ?? "")) ?? String(state.userGroupId ?? ""));
  const subjects: Record<Kind, () => Text> = {
    ResourceGroup: () => text`resource group ${name(str(state.name) ?? resource.name)}`,
    UserGroup: () => text`user group ${name(str(state.name) ?? resource.name)}`,
    UserGroupMembers: () => text`members of user group ${group()}`,
    UserGroupMember: () => text`membership of ${name(str(state.email) ?? String(state.memberId ?? ""))} in user group ${group()}`,
    SSOConnector: () => text`SSO connector ${name(str(state.emailDomain) ?? resource.name)}`,
    OAuthClient: () => text`OAuth client ${name(str(state.clientName) ?? resource.name)}`,
  };
  return subjects[resource.kind]();
}

const changeWords = (changes: PropertyChange[]): Text => changes.flatMap((c) => c.words).flatMap((w, i) => (i ? ["; ", ...w] : w));
const byWords = (by: ChangedBy | null): Text | undefined => (by ? [...who(by), ...whenAndRay(by)] : undefined);

export function driftMarkdown(report: DriftReport): string {
  if (report.items.length === 0) return `${NO_DRIFT}\n`;
  const count = report.items.length;
  const lines = [`### Drift: ${count} resource${count > 1 ? "s" : ""} changed outside Pulumi`, ""];
  lines.push(...report.notes.map((n) => `${prose(n)}`), ...(report.notes.length ? [""] : []));
  for (const item of report.items) {
    lines.push(`- ${prose(item.subject)}: ${prose(changeWords(item.changes))}`);
    const by = byWords(item.attribution.changedBy);
    if (by) lines.push(`  - ${prose(by)}`);
    if (item.attribution.note) lines.push(`  - ${prose(item.attribution.note)}`);
  }
  return `${lines.join("\n")}\n`;
}

export function driftJson(report: DriftReport) {
  const shared = report.notes.map(plain);
  return report.items.map(({ resource, changes, attribution }) => ({
    urn: resource.urn,
    type: resource.type,
    name: resource.name,
    id: resource.id,
    changes: changes.map(({ property, before, after }) => ({ property, before: before ?? null, after: after ?? null })),
    changedBy: attribution.changedBy,
    note: [...(attribution.note ? [plain(attribution.note)] : []), ...shared].join(" ") || null,
  }));
}
