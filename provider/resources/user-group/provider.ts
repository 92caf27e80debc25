import { defineResource } from "../../framework/define";
import { deepEqual } from "../../framework/values";
import { EXPLANATIONS, isKnownError } from "../api-errors";
import { createdSince, createOnce } from "../common";
import { forgetCreatedGroup, noteCreatedGroup } from "../user-group-members/propagation";
import { userGroupsApi as api, type UserGroupBody } from "./api";
import { canonicalPolicies, inputsSchema, policiesToSend, toOutputs, type UserGroupInputs, type UserGroupOutputs } from "./schema";

const samePolicies = (a: UserGroupOutputs["policies"] | UserGroupInputs["policies"], b: UserGroupInputs["policies"]) => deepEqual(canonicalPolicies(a), canonicalPolicies(b));

export const userGroupProvider = defineResource<UserGroupInputs, UserGroupOutputs>({
  label: "UserGroup",
  schema: inputsSchema,
  fields: {
    accountId: { replace: true, stable: true },
    name: {},
    policies: { canonical: canonicalPolicies },
  },
  state: { version: 1 },

  async create({ client }, inputs) {
    const startedAt = Date.now();
    const body = { name: inputs.name, policies: policiesToSend(inputs.policies) };
    const created = await createOnce(() => api.create(client, inputs.accountId, body), {
      subject: `user group ${JSON.stringify(inputs.name)}`,
      // fact 19: names are unique, so a group of this name made since the create began is its group.
      candidates: async () => (await api.listNamed(client, inputs.accountId, inputs.name)).filter((g) => createdSince(g.created_on, startedAt)),
      idOf: (g) => g.id,
      alreadyExists: (error) => isKnownError("UserGroupNameInUse", error),
    });
    // fact 37: its members are waited for by its age, without asking whether it exists.
    noteCreatedGroup(created.id);
    return { id: created.id, outputs: toOutputs(inputs.accountId, created) };
  },

  async read({ client }, id, previous) {
    return toOutputs(previous.accountId, await api.get(client, previous.accountId, id));
  },

  async update({ client }, id, olds, news) {
    // Only what changed is sent, so a rename keeps the policies and their ids.
    const body: UserGroupBody = {
      ...(news.name !== olds.name ? { name: news.name } : {}),
      ...(samePolicies(olds.policies, news.policies) ? {} : { policies: policiesToSend(news.policies) }),
    };
    let updated = toOutputs(news.accountId, await api.update(client, news.accountId, id, body));
    // Should a PUT without `policies` ever drop them, they are put back at once.
    if (!samePolicies(updated.policies, news.policies)) {
      updated = toOutputs(news.accountId, await api.update(client, news.accountId, id, { policies: policiesToSend(news.policies) }));
    }
    return updated;
  },

  async delete({ client }, id, outputs) {
    // fact 26: deleting the group removes its memberships too.
    forgetCreatedGroup(id);
    await api.remove(client, outputs.accountId, id);
  },

  async explain({ client }, error, subject) {
    if (isKnownError("ScimManaged", error)) return EXPLANATIONS.ScimManaged;
    if (isKnownError("UserGroupNameInUse", error)) {
      const existing = (await api.listNamed(client, subject.accountId, subject.name))[0];
      return EXPLANATIONS.userGroupNameInUse(subject.name, existing?.id);
    }
    if (isKnownError("PolicyValidationFailed", error) && subject.policies.some((p) => p.access === "deny")) return EXPLANATIONS.denyPolicy;
    return undefined;
  },

  inputsOf: ({ accountId, name, policies }) => ({
    accountId,
    name,
    policies: policies.map(({ access, permissionGroups, resourceGroups, scopes }) => ({ access, permissionGroups, resourceGroups, scopes: scopes ?? [] })),
  }),
});
