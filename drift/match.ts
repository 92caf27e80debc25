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
  /** The ids an entry without a URI may name. */
  ids: string[];
}

/** The API paths of a resource's object (REAL-API-FACTS; fact 124 lists the IAM paths). */
function pathsOf(resource: DriftedResource, accountId: string): Paths {
  const account = `/accounts/${accountId}`;
  // fact 125 does not give SCIM's paths; a SCIM Groups path for the group is read as the group's (docs/drift.md).
  const group = (id: string) => [`${account}/iam/user_groups/${id}`, `${account}/scim/v2/groups/${id}`];
  const [groupId, memberId] = resource.id.split("/");
  switch (resource.kind) {
    case "ResourceGroup":
      return { exact: [`${account}/iam/resource_groups/${resource.id}`], under: [], ids: [resource.id] };
    case "UserGroup":
      return { exact: group(resource.id), under: [], ids: [resource.id] };
    case "UserGroupMembers":
      // Deleting the group takes its members with it (fact 26).
      return { exact: group(resource.id), under: [`${account}/iam/user_groups/${resource.id}/members`], ids: [resource.id] };
    case "UserGroupMember":
      return {
        exact: [...group(groupId), `${account}/iam/user_groups/${groupId}/members`],
        under: [`${account}/iam/user_groups/${groupId}/members/${memberId}`],
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
  const path = uri.replace(/^https?:\/\/[^/]+/i, "").split(/[?#]/)[0].replace(/^\/client\/v4(?=\/)/i, "").replace(/\/+$/, "").toLowerCase();
  return path.startsWith("/accounts/") ? path : undefined;
}

/** Whether an entry is a write that succeeded: reads and failures change nothing. */
const isWrite = (entry: AuditEntry) =>
  entry.action?.type !== "view" && entry.raw?.method?.toUpperCase() !== "GET" && entry.action?.result !== "failure";

export function touches(entry: AuditEntry, resource: DriftedResource, accountId: string): boolean {
  if (!isWrite(entry)) return false;
  const paths = pathsOf(resource, accountId.toLowerCase());
  const uri = entry.raw?.uri ? normalUri(entry.raw.uri) : undefined;
  if (uri) return paths.exact.includes(uri) || paths.under.some((p) => uri === p || uri.startsWith(`${p}/`));
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
