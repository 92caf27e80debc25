/**
 * Effective access, a pure function of an account: who holds which permission group, where,
 * and through which user group. A member's access is the union over every group they are in;
 * a deny policy (which Cloudflare refuses today, fact 21) takes away the matching allows.
 */
import type { AccountSnapshot } from "../account/snapshot";

/** Where a grant applies: a resource group, or a scope written into the policy (fact 24). */
export type Target = { resourceGroupId: string } | { scope: { key: string; objects: string[] } };

export interface Grant {
  memberId: string;
  permissionGroupId: string;
  target: Target;
  /** The user group that grants it. */
  groupId: string;
}

export type AccessModel = Pick<AccountSnapshot, "userGroups">;

export const targetKey = (target: Target): string =>
  "resourceGroupId" in target ? `rg:${target.resourceGroupId}` : `scope:${target.scope.key}:${[...target.scope.objects].sort().join(",")}`;

export const grantKey = (grant: Grant): string => [grant.memberId, grant.permissionGroupId, targetKey(grant.target), grant.groupId].join("\t");

/** What one member may do where, whatever the group: the key deny policies remove allows by. */
const permissionKey = (memberId: string, permissionGroupId: string, target: Target) => [memberId, permissionGroupId, targetKey(target)].join("\t");

export function effectiveAccess(model: AccessModel): Grant[] {
  const allows: Grant[] = [];
  const denied = new Set<string>();
  for (const group of model.userGroups) {
    for (const policy of group.policies) {
      const targets: Target[] = [
        ...policy.resourceGroups.map((resourceGroupId) => ({ resourceGroupId })),
        ...policy.scopes.map((scope) => ({ scope: { key: scope.key, objects: scope.objects.map((o) => o.key) } })),
      ];
      for (const memberId of group.memberIds) {
        for (const permissionGroupId of policy.permissionGroups) {
          for (const target of targets) {
            if (policy.access === "deny") denied.add(permissionKey(memberId, permissionGroupId, target));
            else allows.push({ memberId, permissionGroupId, target, groupId: group.id });
          }
        }
      }
    }
  }
  const unique = new Map(allows.filter((g) => !denied.has(permissionKey(g.memberId, g.permissionGroupId, g.target))).map((g) => [grantKey(g), g]));
  return [...unique.values()];
}
