/** The account's members (`GET /accounts/{id}/members`): the ids a user group can hold, with emails and direct grants. */
import { z } from "zod";
import { apiPath, type CloudflareClient, list, listAllPages, optional, PAGE_SIZE, serverString } from "../provider/client";
import { oncePerAccount } from "../provider/client/once";
import { apiPolicy, type PolicyInput, toPolicyOutputs } from "../provider/resources/user-group/schema";

export interface AccountMember {
  id: string;
  email: string;
  status: string;
}

/** What a member was granted directly, outside any user group. */
export interface DirectGrants {
  /** Legacy role ids, sorted (fact 73). */
  roles: string[];
  /** Its own policies, in canonical order, without their ids (fact 61). */
  policies: PolicyInput[];
}

/** fact 73: roles are whole Role objects on GET; a bare id (as POST takes them, fact 52) is read too. */
const apiRoleRef = z.union([z.string(), z.object({ id: optional(z.string()) })]);

export const apiAccountMember = z.object({
  id: z.string(),
  email: optional(z.string()),
  status: serverString,
  user: optional(z.object({ email: optional(z.string()) })),
  roles: list(apiRoleRef),
  policies: list(apiPolicy),
});
type ApiAccountMember = z.infer<typeof apiAccountMember>;

/** fact C9: an all-zero id is a placeholder, never a membership id to act on. */
const UNKNOWN_ID = /^0+$/;

export const toAccountMember = (m: ApiAccountMember): AccountMember => ({
  id: UNKNOWN_ID.test(m.id) ? "" : m.id,
  // fact 56: the email is in `user.email` or at the top level, depending on the membership's state.
  email: (m.user?.email ?? m.email ?? "").toLowerCase(),
  status: m.status ?? "",
});

export const toDirectGrants = (m: ApiAccountMember): DirectGrants => ({
  roles: [...new Set(m.roles.map((r) => (typeof r === "string" ? r : (r.id ?? ""))).filter((id) => id !== ""))].sort(),
  policies: toPolicyOutputs(m.policies).map(({ access, permissionGroups, resourceGroups, scopes }) => ({ access, permissionGroups, resourceGroups, scopes })),
});

/** Read once per account per run, like the permission groups. */
const accountMembersAsRead = oncePerAccount((client, accountId) => listAllPages(client, apiPath`/accounts/${accountId}/members`, apiAccountMember, PAGE_SIZE.accountMembers));

export const allAccountMembers = async (client: CloudflareClient, accountId: string): Promise<AccountMember[]> =>
  (await accountMembersAsRead(client, accountId)).map(toAccountMember);

/** Every member with what it holds directly: the access review counts these beside user groups. */
export const allAccountMembersWithGrants = async (client: CloudflareClient, accountId: string): Promise<(AccountMember & DirectGrants)[]> =>
  (await accountMembersAsRead(client, accountId)).map((m) => ({ ...toAccountMember(m), ...toDirectGrants(m) }));
