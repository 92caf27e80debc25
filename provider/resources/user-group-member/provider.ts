import { z } from "zod";
import { defineResource } from "../../framework/define";
import { accountId, cloudflareId } from "../common";
import { membersApi as api } from "../user-group-members/api";

const inputsSchema = z.object({ accountId, userGroupId: cloudflareId, memberId: cloudflareId }).strict();
type MemberInputs = z.output<typeof inputsSchema>;

interface MemberOutputs extends MemberInputs {
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
    accountId: { replace: true },
    userGroupId: { replace: true },
    memberId: { replace: true },
  },

  async create({ client }, inputs) {
    const added = await api.add(client, inputs.accountId, inputs.userGroupId, [inputs.memberId]);
    const member = added.find((m) => m.id === inputs.memberId) ?? {};
    return { id: `${inputs.userGroupId}/${inputs.memberId}`, outputs: toOutputs(inputs, member) };
  },

  async read({ client }, id, previous) {
    const [userGroupId, memberId] = id.split("/");
    const member = await api.get(client, previous.accountId, userGroupId, memberId);
    return toOutputs({ accountId: previous.accountId, userGroupId, memberId }, member);
  },

  async update(_ctx, _id, olds) {
    return olds; // every field replaces, so nothing is ever updated in place
  },

  async delete({ client }, _id, outputs) {
    await api.remove(client, outputs.accountId, outputs.userGroupId, outputs.memberId);
  },

  inputsOf: ({ accountId, userGroupId, memberId }) => ({ accountId, userGroupId, memberId }),
});
