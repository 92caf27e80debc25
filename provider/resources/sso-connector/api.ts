import { z } from "zod";
import { apiPath, type CloudflareClient, list } from "../../client";
import { apiConnector } from "./schema";

const collection = (accountId: string) => apiPath`/accounts/${accountId}/sso_connectors`;
const item = (accountId: string, id: string) => apiPath`/accounts/${accountId}/sso_connectors/${id}`;

export const ssoApi = {
  get: (client: CloudflareClient, accountId: string, id: string) => client.get(item(accountId, id), apiConnector),
  // fact 40: one page.
  list: (client: CloudflareClient, accountId: string) => client.get(collection(accountId), list(apiConnector)),
  create: (client: CloudflareClient, accountId: string, body: { email_domain: string; begin_verification: boolean; use_fedramp_language: boolean }) =>
    client.post(collection(accountId), body, apiConnector),
  update: (client: CloudflareClient, accountId: string, id: string, body: { enabled: boolean; use_fedramp_language: boolean }) =>
    client.patch(item(accountId, id), body, apiConnector),
  remove: (client: CloudflareClient, accountId: string, id: string) => client.delete(item(accountId, id), z.unknown()),
};
