/**
 * Cloudflare's answers the provider tells apart, in one catalogue: each named as Cloudflare's
 * own SDK matchers name it, with the fact it comes from (REAL-API-FACTS.md), and matched on
 * status, code and message together. Beside it, the sentences that explain them to the user.
 */
import { type ErrorPattern, isApiError } from "../client";
import { inert, quote } from "../framework/quote";

interface KnownError extends ErrorPattern {
  facts: number[];
}

export const API_ERRORS = {
  /** fact 19: user group names are unique; a second one is refused, on POST and on PUT. */
  UserGroupNameInUse: { facts: [19], status: 400, code: 400, includes: "already in use" },
  /** facts 21 and 38: a deny policy, among other causes; also what listing such a group's members answers. */
  PolicyValidationFailed: { facts: [21, 38], status: 400, includes: "Policy validation failed" },
  /**
   * fact 33: an id that is not, or no longer, an account member. Code 400 is not enough: other
   * refusals share it (fact 35's "do not have DSR enabled", which reaches the user as Cloudflare's, and ones we do not know), and a read or delete takes this answer
   * as "the member left". So the message must say so too; the facts give none, and we assume it
   * names an invalid member (docs/real-api-facts.md, "Assumptions").
   */
  InvalidMember: { facts: [33], status: 400, code: 400, includes: "invalid member" },
  /** fact 34: a valid account member who is not in the group. */
  UserGroupMemberNotFound: { facts: [34], status: 404, code: 404, includes: "not found in user group" },
  /** fact 39: a group that SCIM manages refuses renames, member changes and deletion. */
  ScimManaged: { facts: [39], includes: "SCIM" },
  /** facts 67 and 80: an account member that does not exist (removed, or its invite expired), on GET and DELETE. */
  MemberNotFound: { facts: [67, 80], code: 1003 },
  /** fact 68 (Conflict C4): the same unknown member on PUT is code 400, BadRequest. */
  MemberUnknownOnUpdate: { facts: [68], status: 400, code: 400 },
  /** fact 68: a wrong or empty account id, on every member call. */
  InvalidRoute: { facts: [68], code: 7003 },
  /** fact 69: a second invite of an address that has a membership, pending or accepted. */
  MemberAlreadyExists: { facts: [69], status: 400, includes: "already exists" },
  /** fact 69: the same duplicate may come back only as a generic validation error; fact 70 shares the code. */
  MemberValidationFailed: { facts: [69, 70], code: 1001 },
  /** fact 58: `status: accepted` for an address that has no Cloudflare user yet. */
  AutomaticVerification: { facts: [58], code: 1001, includes: "automatic verification" },
  /** fact 70: a role the account cannot assign. */
  InvalidRoleAssignment: { facts: [70], code: 1001, includes: "Invalid role assignments" },
  /** fact 70: a permission group and a resource group that cannot go together in a member's policy. */
  InvalidMemberGrant: { facts: [70], code: 1006 },
} satisfies Record<string, KnownError>;

export type KnownErrorName = keyof typeof API_ERRORS;

/** Whether `error` is Cloudflare's answer of this kind. */
export const isKnownError = (name: KnownErrorName, error: unknown): boolean => isApiError(error, API_ERRORS[name]);

/** What to do about each answer, in the user's terms; the user group's name clash is explained where its id is looked up. */
export const EXPLANATIONS = {
  ScimManaged:
    "The group is managed by SCIM: its name, members and existence come from your identity provider, and Cloudflare refuses to change them here. " +
    "Change them in the identity provider; to stop managing the group from Pulumi without deleting it, set the resource option retainOnDelete: true, or run pulumi state delete",
  denyPolicy: "Cloudflare currently refuses deny policies in user groups; grant with allow policies only (deny is accepted here in case Cloudflare starts accepting it)",
  /** fact 38: Cloudflare cannot list the members of a group whose policies fail validation. */
  membersOfInvalidGroup:
    "Cloudflare cannot list the members of a user group one of whose policies fails validation; fix the group's policies (its UserGroup), then run pulumi up again",
  InvalidMember: "Every member id must be the id of a current account member (see getAccountMembers); remove anyone who has left the account",
  pendingMember: (emails: string[]) =>
    `${emails.map(quote).join(", ")} ${emails.length === 1 ? "has" : "have"} not accepted the invite yet, and Cloudflare refuses a pending member in a user group ` +
    "(fact 81: no source says whether it may join one). The invite stands: run pulumi up again once they have accepted, or leave them out of the group until then",
  userGroupNameInUse: (name: string, existingId: string | undefined) =>
    `User group names are unique in an account: to manage the existing group "${name}" with this resource, set adoptId: "${existingId ?? "<its id>"}"; to keep both, choose another name`,
  MemberUnknownOnUpdate: "The membership no longer exists (removed by hand, or its invite expired: fact 80); run pulumi refresh, and the next pulumi up invites the person again",
  InvalidRoute: "Cloudflare does not know this account id (fact 68): check accountId, or the cloudflare-iam:accountId setting",
  AutomaticVerification: "Cloudflare adds someone directly only when they already have a Cloudflare user (fact 58); anyone else is invited, and stays pending until they accept",
  InvalidRoleAssignment: "One of the roles is not one this account can assign (fact 70); list the account's roles with GET /accounts/{id}/roles, or grant with policies instead",
  InvalidMemberGrant:
    "Cloudflare refuses this pair of permission group and resource group in a member's policy (fact 70): an account-wide permission group needs a resource group that covers the account",
  memberExists: (email: string, id: string) =>
    `${quote(email)} already has a membership in this account (${inert(id)}, fact 69); to manage it with this resource set adoptExisting: true or adoptId: ${quote(id)}`,
} as const;

/**
 * The explanation both member resources give. `pendingAmong` names the members sent who are
 * still pending invites: fact 81 does not say whether Cloudflare takes one into a group, and a
 * refusal then means "not yet", not "left the account".
 */
export async function explainMembersError(error: unknown, pendingAmong: () => Promise<string[]>): Promise<string | undefined> {
  if (isKnownError("ScimManaged", error)) return EXPLANATIONS.ScimManaged;
  if (isKnownError("PolicyValidationFailed", error)) return EXPLANATIONS.membersOfInvalidGroup;
  if (isKnownError("InvalidMember", error)) {
    const pending = await pendingAmong();
    return pending.length ? EXPLANATIONS.pendingMember(pending) : EXPLANATIONS.InvalidMember;
  }
  return undefined;
}
