import { z } from "zod";
import { apiPath, type CloudflareClient, listAllPages, optional, PAGE_SIZE } from "../../client";
import { oncePerAccount } from "../../client/once";
import type { policiesToSend } from "../user-group/schema";
import { type ApiAccountMember, apiAccountMember, emailOf, emailsOf } from "./schema";

const collection = (accountId: string) => apiPath`/accounts/${accountId}/members`;
const item = (accountId: string, id: string) => apiPath`/accounts/${accountId}/members/${id}`;

/** fact 52: POST takes roles as bare ids, or policies; never both (fact 63). */
export type InviteBody = { email: string } & ({ roles: string[] } | { policies: ReturnType<typeof policiesToSend> });
/** fact 53: PUT takes roles as `{id}` objects; fact 79: never `status`; fact 64: never `email`. */
export type GrantsBody = { roles: { id: string }[] } | { policies: ReturnType<typeof policiesToSend> };

const apiRole = z.object({ id: z.string(), name: optional(z.string()) });
const apiPermissionGroup = z.object({ id: z.string() });
const apiUser = z.object({ id: optional(z.string()), email: optional(z.string()) });

/** fact 78: deprecated but served; read once per run. */
const rolesOf = oncePerAccount((client, accountId) => listAllPages(client, apiPath`/accounts/${accountId}/roles`, apiRole, PAGE_SIZE.roles));

export const accountMembersApi = {
  get: (client: CloudflareClient, accountId: string, id: string) => client.get(item(accountId, id), apiAccountMember),
  /** facts 71 and 72: to the last page, at most 50 a page. */
  list: (client: CloudflareClient, accountId: string) => listAllPages(client, collection(accountId), apiAccountMember, PAGE_SIZE.accountMembers),
  /** fact 56: the membership of an address, matched in both places without case. */
  async withEmail(client: CloudflareClient, accountId: string, email: string): Promise<ApiAccountMember[]> {
    const wanted = email.toLowerCase();
    return (await accountMembersApi.list(client, accountId)).filter((m) => emailsOf(m).includes(wanted));
  },
  invite: (client: CloudflareClient, accountId: string, body: InviteBody) => client.post(collection(accountId), body, apiAccountMember),
  update: (client: CloudflareClient, accountId: string, id: string, body: GrantsBody) => client.put(item(accountId, id), body, apiAccountMember),
  remove: (client: CloudflareClient, accountId: string, id: string) => client.delete(item(accountId, id), z.unknown()),
  roles: rolesOf,
  /** fact 77: the permission group Super Administrator mirrors, by its label. */
  permissionGroupsLabelled: (client: CloudflareClient, accountId: string, label: string) =>
    client.get(apiPath`/accounts/${accountId}/iam/permission_groups`, z.array(apiPermissionGroup).nullish(), { label }).then((groups) => (groups ?? []).map((g) => g.id)),
  /** The user a user-owned token acts for; an account-owned token has none (docs/account-members.md). */
  tokenUser: (client: CloudflareClient) => client.get("/user", apiUser),
};

/** fact 81: the addresses of those among `ids` who are still pending invites. */
export async function pendingInvitees(client: CloudflareClient, accountId: string, ids: string[]): Promise<string[]> {
  const members = await accountMembersApi.list(client, accountId);
  return members.filter((m) => ids.includes(m.id) && m.status === "pending").map(emailOf);
}
