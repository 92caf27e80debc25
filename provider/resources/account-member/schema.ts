import { z } from "zod";
import { list, optional, serverString } from "../../client";
import { accountId, cloudflareId, idSet, setOf } from "../common";
import { apiPolicy, byKey, type PolicyInput, type PolicyOutput, policyInput, toPolicyOutputs } from "../user-group/schema";

/** fact 61: a member's policy names its resource groups by id; an inline scope is a user group's alone (fact 24). */
const memberPolicyInput = policyInput.refine((p) => p.scopes.length === 0, {
  message: "an account member's policy names resource groups by id, never an inline scope (fact 61)",
  path: ["scopes"],
});

export const inputsSchema = z
  .object({
    accountId,
    // fact 56: Cloudflare compares addresses without case; the lower-case form is the one kept.
    email: z
      .string()
      .trim()
      .email("must be an email address")
      .transform((email) => email.toLowerCase()),
    policies: z.array(memberPolicyInput).optional(),
    /** Legacy role ids or names; names are resolved to ids through the roles API before use. */
    roles: setOf(z.string().trim().min(1, "must not be empty")).optional(),
    adoptId: cloudflareId.optional(),
    adoptExisting: z.boolean().default(false),
    allowRemovingLastSuperAdministrator: z.boolean().default(false),
  })
  .strict()
  // fact 63: Cloudflare takes both and silently drops the roles; Terraform refuses both, and so do we.
  .refine((inputs) => inputs.roles === undefined || inputs.policies === undefined, {
    message: "set roles or policies, not both: Cloudflare keeps the policies and silently drops the roles (fact 63)",
    path: ["roles"],
  })
  .transform((inputs) => ({ ...inputs, policies: inputs.policies && byKey(inputs.policies.map((p): PolicyInput => ({ ...p, scopes: [] }))) }));

export type AccountMemberInputs = z.output<typeof inputsSchema>;

/**
 * Which of the two mirrored dimensions the program manages (fact 62), or `none`: with neither,
 * the member's direct grants are left as they are (docs/account-members.md).
 */
export type Grants = "roles" | "policies" | "none";
export const managedGrants = (inputs: Pick<AccountMemberInputs, "roles" | "policies">): Grants =>
  inputs.roles !== undefined ? "roles" : inputs.policies !== undefined ? "policies" : "none";

export interface AccountMemberOutputs {
  accountId: string;
  /** Lower-cased (fact 56). */
  email: string;
  policies: PolicyOutput[];
  /** Role ids (fact 73). */
  roles: string[];
  /** fact 55: the user's own id, not the membership's; null until the invitee has a Cloudflare user. */
  userId: string | null;
  /** fact 57: `pending` until the invitee accepts. */
  status: string;
  grants: Grants;
  allowRemovingLastSuperAdministrator: boolean;
}

/** fact 73: roles are whole Role objects on GET; a bare id (as POST takes them, fact 52) is read too. */
const apiRoleRef = z.union([z.string(), z.object({ id: optional(z.string()), name: optional(z.string()) })]);

/** fact 73: every field of a member may be null or missing; the email is in two places (fact 56). */
export const apiAccountMember = z.object({
  id: z.string(),
  email: optional(z.string()),
  status: serverString,
  user: optional(z.object({ id: optional(z.string()), email: optional(z.string()) })),
  roles: list(apiRoleRef),
  policies: list(apiPolicy),
});
export type ApiAccountMember = z.infer<typeof apiAccountMember>;

/** fact C9: an all-zero id is a placeholder, never an id to act on. */
export const knownId = (id: string | undefined): string | undefined => (id && !/^0+$/.test(id) ? id : undefined);

/** fact 56: the address is at the top level or in `user.email`, depending on the membership's state. */
export const emailsOf = (m: ApiAccountMember): string[] => [m.email, m.user?.email].flatMap((e) => (e ? [e.toLowerCase()] : []));

/** fact 56: Cloudflare's own form of the address: `user.email` when there is one. */
export const emailOf = (m: ApiAccountMember): string => (m.user?.email ?? m.email ?? "").toLowerCase();

export const roleIdsOf = (m: ApiAccountMember): string[] => idSet(m.roles.flatMap((r) => (typeof r === "string" ? [r] : r.id ? [r.id] : [])));

export const policiesOf = (m: ApiAccountMember): PolicyInput[] =>
  toPolicyOutputs(m.policies).map(({ access, permissionGroups, resourceGroups, scopes }) => ({ access, permissionGroups, resourceGroups, scopes }));

/** What the outputs keep of the program's choices, beside what the API answers. */
export type Settings = Pick<AccountMemberOutputs, "accountId" | "grants" | "allowRemovingLastSuperAdministrator">;

export const settingsOf = (inputs: AccountMemberInputs): Settings => ({
  accountId: inputs.accountId,
  grants: managedGrants(inputs),
  allowRemovingLastSuperAdministrator: inputs.allowRemovingLastSuperAdministrator,
});

export function toOutputs(settings: Settings, m: ApiAccountMember): AccountMemberOutputs {
  return {
    ...settings,
    email: emailOf(m),
    policies: toPolicyOutputs(m.policies),
    roles: roleIdsOf(m),
    userId: knownId(m.user?.id) ?? null,
    status: m.status ?? "",
  };
}
