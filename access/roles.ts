/**
 * Legacy account roles and the permission groups that replace them (fact 77: the labels
 * `admin`, `all_privileges`; fact 78: roles are deprecated in favour of permission groups).
 */

import type { PermissionGroup } from "../account/permission-groups";
import type { SnapshotRole } from "../account/snapshot";

/** A grant through a role with no equivalent permission group names its permission `role:<id>`. */
export const ROLE_PREFIX = "role:";

/** fact 77: the permission-group labels the API mirrors each legacy role into (fact 62). */
export const ROLE_LABELS: Record<string, string[]> = {
  "Super Administrator - All Privileges": ["all_privileges", "super_admin"],
  Administrator: ["admin"],
  "Administrator Read Only": ["admin_readonly"],
};

/**
 * fact 77 (inferred): for a domain-scoped permission group that has no legacy role, `roles[]`
 * echoes the permission group's id. Such an id is the mirror of a policy the member holds, not a role.
 */
export const echoesPolicy = (roleId: string, permissionGroups: Pick<PermissionGroup, "id">[]): boolean => permissionGroups.some((g) => g.id === roleId);

/** The permission group a role stands for: the one of the same name, else the one its label maps to. */
export function roleEquivalent(role: Pick<SnapshotRole, "name">, permissionGroups: PermissionGroup[]): PermissionGroup | undefined {
  const labels = ROLE_LABELS[role.name] ?? [];
  return permissionGroups.find((g) => g.name === role.name) ?? permissionGroups.find((g) => labels.includes(g.label));
}
