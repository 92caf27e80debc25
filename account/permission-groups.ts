/** Permission groups: read once per account per run, then filtered locally for every lookup. */
import { z } from "zod";
import { apiPath, listAllPages, optional, PAGE_SIZE } from "../provider/client";
import { oncePerAccount } from "../provider/client/once";

export interface PermissionGroup {
  id: string;
  name: string;
  /** The role label, e.g. `admin`, `admin_readonly`: what the API's `label` filter matches. */
  label: string;
  description: string;
  /** Where the group applies: `com.cloudflare.api.account`, or `...account.zone` for zone roles. */
  scopes: string[];
}

export interface PermissionGroupFilters {
  id?: string;
  label?: string;
  name?: string;
}

/**
 * fact 5: real items carry `meta: {description, editable, label, scopes}` (scopes a string);
 * the spec's `meta: {key, value}` is read too, as a label when its key is "label".
 */
export const apiPermissionGroup = z.object({
  id: z.string(),
  name: optional(z.string()),
  meta: optional(
    z.object({
      label: optional(z.string()),
      description: optional(z.string()),
      scopes: optional(z.union([z.string(), z.array(z.string())])),
      key: optional(z.string()),
      value: optional(z.string()),
    }),
  ),
});

export function toPermissionGroup(api: z.infer<typeof apiPermissionGroup>): PermissionGroup {
  const meta = api.meta;
  const scopes = meta?.scopes;
  return {
    id: api.id,
    name: api.name ?? "",
    label: meta?.label ?? (meta?.key === "label" ? (meta.value ?? "") : ""),
    description: meta?.description ?? "",
    scopes: scopes === undefined ? [] : typeof scopes === "string" ? scopes.split(",").map((s) => s.trim()) : scopes,
  };
}

export const allPermissionGroups = oncePerAccount((client, accountId) =>
  listAllPages(client, apiPath`/accounts/${accountId}/iam/permission_groups`, apiPermissionGroup, PAGE_SIZE.permissionGroups).then((list) => list.map(toPermissionGroup)),
);

/** fact 2: the `label` filter matches the role label, as the API's own filter does. */
export function filterPermissionGroups(groups: PermissionGroup[], filters: PermissionGroupFilters): PermissionGroup[] {
  return groups.filter((g) => (!filters.id || g.id === filters.id) && (!filters.name || g.name === filters.name) && (!filters.label || g.label === filters.label));
}

/** Exactly one group by name or id; zero or several matches are errors that say which. */
export function singlePermissionGroup(groups: PermissionGroup[], filters: PermissionGroupFilters): PermissionGroup {
  const described = Object.entries(filters)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k} ${JSON.stringify(v)}`)
    .join(" and ");
  if (!described) throw new Error("getPermissionGroup needs a name or an id");
  const matches = filterPermissionGroups(groups, filters);
  if (matches.length === 1) return matches[0];
  if (matches.length === 0) {
    const near = filters.name ? groups.filter((g) => g.name.toLowerCase().includes(filters.name!.toLowerCase().split(" ")[0])).slice(0, 5) : [];
    const hint = near.length ? `; similar names: ${near.map((g) => JSON.stringify(g.name)).join(", ")}` : "";
    throw new Error(`no permission group has ${described}${hint}`);
  }
  throw new Error(`${matches.length} permission groups have ${described}: ${matches.map((g) => g.id).join(", ")}; look it up by id instead`);
}
