/** Permission groups: read once per account per run, then filtered locally for every lookup. */
import { z } from "zod";
import { apiPath, listAllPages } from "../client";
import { oncePerAccount } from "./once";

export interface PermissionGroup {
  id: string;
  name: string;
  /** Cloudflare's `meta` key/value, e.g. `{ key: "label", value: "zone_read" }`. */
  meta: { key: string; value: string };
}

export interface PermissionGroupFilters {
  id?: string;
  label?: string;
  name?: string;
}

const apiPermissionGroup = z.object({
  id: z.string(),
  name: z.string().optional(),
  meta: z.object({ key: z.string().optional(), value: z.string().optional() }).optional(),
});

export const allPermissionGroups = oncePerAccount((client, accountId) =>
  listAllPages(client, apiPath`/accounts/${accountId}/iam/permission_groups`, apiPermissionGroup).then((list) =>
    list.map((g): PermissionGroup => ({ id: g.id, name: g.name ?? "", meta: { key: g.meta?.key ?? "", value: g.meta?.value ?? "" } })),
  ),
);

/** The `label` filter matches the group's label (its meta value), as the API's filter does. */
export function filterPermissionGroups(groups: PermissionGroup[], filters: PermissionGroupFilters): PermissionGroup[] {
  return groups.filter(
    (g) =>
      (!filters.id || g.id === filters.id) && (!filters.name || g.name === filters.name) && (!filters.label || g.meta.value === filters.label),
  );
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
    const near = filters.name
      ? groups.filter((g) => g.name.toLowerCase().includes(filters.name!.toLowerCase().split(" ")[0])).slice(0, 5)
      : [];
    const hint = near.length ? `; similar names: ${near.map((g) => JSON.stringify(g.name)).join(", ")}` : "";
    throw new Error(`no permission group has ${described}${hint}`);
  }
  throw new Error(`${matches.length} permission groups have ${described}: ${matches.map((g) => g.id).join(", ")}; look it up by id instead`);
}
