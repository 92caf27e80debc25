import { defineResource } from "../../framework/define";
import { createOnce } from "../common";
import { userGroupsApi as api } from "./api";
import { canonicalPolicies, inputsSchema, policiesToSend, toOutputs, UserGroupInputs, UserGroupOutputs } from "./schema";

export const userGroupProvider = defineResource<UserGroupInputs, UserGroupOutputs>({
  label: "UserGroup",
  schema: inputsSchema,
  fields: {
    accountId: { replace: true },
    name: {},
    policies: { canonical: canonicalPolicies },
  },

  async create({ client }, inputs) {
    const body = { name: inputs.name, policies: policiesToSend(inputs.policies, []) };
    const created = await createOnce(
      () => api.create(client, inputs.accountId, body),
      async () => (await api.listByName(client, inputs.accountId, inputs.name)).pop(),
    );
    return { id: created.id, outputs: toOutputs(inputs.accountId, created) };
  },

  async read({ client }, id, previous) {
    return toOutputs(previous.accountId, await api.get(client, previous.accountId, id));
  },

  async update({ client }, id, olds, news) {
    const body = { name: news.name, policies: policiesToSend(news.policies, olds.policies) };
    return toOutputs(news.accountId, await api.update(client, news.accountId, id, body));
  },

  async delete({ client }, id, outputs) {
    await api.remove(client, outputs.accountId, id);
  },

  inputsOf: ({ accountId, name, policies }) => ({
    accountId,
    name,
    policies: policies.map(({ access, permissionGroups, resourceGroups }) => ({ access, permissionGroups, resourceGroups })),
  }),
});
