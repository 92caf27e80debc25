/** What makes a grant risky: an administrator-class permission group, or a target that is the whole account. */
import type { AccountSnapshot } from "../account/snapshot";
import type { PermissionGroup } from "../provider/data-sources/permission-groups";
import type { Target } from "./effective";

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

/** The whole account: a system resource group (fact 9), or a scope of the account with the object `*`. */
export function isAccountWide(target: Target, account: Pick<AccountSnapshot, "accountId" | "resourceGroups">): boolean {
  const scope = "scope" in target ? target.scope : account.resourceGroups.find((g) => g.id === target.resourceGroupId)?.scope;
  const system = "resourceGroupId" in target && account.resourceGroups.some((g) => g.id === target.resourceGroupId && g.system);
  return system || (scope?.key === `com.cloudflare.api.account.${account.accountId}` && scope.objects.includes("*"));
}
