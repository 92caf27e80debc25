/**
 * What a request sets a member's direct grants to: roles checked against the catalogue,
 * policies checked as a user group's, and the policies winning when both are sent.
 */
import { z } from "zod";
import { ErrorCodes, invalid } from "./api-error";
import { policySchema, toPolicies } from "./routes/user-groups";
import { legacyRoles, type MemberAccess, permissionGroups } from "./seed";
import type { PolicyResource, Store } from "./store";

/** fact 61: a member's policy names its resource groups by `{id}`; all three fields are required. */
export const memberPolicySchema = policySchema.extend({
  resource_groups: z.array(z.object({ id: z.string().min(1, "must not be empty") })).min(1, "a policy needs at least one resource group"),
});

export interface GrantsRequest {
  roles?: string[];
  policies?: z.infer<typeof policySchema>[];
}

/** The grants a request sets, or undefined when it sends neither roles nor policies. */
export function toMemberAccess(store: Store, input: GrantsRequest): MemberAccess | undefined {
  // fact 63 (Conflict C1): both sent is accepted, and the policies win.
  if (input.policies) return { policies: toPolicies(store, input.policies) };
  if (!input.roles) return undefined;
  const roles = [...new Set(input.roles)];
  // fact 70: a role the account cannot assign.
  if (roles.some((id) => !legacyRoles.some((r) => r.id === id))) throw invalid("Invalid request: Invalid role assignments found", "/roles");
  return { roles };
}

const ACCOUNT_SCOPE = "com.cloudflare.api.account";
const ZONE_PREFIX = "com.cloudflare.api.account.zone.";

function coversOnlyZones(store: Store, resource: PolicyResource): boolean {
  const scope = typeof resource === "string" ? store.account.resourceGroups[resource]?.scope : resource.scope;
  return !!scope && scope.objects.every((o) => o.key.startsWith(ZONE_PREFIX));
}

/**
 * fact 70: an invalid permission-group/resource-group pair is code 1006. Which pairs are invalid
 * the facts do not say; the emulator refuses an account-wide permission group (`meta.scopes`
 * of the account, such as Administrator or Billing Read) on a resource group of zones only.
 */
export function checkPermissionPairs(store: Store, access: MemberAccess): void {
  if (!("policies" in access)) return;
  for (const policy of access.policies) {
    const accountWide = policy.permission_groups.some((id) => permissionGroups.find((pg) => pg.id === id)?.meta.scopes === ACCOUNT_SCOPE);
    if (accountWide && policy.resource_groups.some((r) => coversOnlyZones(store, r))) {
      throw invalid(
        "Unknown error when processing member, please try again. Error: invalid permission group and resource group combination",
        undefined,
        ErrorCodes.invalidMemberGrant,
      );
    }
  }
}
