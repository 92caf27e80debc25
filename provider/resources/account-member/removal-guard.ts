/**
 * fact 75: no source shows what Cloudflare answers when a member removes themself or the last
 * Super Administrator, so neither removal is sent: both are refused before any DELETE.
 */
import { AuthenticationError, type CloudflareClient } from "../../client";
import { ProviderError } from "../../framework/errors";
import { quote } from "../../framework/quote";
import { accountMembersApi as api } from "./api";
import { type ApiAccountMember, emailOf, emailsOf, knownId } from "./schema";

/** fact 74: "Super Administrator - All Privileges"; fact 77: the permission group it mirrors is labelled `all_privileges`. */
const SUPER_ADMINISTRATOR = /^Super Administrator\b/;
const ALL_PRIVILEGES = "all_privileges";

function holdsSuperAdministrator(member: ApiAccountMember, allPrivileges: string[]): boolean {
  const byRole = member.roles.some((r) => typeof r !== "string" && SUPER_ADMINISTRATOR.test(r.name ?? ""));
  const byPolicy = member.policies.some((p) => (p.access ?? "allow") === "allow" && p.permission_groups.some((g) => allPrivileges.includes(g.id)));
  return byRole || byPolicy;
}

/**
 * The user the stack's token acts for. A user's token reads it at `GET /user`; an account-owned
 * token has no user, and so no membership to lose, and is refused there (docs/account-members.md).
 */
async function tokenUser(client: CloudflareClient): Promise<{ id?: string; email?: string } | undefined> {
  try {
    return await api.tokenUser(client);
  } catch (error) {
    if (error instanceof AuthenticationError) return undefined;
    throw error;
  }
}

function isTokensOwn(member: ApiAccountMember, user: { id?: string; email?: string } | undefined): boolean {
  if (!user) return false;
  const userId = knownId(user.id);
  return (userId !== undefined && knownId(member.user?.id) === userId) || (!!user.email && emailsOf(member).includes(user.email.toLowerCase()));
}

/** Throws, naming the member and the rule, when removing `member` would lock the account or the stack out. */
export async function refuseUnsafeRemoval(client: CloudflareClient, accountId: string, member: ApiAccountMember, allowLastSuperAdministrator: boolean): Promise<void> {
  const who = quote(emailOf(member) || member.id);
  if (isTokensOwn(member, await tokenUser(client))) {
    throw new ProviderError(
      `refusing to remove ${who}: it is the membership of the user whose API token this stack runs with, and removing it would lock the stack out (fact 75). ` +
        "Remove it in the dashboard, or stop managing it with the resource option retainOnDelete: true",
    );
  }
  if (allowLastSuperAdministrator) return;
  const allPrivileges = await api.permissionGroupsLabelled(client, accountId, ALL_PRIVILEGES);
  if (!holdsSuperAdministrator(member, allPrivileges)) return;
  const others = (await api.list(client, accountId)).filter((m) => m.id !== member.id && m.status === "accepted" && holdsSuperAdministrator(m, allPrivileges));
  if (others.length === 0) {
    throw new ProviderError(
      `refusing to remove ${who}: no other accepted member holds Super Administrator or the all_privileges permission group, and an account needs one (fact 75). ` +
        "Make someone else Super Administrator first, or set allowRemovingLastSuperAdministrator: true",
    );
  }
}
