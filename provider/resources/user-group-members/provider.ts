import { defineResource } from "../../framework/define";
import { pendingInvitees } from "../account-member/api";
import { explainMembersError } from "../api-errors";
import { idSet } from "../common";
import { membersApi as api } from "./api";
import { inputsSchema, type MembersInputs, type MembersOutputs, toOutputs } from "./schema";

/**
 * Authoritative: the group holds exactly `memberIds`. The Pulumi id is the user group's id.
 * With `adoptId` (the same group) an unchanged membership is taken over without a write.
 */
export const userGroupMembersProvider = defineResource<MembersInputs, MembersOutputs>({
  label: "UserGroupMembers",
  schema: inputsSchema,
  fields: {
    accountId: { replace: true, stable: true },
    userGroupId: { replace: true, stable: true },
    memberIds: { canonical: idSet },
  },
  state: { version: 1 },

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
    // fact 36: `PUT []` empties the group and leaves it in place. A group already deleted took
    // its members with it (fact 26): the 404 of a group that is gone means done.
    await api.replace(client, outputs.accountId, id, []);
  },

  explain: ({ client }, error, subject) => explainMembersError(error, () => pendingInvitees(client, subject.accountId, subject.memberIds)),

  inputsOf: ({ accountId, userGroupId, memberIds }) => ({ accountId, userGroupId, memberIds }),
});
