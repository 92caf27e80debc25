import type { CloudflareClient } from "../../client";
import { defineResource } from "../../framework/define";
import { ProviderError } from "../../framework/errors";
import { quote } from "../../framework/quote";
import { containsUnknown } from "../../framework/unknown";
import { deepEqual } from "../../framework/values";
import { EXPLANATIONS, isKnownError } from "../api-errors";
import { cloudflareId, createOnce, idSet } from "../common";
import { canonicalPolicies, policiesToSend } from "../user-group/schema";
import { accountMembersApi as api, type GrantsBody, type InviteBody } from "./api";
import { refuseUnsafeRemoval } from "./removal-guard";
import { type AccountMemberInputs, type AccountMemberOutputs, type ApiAccountMember, inputsSchema, managedGrants, settingsOf, toOutputs } from "./schema";

const isRoleId = (role: string) => cloudflareId.safeParse(role).success;

/** fact 69: a duplicate invite is a 400 "already exists", or only a generic 1001. */
const mayBeDuplicate = (error: unknown) => isKnownError("MemberAlreadyExists", error) || isKnownError("MemberValidationFailed", error);

/** The only membership an address can have (fact 69), or undefined. */
async function membershipOf(client: CloudflareClient, inputs: AccountMemberInputs): Promise<ApiAccountMember | undefined> {
  return (await api.withEmail(client, inputs.accountId, inputs.email))[0];
}

function inviteBody(inputs: AccountMemberInputs): InviteBody {
  // fact 52: roles as bare ids; with neither roles nor policies, an empty policy list (docs/account-members.md).
  return inputs.roles ? { email: inputs.email, roles: inputs.roles } : { email: inputs.email, policies: policiesToSend(inputs.policies ?? []) };
}

function grantsBody(inputs: AccountMemberInputs): GrantsBody | undefined {
  // fact 53: PUT wants `{id}` objects; fact 64: it replaces only the dimension it carries.
  if (inputs.roles) return { roles: inputs.roles.map((id) => ({ id })) };
  return inputs.policies && { policies: policiesToSend(inputs.policies) };
}

/** Whether the member already holds exactly what the program manages (fact 62: only that dimension). */
function holdsWanted(olds: AccountMemberOutputs, news: AccountMemberInputs): boolean {
  if (olds.grants !== managedGrants(news)) return false;
  if (news.roles) return deepEqual(idSet(olds.roles), idSet(news.roles));
  return !news.policies || deepEqual(canonicalPolicies(olds.policies), canonicalPolicies(news.policies));
}

/** fact 79: the PUT carries the grants alone, never `status`; nothing is sent when they are already held. */
async function putGrants(client: CloudflareClient, id: string, olds: AccountMemberOutputs, news: AccountMemberInputs): Promise<AccountMemberOutputs> {
  const body = grantsBody(news);
  if (!body || holdsWanted(olds, news)) return { ...olds, ...settingsOf(news) };
  return toOutputs(settingsOf(news), await api.update(client, news.accountId, id, body));
}

/** fact 69: an address's existing membership is taken over only when the program says so. */
async function takeOver(client: CloudflareClient, inputs: AccountMemberInputs, existing: ApiAccountMember) {
  if (!inputs.adoptExisting) throw new ProviderError(EXPLANATIONS.memberExists(inputs.email, existing.id));
  return { id: existing.id, outputs: await putGrants(client, existing.id, toOutputs(settingsOf(inputs), existing), inputs) };
}

export const accountMemberProvider = defineResource<AccountMemberInputs, AccountMemberOutputs>({
  label: "AccountMember",
  schema: inputsSchema,
  fields: {
    accountId: { replace: true, stable: true },
    // fact 65: an address cannot change; a new one is a new membership. Lower-cased by the schema (fact 56).
    email: { replace: true, stable: true },
    // fact 62: roles and policies mirror each other in answers; only the one the program sets is compared.
    policies: { canonical: canonicalPolicies, managedWhen: (inputs: AccountMemberInputs) => managedGrants(inputs) === "policies" },
    roles: { canonical: idSet, managedWhen: (inputs: AccountMemberInputs) => managedGrants(inputs) === "roles" },
    adoptExisting: { createOnly: true },
    allowRemovingLastSuperAdministrator: {},
  },
  state: { version: 1 },

  /** Switching from roles to policies (or back) is a change even when the answers mirror each other. */
  extraChanges: (olds, news) => (olds.grants === managedGrants(news) || managedGrants(news) === "none" ? [] : [managedGrants(news)]),

  /** Roles named by name become their ids, through the (deprecated, fact 78) roles API. */
  async resolve({ client }, inputs) {
    if (!inputs.roles || containsUnknown(inputs.roles) || inputs.roles.every(isRoleId)) return inputs;
    const catalogue = await api.roles(client, inputs.accountId);
    const roles = inputs.roles.map((role) => {
      if (isRoleId(role)) return role;
      const found = catalogue.find((r) => r.name === role);
      if (!found) throw new ProviderError(`roles: the account has no role named ${quote(role)}; give a role id, or a name GET /accounts/{id}/roles lists`);
      return found.id;
    });
    return { ...inputs, roles: idSet(roles) };
  },

  async create({ client }, inputs) {
    // Absent before the invite, so a membership of the address found after a lost answer is its own.
    const before = await membershipOf(client, inputs);
    if (before) return takeOver(client, inputs, before);
    let made: ApiAccountMember;
    try {
      made = await createOnce(() => api.invite(client, inputs.accountId, inviteBody(inputs)), {
        subject: `account member ${quote(inputs.email)}`,
        // fact 56: found by address in both places; facts 71 and 72: to the last page.
        candidates: () => api.withEmail(client, inputs.accountId, inputs.email),
        idOf: (m) => m.id,
        alreadyExists: mayBeDuplicate,
      });
    } catch (error) {
      // Someone invited the address between the look and the invite.
      const raced = mayBeDuplicate(error) ? await membershipOf(client, inputs) : undefined;
      if (!raced) throw error;
      return takeOver(client, inputs, raced);
    }
    // fact 54: POST answers without the roles; the GET has them.
    return { id: made.id, outputs: toOutputs(settingsOf(inputs), await api.get(client, inputs.accountId, made.id)) };
  },

  async read({ client }, id, previous) {
    const settings = "grants" in previous ? previous : settingsOf(previous);
    try {
      return toOutputs(
        { accountId: settings.accountId, grants: settings.grants, allowRemovingLastSuperAdministrator: settings.allowRemovingLastSuperAdministrator },
        await api.get(client, previous.accountId, id),
      );
    } catch (error) {
      // facts 67 and 80: removed, or an invite that expired: gone, so the next `up` invites again.
      if (isKnownError("MemberNotFound", error)) return undefined;
      throw error;
    }
  },

  update: ({ client }, id, olds, news) => putGrants(client, id, olds, news),

  async delete({ client }, id, outputs) {
    let member: ApiAccountMember;
    try {
      member = await api.get(client, outputs.accountId, id);
    } catch (error) {
      if (isKnownError("MemberNotFound", error)) return;
      throw error;
    }
    await refuseUnsafeRemoval(client, outputs.accountId, member, outputs.allowRemovingLastSuperAdministrator);
    try {
      // fact 66: cancels a pending invite or removes an accepted member.
      await api.remove(client, outputs.accountId, id);
    } catch (error) {
      // fact 67: 1003 on DELETE: already gone.
      if (!isKnownError("MemberNotFound", error)) throw error;
    }
  },

  async explain(_ctx, error) {
    if (isKnownError("InvalidRoute", error)) return EXPLANATIONS.InvalidRoute;
    if (isKnownError("AutomaticVerification", error)) return EXPLANATIONS.AutomaticVerification;
    if (isKnownError("InvalidRoleAssignment", error)) return EXPLANATIONS.InvalidRoleAssignment;
    if (isKnownError("InvalidMemberGrant", error)) return EXPLANATIONS.InvalidMemberGrant;
    // fact 68: the 400 of an unknown member belongs to PUT alone.
    if (isKnownError("MemberUnknownOnUpdate", error) && (error as { method?: string }).method === "PUT") return EXPLANATIONS.MemberUnknownOnUpdate;
    return undefined;
  },

  inputsOf: ({ accountId, email, policies, roles, grants, allowRemovingLastSuperAdministrator }) => ({
    accountId,
    email,
    roles: grants === "roles" ? roles : undefined,
    policies: grants === "policies" ? policies.map(({ access, permissionGroups, resourceGroups, scopes }) => ({ access, permissionGroups, resourceGroups, scopes })) : undefined,
    adoptExisting: false,
    allowRemovingLastSuperAdministrator,
  }),
});
