import { z } from "zod";
import { apiPath, type CloudflareClient, list } from "../../client";
import { apiClient } from "./schema";

const collection = (accountId: string) => apiPath`/accounts/${accountId}/oauth_clients`;
const item = (accountId: string, id: string) => apiPath`/accounts/${accountId}/oauth_clients/${id}`;
const rotation = (accountId: string, id: string) => apiPath`/accounts/${accountId}/oauth_clients/${id}/rotate_secret`;

export const oauthClientsApi = {
  get: (client: CloudflareClient, accountId: string, id: string) => client.get(item(accountId, id), apiClient),
  list: (client: CloudflareClient, accountId: string) => client.get(collection(accountId), list(apiClient)),
  create: (client: CloudflareClient, accountId: string, body: object) => client.post(collection(accountId), body, apiClient),
  update: (client: CloudflareClient, accountId: string, id: string, body: object) => client.patch(item(accountId, id), body, apiClient),
  remove: (client: CloudflareClient, accountId: string, id: string) => client.delete(item(accountId, id), z.unknown()),
  rotateSecret: (client: CloudflareClient, accountId: string, id: string) => client.post(rotation(accountId, id), undefined, z.object({ client_secret: z.string() })),
  deleteRotatedSecret: (client: CloudflareClient, accountId: string, id: string) => client.delete(rotation(accountId, id), z.unknown()),
};
