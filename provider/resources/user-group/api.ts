import { z } from "zod";
import { apiPath, type CloudflareClient, list, listAllPages, optional, PAGE_SIZE } from "../../client";
import { type ApiUserGroup, apiUserGroup, type policiesToSend } from "./schema";

const collection = (accountId: string) => apiPath`/accounts/${accountId}/iam/user_groups`;
const item = (accountId: string, id: string) => apiPath`/accounts/${accountId}/iam/user_groups/${id}`;

/** A PUT carries only what changes: `policies` replaces the whole set (fact 22); a name alone keeps them. */
export interface UserGroupBody {
  name?: string;
  policies?: ReturnType<typeof policiesToSend>;
}

export const userGroupsApi = {
  get: (client: CloudflareClient, accountId: string, id: string) => client.get(item(accountId, id), apiUserGroup),
  list: (client: CloudflareClient, accountId: string) => listAllPages(client, collection(accountId), apiUserGroup, PAGE_SIZE.userGroups),
  /** The API's `name` filter, re-checked exactly here. */
  listNamed: async (client: CloudflareClient, accountId: string, name: string): Promise<ApiUserGroup[]> =>
    (await listAllPages(client, collection(accountId), apiUserGroup, PAGE_SIZE.userGroups, { name })).filter((g) => g.name === name),
  create: (client: CloudflareClient, accountId: string, body: Required<UserGroupBody>) => client.post(collection(accountId), body, apiUserGroup),
  update: (client: CloudflareClient, accountId: string, id: string, body: UserGroupBody) => client.put(item(accountId, id), body, apiUserGroup),
  remove: (client: CloudflareClient, accountId: string, id: string) => client.delete(item(accountId, id), z.unknown()),
};

/** SCIM's own list format (RFC 7644), not a v4 envelope. */
const scimGroupPage = z.object({
  totalResults: optional(z.number()),
  Resources: list(z.object({ id: z.string(), displayName: optional(z.string()), externalId: optional(z.string()) })),
});
const SCIM_PAGE_SIZE = 100;

/**
 * fact 39: the ids of the user groups an identity provider manages through SCIM. The user group
 * API does not say; SCIM's Groups list does, with the `externalId` the identity provider set.
 */
export async function scimManagedGroupIds(client: CloudflareClient, accountId: string): Promise<Set<string>> {
  const managed = new Set<string>();
  for (let startIndex = 1; ; startIndex += SCIM_PAGE_SIZE) {
    const { result } = await client.request({
      method: "GET",
      path: apiPath`/accounts/${accountId}/scim/v2/Groups`,
      query: { startIndex, count: SCIM_PAGE_SIZE },
      schema: scimGroupPage,
      bare: true,
    });
    for (const group of result.Resources) if (group.externalId) managed.add(group.id);
    if (result.Resources.length < SCIM_PAGE_SIZE || startIndex + SCIM_PAGE_SIZE > (result.totalResults ?? 0)) return managed;
  }
}
