import { z } from "zod";
import { apiPath, CloudflareClient, listAllPages } from "../../client";
import { apiUserGroup, policiesToSend } from "./schema";

const collection = (accountId: string) => apiPath`/accounts/${accountId}/iam/user_groups`;
const item = (accountId: string, id: string) => apiPath`/accounts/${accountId}/iam/user_groups/${id}`;

export interface UserGroupBody {
  name: string;
  policies: ReturnType<typeof policiesToSend>;
}

export const userGroupsApi = {
  get: (client: CloudflareClient, accountId: string, id: string) => client.get(item(accountId, id), apiUserGroup),
  list: (client: CloudflareClient, accountId: string) => listAllPages(client, collection(accountId), apiUserGroup),
  listByName: (client: CloudflareClient, accountId: string, name: string) =>
    listAllPages(client, collection(accountId), apiUserGroup, { name }),
  create: (client: CloudflareClient, accountId: string, body: UserGroupBody) => client.post(collection(accountId), body, apiUserGroup),
  update: (client: CloudflareClient, accountId: string, id: string, body: UserGroupBody) =>
    client.put(item(accountId, id), body, apiUserGroup),
  remove: (client: CloudflareClient, accountId: string, id: string) => client.delete(item(accountId, id), z.unknown()),
};
