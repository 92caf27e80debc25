import { z } from "zod";
import { apiPath, type CloudflareClient, list } from "../../client";
import { type ApiResourceGroup, apiResourceGroup, type ResourceGroupInputs } from "./schema";

const collection = (accountId: string) => apiPath`/accounts/${accountId}/iam/resource_groups`;
const item = (accountId: string, id: string) => apiPath`/accounts/${accountId}/iam/resource_groups/${id}`;

const body = (inputs: ResourceGroupInputs) => ({ name: inputs.name, scope: inputs.scope });

/** fact 7: one page, no `per_page`; fact 8: a name with no match answers `result: null`. */
const groups = list(apiResourceGroup);

export const resourceGroupsApi = {
  get: (client: CloudflareClient, accountId: string, id: string) => client.get(item(accountId, id), apiResourceGroup),
  list: (client: CloudflareClient, accountId: string): Promise<ApiResourceGroup[]> => client.get(collection(accountId), groups),
  /** The API's `name` filter, re-checked exactly here: the filter is a hint, not a contract. */
  listNamed: async (client: CloudflareClient, accountId: string, name: string): Promise<ApiResourceGroup[]> =>
    (await client.get(collection(accountId), groups, { name })).filter((g) => g.name === name),
  create: (client: CloudflareClient, inputs: ResourceGroupInputs) => client.post(collection(inputs.accountId), body(inputs), apiResourceGroup),
  update: (client: CloudflareClient, id: string, inputs: ResourceGroupInputs) => client.put(item(inputs.accountId, id), body(inputs), apiResourceGroup),
  remove: (client: CloudflareClient, accountId: string, id: string) => client.delete(item(accountId, id), z.unknown()),
};
