import { z } from "zod";
import { defineResource } from "../../framework/define";
import { pendingInvitees } from "../account-member/api";
import { explainMembersError, isKnownError } from "../api-errors";
import { accountId, cloudflareId } from "../common";
import { membersApi as api } from "../user-group-members/api";

const inputsSchema = z.object({ accountId, userGroupId: cloudflareId, memberId: cloudflareId }).strict();
type MemberInputs = z.output<typeof inputsSchema>;

export interface MemberOutputs extends MemberInputs {
  email: string;
  status: string;
}

const toOutputs = (inputs: MemberInputs, member: { email?: string; status?: string }): MemberOutputs => ({
  ...inputs,
  email: member.email ?? "",
  status: member.status ?? "",
});

/** One membership, additive: other members of the group are left alone. Id: `<groupId>/<memberId>`. */
export const userGroupMemberProvider = defineResource<MemberInputs & { adoptId?: string }, MemberOutputs>({
  label: "UserGroupMember",
  schema: inputsSchema,
  fields: {
    accountId: { replace: true, stable: true },
    userGroupId: { replace: true, stable: true },
    memberId: { replace: true, stable: true },
  },
  state: { version: 1 },

  async create({ client }, inputs) {
    // fact 30: the answer is the group's whole member list.
    const members = await api.add(client, inputs.accountId, inputs.userGroupId, [inputs.memberId]);
    const member = members.find((m) => m.id === inputs.memberId) ?? {};
    return { id: `${inputs.userGroupId}/${inputs.memberId}`, outputs: toOutputs(inputs, member) };
  },

  async read({ client }, id, previous) {
    const [userGroupId, memberId] = id.split("/");
    try {
      const member = await api.get(client, previous.accountId, userGroupId, memberId);
      return toOutputs({ accountId: previous.accountId, userGroupId, memberId }, member);
    } catch (error) {
      // fact 33: someone who left the account is no longer a member of any group.
      if (isKnownError("InvalidMember", error)) return undefined;
      throw error;
    }
  },

  async update(_ctx, _id, olds) {
    return olds; // every field replaces, so nothing is ever updated in place
  },

  async delete({ client }, _id, outputs) {
    try {
      await api.remove(client, outputs.accountId, outputs.userGroupId, outputs.memberId);
    } catch (error) {
      // fact 33: removing someone who has left the account is done already.
      if (!isKnownError("InvalidMember", error)) throw error;
    }
  },

  explain: ({ client }, error, subject) => explainMembersError(error, () => pendingInvitees(client, subject.accountId, [subject.memberId])),

  inputsOf: ({ accountId, userGroupId, memberId }) => ({ accountId, userGroupId, memberId }),
});
