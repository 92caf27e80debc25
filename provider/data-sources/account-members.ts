/** The account's members (`GET /accounts/{id}/members`): the ids a user group can hold, with emails. */
import { z } from "zod";
import { apiPath, listAllPages, optional, PAGE_SIZE, serverString } from "../client";
import { oncePerAccount } from "./once";

export interface AccountMember {
  id: string;
  email: string;
  status: string;
}

export const apiAccountMember = z.object({
  id: z.string(),
  email: optional(z.string()),
  status: serverString,
  user: optional(z.object({ email: optional(z.string()) })),
});

export const toAccountMember = (m: z.infer<typeof apiAccountMember>): AccountMember => ({
  id: m.id,
  email: (m.user?.email ?? m.email ?? "").toLowerCase(),
  status: m.status ?? "",
});

/** Read once per account per run, like the permission groups. */
export const allAccountMembers = oncePerAccount((client, accountId) =>
  listAllPages(client, apiPath`/accounts/${accountId}/members`, apiAccountMember, PAGE_SIZE.accountMembers).then((list) =>
    list.map(toAccountMember),
  ),
);
