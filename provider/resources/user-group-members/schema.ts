import { z } from "zod";
import { optional, serverString } from "../../client";
import { accountId, cloudflareId } from "../common";

export const inputsSchema = z
  .object({
    accountId,
    userGroupId: cloudflareId,
    memberIds: z
      .array(cloudflareId)
      .superRefine((ids, ctx) => {
        // A repeated member id is almost always a copy-paste slip: an error, not a silent merge.
        ids.forEach((id, i) => {
          const first = ids.indexOf(id);
          if (first < i) ctx.addIssue({ code: "custom", path: [i], message: `duplicate of memberIds[${first}] (${id})` });
        });
      })
      .transform((ids) => [...ids].sort()),
    /** The group whose current membership to take over; it must be `userGroupId`. */
    adoptId: cloudflareId.optional(),
  })
  .strict()
  .refine((inputs) => !inputs.adoptId || inputs.adoptId === inputs.userGroupId, {
    message: "must equal userGroupId: members are adopted from their own group",
    path: ["adoptId"],
  });

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

/** fact 29: `{id, email?, status?}`; the DOC sample has no status. */
export const apiMember = z.object({ id: z.string(), email: optional(z.string()), status: serverString });
export type ApiMember = z.infer<typeof apiMember>;
export function toOutputs(accountId: string, userGroupId: string, members: ApiMember[]): MembersOutputs {
  const sorted = members.map((m) => ({ id: m.id, email: m.email ?? "", status: m.status ?? "" })).sort((a, b) => a.email.localeCompare(b.email) || a.id.localeCompare(b.id));
  return { accountId, userGroupId, memberIds: sorted.map((m) => m.id).sort(), members: sorted };
}
