/**
 * Which audit-log entries touched a drifted resource. The `resource.type` and `resource.product`
 * of IAM objects are unknown (fact 124), so they are never read: an entry matches by `raw.uri`
 * (the object's API path, fact 116), and by `resource.id` only when it has no usable URI.
 */
import type { AuditEntry } from "../account/audit-log";
import type { DriftedResource } from "./preview";

interface Paths {
  /** Paths that are this object exactly. */
  exact: string[];
  /** Paths under which every write touches this object. */
  under: string[];
  /** Paths whose DELETE takes this object with it (fact 26: a group's members go with the group). */
  deletedWith?: string[];
  /** The ids an entry without a URI may name. */
  ids: string[];
}

/** The API paths of a resource's object (REAL-API-FACTS; fact 124 lists the IAM paths). */
function pathsOf(resource: DriftedResource, accountId: string): Paths {
  const account = `/accounts/${accountId}`;
  // fact 125 does not give SCIM's paths; a SCIM Groups path for the group is read as the group's (docs/drift.md).
  const scim = (id: string) => `${account}/scim/v2/groups/${id}`;
  const group = (id: string) => [`${account}/iam/user_groups/${id}`, scim(id)];
  const [groupId, memberId] = resource.id.split("/");
  switch (resource.kind) {
    case "ResourceGroup":
      return { exact: [`${account}/iam/resource_groups/${resource.id}`], under: [], ids: [resource.id] };
    case "UserGroup":
      return { exact: group(resource.id), under: [], ids: [resource.id] };
    case "UserGroupMembers":
      return { exact: [scim(resource.id)], under: [`${account}/iam/user_groups/${resource.id}/members`], deletedWith: group(resource.id), ids: [resource.id] };
    case "UserGroupMember":
      return {
        exact: [`${account}/iam/user_groups/${groupId}/members`, scim(groupId)],
        under: [`${account}/iam/user_groups/${groupId}/members/${memberId}`],
        deletedWith: group(groupId),
        ids: [memberId, groupId],
      };
    case "SSOConnector":
      return { exact: [], under: [`${account}/sso_connectors/${resource.id}`], ids: [resource.id] };
    case "OAuthClient":
      return { exact: [], under: [`${account}/oauth_clients/${resource.id}`], ids: [resource.id] };
  }
}

/** A URI as a bare lower-case path: no origin, no /client/v4, no query, no trailing slash. */
export function normalUri(uri: string): string | undefined {
  const path = uri
    .replace(/^https?:\/\/[^/]+/i, "")
    .split(/[?#]/)[0]
    .replace(/^\/client\/v4(?=\/)/i, "")
    .replace(/\/+$/, "")
    .toLowerCase();
  return path.startsWith("/accounts/") ? path : undefined;
}

/** Whether an entry is a write that succeeded: reads and failures change nothing. */
const isWrite = (entry: AuditEntry) => entry.action?.type !== "view" && entry.raw?.method?.toUpperCase() !== "GET" && entry.action?.result !== "failure";

export function touches(entry: AuditEntry, resource: DriftedResource, accountId: string): boolean {
  if (!isWrite(entry)) return false;
  const paths = pathsOf(resource, accountId.toLowerCase());
  const uri = entry.raw?.uri ? normalUri(entry.raw.uri) : undefined;
  if (uri) {
    const deleted = entry.action?.type === "delete" || entry.raw?.method?.toUpperCase() === "DELETE";
    return paths.exact.includes(uri) || paths.under.some((p) => uri === p || uri.startsWith(`${p}/`)) || (deleted && (paths.deletedWith ?? []).includes(uri));
  }
  return entry.resource?.id !== undefined && paths.ids.includes(entry.resource.id);
}

/** The entries that touched the resource since the stack last wrote it. */
export function entriesFor(entries: AuditEntry[], resource: DriftedResource, accountId: string): AuditEntry[] {
  const since = resource.stackModified?.getTime();
  return entries.filter((e) => {
    const at = e.action?.time ? Date.parse(e.action.time) : NaN;
    return touches(e, resource, accountId) && (since === undefined || Number.isNaN(at) || at >= since);
  });
}
