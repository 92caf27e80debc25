import { defineResource } from "../../framework/define";
import { createdSince, createOnce } from "../common";
import { isNameInUse, isPolicyValidationFailure, isScimRefusal, SCIM_HINT, UserGroupBody, userGroupsApi as api } from "./api";
import { canonicalPolicies, inputsSchema, policiesToSend, toOutputs, UserGroupInputs, UserGroupOutputs } from "./schema";
import { deepEqual } from "../../framework/values";
import { forgetCreatedGroup, noteCreatedGroup } from "../user-group-members/propagation";

const samePolicies = (a: UserGroupOutputs["policies"] | UserGroupInputs["policies"], b: UserGroupInputs["policies"]) =>
  deepEqual(canonicalPolicies(a), canonicalPolicies(b));

export const userGroupProvider = defineResource<UserGroupInputs, UserGroupOutputs>({
  label: "UserGroup",
  schema: inputsSchema,
  fields: {
    accountId: { replace: true },
    name: {},
    policies: { canonical: canonicalPolicies },
  },

  async create({ client }, inputs) {
    const startedAt = Date.now();
    const body = { name: inputs.name, policies: policiesToSend(inputs.policies) };
    const created = await createOnce(() => api.create(client, inputs.accountId, body), {
      subject: `user group ${JSON.stringify(inputs.name)}`,
      // fact 19: names are unique, so a group of this name made since the create began is its group.
      candidates: async () => (await api.listNamed(client, inputs.accountId, inputs.name)).filter((g) => createdSince(g.created_on, startedAt)),
      idOf: (g) => g.id,
      alreadyExists: isNameInUse,
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
    if (isScimRefusal(error)) return SCIM_HINT;
    if (isNameInUse(error)) {
      const existing = (await api.listNamed(client, subject.accountId, subject.name))[0];
      const id = existing?.id ?? "<its id>";
      return `User group names are unique in an account: to manage the existing group "${subject.name}" with this resource, set adoptId: "${id}"; to keep both, choose another name`;
    }
    if (isPolicyValidationFailure(error) && subject.policies.some((p) => p.access === "deny")) {
      return "Cloudflare currently refuses deny policies in user groups; grant with allow policies only (deny is accepted here in case Cloudflare starts accepting it)";
    }
    return undefined;
  },

  inputsOf: ({ accountId, name, policies }) => ({
    accountId,
    name,
    policies: policies.map(({ access, permissionGroups, resourceGroups, scopes }) => ({ access, permissionGroups, resourceGroups, scopes: scopes ?? [] })),
  }),
});
