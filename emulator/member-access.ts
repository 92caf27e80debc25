/**
 * A member's direct grants as the API answers them: roles and policies mirror each other
 * (fact 62), whichever of the two the dashboard last set.
 */
import { stableId } from "./ids";
import { type LegacyRole, legacyRoles, type MemberAccess, permissionGroups, roleNamed, SEEDED_ON, systemResourceGroup } from "./seed";
import type { PolicyRecord } from "./store";

/**
 * The one place that says which legacy role mirrors which permission group, by the group's
 * label (facts 62 and 77). A domain-scoped group has no role (fact 77), nor has any role that
 * is not listed here: such grants read back in one dimension only.
 */
const roleMirrors: [role: string, permissionGroupLabel: string][] = [
  ["Super Administrator - All Privileges", "all_privileges"],
  ["Administrator", "admin"],
  ["Administrator Read Only", "admin_readonly"],
].map(([role, label]) => [roleNamed(role).id, permissionGroups.find((pg) => pg.meta.label === label)!.id] as [string, string]);

/** The role ids a member holds: as set, or mirrored from policies on the whole account (all allow: deny is refused, fact 21). */
function memberRoleIds(accountId: string, access: MemberAccess | undefined): string[] {
  if (!access) return [];
  if ("roles" in access) return access.roles;
  const wholeAccount = systemResourceGroup(accountId).id;
  const granted = access.policies.filter((p) => p.resource_groups.includes(wholeAccount)).flatMap((p) => p.permission_groups);
  return roleMirrors.filter(([, group]) => granted.includes(group)).map(([role]) => role);
}

export function memberRoles(accountId: string, access: MemberAccess | undefined): LegacyRole[] {
  return memberRoleIds(accountId, access).map((id) => legacyRoles.find((r) => r.id === id)!);
}

/**
 * The policies a member holds: as set, or one per mirrored role, granting its permission group
 * on the whole account (fact 62: "1 policy … resource_groups: 1"), with a stable read-only id.
 */
export function memberPolicies(accountId: string, memberId: string, access: MemberAccess | undefined): PolicyRecord[] {
  if (!access) return [];
  if ("policies" in access) return access.policies;
  const wholeAccount = systemResourceGroup(accountId).id;
  return access.roles.flatMap((role) =>
    roleMirrors
      .filter(([mirrored]) => mirrored === role)
      .map(([, group]) => ({
        id: stableId("mirrored_policy", `${memberId}:${role}`),
        access: "allow" as const,
        permission_groups: [group],
        resource_groups: [wholeAccount],
        created_on: SEEDED_ON,
        modified_on: SEEDED_ON,
      })),
  );
}
