/** The account's members (`GET /accounts/{id}/members`): the ids a user group can hold, with emails and direct grants. */
import type { CloudflareClient } from "../provider/client";
import { oncePerAccount } from "../provider/client/once";
import { accountMembersApi } from "../provider/resources/account-member/api";
import { type ApiAccountMember, apiAccountMember, emailOf, knownId, policiesOf, roleIdsOf } from "../provider/resources/account-member/schema";
import type { PolicyInput } from "../provider/resources/user-group/schema";

export { apiAccountMember };

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

export const toAccountMember = (m: ApiAccountMember): AccountMember => ({
  id: knownId(m.id) ?? "",
  // fact 56: the email is in `user.email` or at the top level, depending on the membership's state.
  email: emailOf(m),
  status: m.status ?? "",
});

export const toDirectGrants = (m: ApiAccountMember): DirectGrants => ({ roles: roleIdsOf(m), policies: policiesOf(m) });

/** Read once per account per run, like the permission groups. */
const accountMembersAsRead = oncePerAccount(accountMembersApi.list);

export const allAccountMembers = async (client: CloudflareClient, accountId: string): Promise<AccountMember[]> =>
  (await accountMembersAsRead(client, accountId)).map(toAccountMember);

/** Every member with what it holds directly: the access review counts these beside user groups. */
export const allAccountMembersWithGrants = async (client: CloudflareClient, accountId: string): Promise<(AccountMember & DirectGrants)[]> =>
  (await accountMembersAsRead(client, accountId)).map((m) => ({ ...toAccountMember(m), ...toDirectGrants(m) }));
