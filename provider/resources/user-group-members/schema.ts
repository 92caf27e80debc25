import { z } from "zod";
import { CheckFailure } from "../../framework/check";
import { containsUnknown } from "../../framework/unknown";
import { accountId, cloudflareId } from "../common";

export const inputsSchema = z
  .object({
    accountId,
    userGroupId: cloudflareId,
    memberIds: z.array(cloudflareId),
  })
  .strict();

export type MembersInputs = z.output<typeof inputsSchema>;

export interface MemberOutput {
  id: string;
  email: string;
  status: string;
}

export interface MembersOutputs {
  accountId: string;
  userGroupId: string;
  memberIds: string[];
  members: MemberOutput[];
}

export const apiMember = z.object({ id: z.string(), email: z.string().optional(), status: z.string().optional() });
export type ApiMember = z.infer<typeof apiMember>;

/** A repeated member id is almost always a copy-paste slip, so it is an error, not a silent merge. */
export function noDuplicateMembers(inputs: { memberIds: string[] }): CheckFailure[] {
  if (containsUnknown(inputs.memberIds)) return [];
  return inputs.memberIds.flatMap((id, i) => {
    const first = inputs.memberIds.indexOf(id);
    return first < i ? [{ property: `memberIds[${i}]`, reason: `duplicate of memberIds[${first}] (${id})` }] : [];
  });
}

export function toOutputs(accountId: string, userGroupId: string, members: ApiMember[]): MembersOutputs {
  const sorted = members
    .map((m) => ({ id: m.id, email: m.email ?? "", status: m.status ?? "" }))
    .sort((a, b) => a.email.localeCompare(b.email) || a.id.localeCompare(b.id));
  return { accountId, userGroupId, memberIds: sorted.map((m) => m.id).sort(), members: sorted };
}
