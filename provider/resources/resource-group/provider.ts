import { defineResource } from "../../framework/define";
import { createOnce } from "../common";
import { resourceGroupsApi as api } from "./api";
import { canonicalScope, inputsSchema, ResourceGroupInputs, ResourceGroupOutputs, toOutputs } from "./schema";

export const resourceGroupProvider = defineResource<ResourceGroupInputs, ResourceGroupOutputs>({
  label: "ResourceGroup",
  schema: inputsSchema,
  fields: {
    accountId: { replace: true },
    name: {},
    scope: { canonical: canonicalScope },
  },

  async create({ client }, inputs) {
    const created = await createOnce(
      () => api.create(client, inputs),
      async () => (await api.listByName(client, inputs.accountId, inputs.name))[0],
    );
    return { id: created.id, outputs: toOutputs(inputs.accountId, created) };
  },

  async read({ client }, id, previous) {
    return toOutputs(previous.accountId, await api.get(client, previous.accountId, id));
  },

  async update({ client }, id, _olds, news) {
    return toOutputs(news.accountId, await api.update(client, id, news));
  },

  async delete({ client }, id, outputs) {
    await api.remove(client, outputs.accountId, id);
  },

  inputsOf: (outputs) => outputs,
});
