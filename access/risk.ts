/** What makes a grant risky: an administrator-class permission group, or a target that is the whole account. */

import type { PermissionGroup } from "../account/permission-groups";
import type { AccountSnapshot } from "../account/snapshot";
import type { Target } from "./effective";
import { ROLE_PREFIX } from "./roles";

/** Permission groups, by name or label, that count as administrator-class unless the user says otherwise. */
export const DEFAULT_ADMIN_GROUPS = ["admin", "super_admin", "domain_admin", "Administrator", "Super Administrator - All Privileges", "Domain Administrator"];

export interface RiskRules {
  /** Names or labels of administrator-class permission groups, compared without case. */
  adminGroups: string[];
}

export const defaultRiskRules: RiskRules = { adminGroups: DEFAULT_ADMIN_GROUPS };

export function isAdministratorClass(group: Pick<PermissionGroup, "name" | "label"> | undefined, rules: RiskRules): boolean {
  if (!group) return false;
  const wanted = new Set(rules.adminGroups.map((g) => g.toLowerCase()));
  return wanted.has(group.name.toLowerCase()) || (group.label !== "" && wanted.has(group.label.toLowerCase()));
}

/** A permission the preview cannot name (unknown until apply): counted as administrator-class. */
export const UNKNOWN_PERMISSION = "unknown:permission";

/**
 * Whether a grant's permission is administrator-class: its permission group, or for a role with
 * no equivalent group the role's name or its permissions (`GET /accounts/{id}/roles`). A role that
 * cannot be read is taken as one (fail closed).
 */
export function isAdministratorPermission(permissionGroupId: string, account: Pick<AccountSnapshot, "permissionGroups" | "roles">, rules: RiskRules): boolean {
  if (permissionGroupId === UNKNOWN_PERMISSION) return true;
  if (!permissionGroupId.startsWith(ROLE_PREFIX))
    return isAdministratorClass(
      account.permissionGroups.find((p) => p.id === permissionGroupId),
      rules,
    );
  const role = account.roles.find((r) => r.id === permissionGroupId.slice(ROLE_PREFIX.length));
  // A role that may edit the account's organization manages its members: administrator-class by what it grants.
  return !role || isAdministratorClass({ name: role.name, label: "" }, rules) || role.permissions.organization?.edit === true;
}

/** The whole account: a system resource group (fact 9), or a scope of the account with the object `*`. */
export function isAccountWide(target: Target, account: Pick<AccountSnapshot, "accountId" | "resourceGroups">): boolean {
  const scope = "scope" in target ? target.scope : account.resourceGroups.find((g) => g.id === target.resourceGroupId)?.scope;
  const system = "resourceGroupId" in target && account.resourceGroups.some((g) => g.id === target.resourceGroupId && g.system);
  return system || (scope?.key === `com.cloudflare.api.account.${account.accountId}` && scope.objects.includes("*"));
}
