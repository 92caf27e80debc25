/** The account's members (`GET /accounts/{id}/members`): the ids a user group can hold, with emails. */
import { z } from "zod";
import { apiPath, CloudflareClient, listAllPages } from "../client";

export interface AccountMember {
  id: string;
  email: string;
  status: string;
}

const apiAccountMember = z.object({
  id: z.string(),
  email: z.string().optional(),
  status: z.string().optional(),
  user: z.object({ email: z.string().optional() }).optional(),
});

const cache = new Map<string, Promise<AccountMember[]>>();

/** Read once per account per run, like the permission groups. */
export function allAccountMembers(client: CloudflareClient, cacheKey: string, accountId: string): Promise<AccountMember[]> {
  const key = `${cacheKey}\n${accountId}`;
  let members = cache.get(key);
  if (!members) {
    members = listAllPages(client, apiPath`/accounts/${accountId}/members`, apiAccountMember).then((list) =>
      list.map((m) => ({ id: m.id, email: (m.user?.email ?? m.email ?? "").toLowerCase(), status: m.status ?? "" })),
    );
    members.catch(() => cache.delete(key));
    cache.set(key, members);
  }
  return members;
}
