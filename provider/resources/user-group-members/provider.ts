import { defineResource } from "../../framework/define";
import { idSet } from "../common";
import { membersApi as api } from "./api";
import { inputsSchema, MembersInputs, MembersOutputs, toOutputs } from "./schema";

/**
 * Authoritative: the group holds exactly `memberIds`. The Pulumi id is the user group's id.
 * With `adoptId` (the same group) an unchanged membership is taken over without a write.
 */
export const userGroupMembersProvider = defineResource<MembersInputs, MembersOutputs>({
  label: "UserGroupMembers",
  schema: inputsSchema,
  fields: {
    accountId: { replace: true },
    userGroupId: { replace: true },
    memberIds: { canonical: idSet },
  },

  async create({ client }, inputs) {
    const members = await api.replace(client, inputs.accountId, inputs.userGroupId, inputs.memberIds);
    return { id: inputs.userGroupId, outputs: toOutputs(inputs.accountId, inputs.userGroupId, members) };
  },

  async read({ client }, id, previous) {
    return toOutputs(previous.accountId, id, await api.list(client, previous.accountId, id));
  },

  async update({ client }, id, _olds, news) {
    return toOutputs(news.accountId, id, await api.replace(client, news.accountId, id, news.memberIds));
  },

  async delete({ client }, id, outputs) {
    await api.replace(client, outputs.accountId, id, []);
  },

  inputsOf: ({ accountId, userGroupId, memberIds }) => ({ accountId, userGroupId, memberIds }),
});
