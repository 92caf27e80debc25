import { defineResource } from "../../framework/define";
import { resourceGroupsApi as api } from "./api";
import { createResourceGroup } from "./create";
import { canonicalScope, inputsSchema, type ResourceGroupInputs, type ResourceGroupOutputs, toOutputs } from "./schema";

export const resourceGroupProvider = defineResource<ResourceGroupInputs, ResourceGroupOutputs>({
  label: "ResourceGroup",
  schema: inputsSchema,
  fields: {
    accountId: { replace: true, stable: true },
    name: {},
    scope: { canonical: canonicalScope },
  },
  state: { version: 1 },

  async create({ client }, inputs) {
    const created = await createResourceGroup(client, inputs);
    return { id: created.id, outputs: toOutputs(inputs.accountId, created) };
  },

  async read({ client }, id, previous) {
    return toOutputs(previous.accountId, await api.get(client, previous.accountId, id));
  },

  async update({ client }, id, _olds, news) {
    return toOutputs(news.accountId, await api.update(client, id, news));
  },

  async delete({ client }, id, outputs) {
    // fact 9: a system group cannot be deleted, and was never ours to delete.
    if (outputs.system) return;
    await api.remove(client, outputs.accountId, id);
  },

  refuseAdoption: (existing) =>
    existing.system
      ? `${JSON.stringify(existing.name)} is one of Cloudflare's predefined system resource groups, which cannot be edited or deleted: reference its id in policies instead, or read it with ResourceGroup.get`
      : undefined,

  inputsOf: ({ accountId, name, scope }) => ({ accountId, name, scope }),
});
