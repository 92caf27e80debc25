/**
 * Effective access, a pure function of an account: who holds which permission group, where,
 * and through what: a user group, a legacy role, or a policy of the member's own. A member's
 * access is the union of all of them. Allows only: Cloudflare refuses deny policies (fact 21),
 * so a deny never takes away what an allow grants, and a review never shows less than `up` could grant.
 */
import type { AccountSnapshot, SnapshotPolicy } from "../account/snapshot";
import { isAccountWide } from "./risk";
import { ROLE_PREFIX, roleEquivalent } from "./roles";

/** Where a grant applies: a resource group, or a scope written into the policy (fact 24). */
export type Target = { resourceGroupId: string } | { scope: { key: string; objects: string[] } };

/** What grants it: a user group, a legacy role the member holds, or the member's own policy. */
export type Source = { kind: "group"; groupId: string } | { kind: "role"; roleId: string } | { kind: "direct" };

export interface Grant {
  memberId: string;
  /** A permission group's id, or `role:<id>` for a role with no equivalent permission group. */
  permissionGroupId: string;
  target: Target;
  source: Source;
}

export type AccessModel = Pick<AccountSnapshot, "accountId" | "userGroups" | "members" | "roles" | "permissionGroups" | "resourceGroups">;

/** The whole account, as a target: what a role grants. */
export const accountTarget = (accountId: string): Target => ({ scope: { key: `com.cloudflare.api.account.${accountId}`, objects: ["*"] } });

export const targetKey = (target: Target): string =>
  "resourceGroupId" in target ? `rg:${target.resourceGroupId}` : `scope:${target.scope.key}:${[...target.scope.objects].sort().join(",")}`;

export const sourceKey = (source: Source): string => (source.kind === "group" ? `group:${source.groupId}` : source.kind === "role" ? `role:${source.roleId}` : "direct");

export const grantKey = (grant: Grant): string => [grant.memberId, grant.permissionGroupId, targetKey(grant.target), sourceKey(grant.source)].join("\t");

export function policyTargets(policy: SnapshotPolicy): Target[] {
  return [
    ...policy.resourceGroups.map((resourceGroupId) => ({ resourceGroupId })),
    ...policy.scopes.map((scope) => ({ scope: { key: scope.key, objects: scope.objects.map((o) => o.key) } })),
  ];
}

/** Every target that covers the whole account (the system group, a scope of `*`) in one form, so each is one place. */
const canonicalTarget = (target: Target, model: AccessModel): Target => (isAccountWide(target, model) ? accountTarget(model.accountId) : target);

function policyGrants(model: AccessModel, memberIds: string[], policies: SnapshotPolicy[], source: Source): Grant[] {
  return policies
    .filter((policy) => policy.access !== "deny")
    .flatMap((policy) =>
      policyTargets(policy)
        .map((target) => canonicalTarget(target, model))
        .flatMap((target) => memberIds.flatMap((memberId) => policy.permissionGroups.map((permissionGroupId) => ({ memberId, permissionGroupId, target, source })))),
    );
}

/** A member's roles, as grants on the whole account, each under its equivalent permission group when one is known. */
function roleGrants(model: AccessModel, member: AccountSnapshot["members"][number]): Grant[] {
  return member.roles.map((roleId) => {
    const role = model.roles.find((r) => r.id === roleId);
    const equivalent = role && roleEquivalent(role, model.permissionGroups);
    return { memberId: member.id, permissionGroupId: equivalent?.id ?? `${ROLE_PREFIX}${roleId}`, target: accountTarget(model.accountId), source: { kind: "role", roleId } };
  });
}

/** fact 62: the account's role a policy of this permission group on the whole account is mirrored into. */
const mirroringRole = (model: AccessModel, permissionGroupId: string): string | undefined =>
  model.roles.find((r) => roleEquivalent(r, model.permissionGroups)?.id === permissionGroupId)?.id;

/**
 * A member's own grants. fact 62: the API mirrors a role into a policy of its permission group on
 * the whole account and back, so such a policy is the role itself, counted once, under the role,
 * whether the member is read with both (the account) or with one (a preview that sets only one).
 */
function memberGrants(model: AccessModel, member: AccountSnapshot["members"][number]): Grant[] {
  const wholeAccount = targetKey(accountTarget(model.accountId));
  const policies = policyGrants(model, [member.id], member.policies, { kind: "direct" }).map((g): Grant => {
    const roleId = targetKey(g.target) === wholeAccount ? mirroringRole(model, g.permissionGroupId) : undefined;
    return roleId ? { ...g, source: { kind: "role", roleId } } : g;
  });
  return [...policies, ...roleGrants(model, member)];
}

export function effectiveAccess(model: AccessModel): Grant[] {
  const grants = [
    ...model.userGroups.flatMap((group) => policyGrants(model, group.memberIds, group.policies, { kind: "group", groupId: group.id })),
    ...model.members.flatMap((member) => memberGrants(model, member)),
  ];
  return [...new Map(grants.map((g) => [grantKey(g), g])).values()];
}
