import { z } from "zod";
import { apiPath, CloudflareClient, listAllPages } from "../../client";
import { apiMember } from "./schema";

const members = (accountId: string, groupId: string) => apiPath`/accounts/${accountId}/iam/user_groups/${groupId}/members`;
const member = (accountId: string, groupId: string, memberId: string) =>
  apiPath`/accounts/${accountId}/iam/user_groups/${groupId}/members/${memberId}`;
const asBody = (ids: string[]) => ids.map((id) => ({ id }));

export const membersApi = {
  list: (client: CloudflareClient, accountId: string, groupId: string) => listAllPages(client, members(accountId, groupId), apiMember),
  get: (client: CloudflareClient, accountId: string, groupId: string, memberId: string) =>
    client.get(member(accountId, groupId, memberId), apiMember),
  /** PUT replaces the whole set: repeating it is harmless. */
  replace: (client: CloudflareClient, accountId: string, groupId: string, ids: string[]) =>
    client.put(members(accountId, groupId), asBody(ids), z.array(apiMember)),
  /** Adding a member who is already there changes nothing, so this POST may be retried. */
  add: (client: CloudflareClient, accountId: string, groupId: string, ids: string[]) =>
    client.post(members(accountId, groupId), asBody(ids), z.array(apiMember), true),
  remove: (client: CloudflareClient, accountId: string, groupId: string, memberId: string) =>
    client.delete(member(accountId, groupId, memberId), z.unknown()),
};
