/** The account's members, shaped like Cloudflare's Account Members API: invites, changes of direct grants, removal. */
import { z } from "zod";
import { ErrorCodes, invalid, notFound } from "../api-error";
import { memberPolicies, memberRoles } from "../member-access";
import { checkPermissionPairs, memberPolicySchema, toMemberAccess } from "../member-grants";
import { addMember, cloudflareUser, currentMembers, findMember, memberByEmail, removeMember } from "../roster";
import { paginate, parseBody, type Router, requireFound, sortBy } from "../router";
import type { AccountMember } from "../seed";
import type { Store } from "../store";
import { policiesView } from "./user-groups";

const status = z.enum(["accepted", "pending"]);

/** fact 52: `email`, then roles as bare ids or policies (fact 61), and an optional status. */
const inviteSchema = z
  .object({ email: z.string().min(1, "must not be empty"), roles: z.array(z.string()).optional(), policies: z.array(memberPolicySchema).optional(), status: status.optional() })
  .refine((body) => body.roles !== undefined || body.policies !== undefined, "send roles or policies");

/** fact 53: on PUT roles are `{id}` objects, and strings are a 400; fact 64: there is no `email`. */
const updateSchema = z.object({
  roles: z.array(z.object({ id: z.string().min(1, "must not be empty") })).optional(),
  policies: z.array(memberPolicySchema).optional(),
  status: status.optional(),
});

/** fact 54 (Conflict C3): what POST answers, without the roles; fact 61: policies with ids and expanded groups. */
function inviteView(store: Store, accountId: string, member: AccountMember) {
  const access = store.account.memberAccess[member.id];
  return {
    id: member.id,
    email: member.email,
    status: member.status,
    user: { ...member.user, two_factor_authentication_enabled: false },
    policies: policiesView(store, memberPolicies(accountId, member.id, access)),
  };
}

/** fact 73: `roles` are whole Role objects; fact 62: roles and policies mirror each other. */
function memberView(store: Store, accountId: string, member: AccountMember) {
  return { ...inviteView(store, accountId, member), roles: memberRoles(accountId, store.account.memberAccess[member.id]) };
}

const orderKeys: Record<string, (m: AccountMember) => string> = {
  "user.first_name": (m) => m.user.first_name ?? "",
  "user.last_name": (m) => m.user.last_name ?? "",
  "user.email": (m) => m.user.email,
  status: (m) => m.status,
};

/** facts 50 and 67: an unknown member on GET and DELETE is code 1003. */
const knownMember = (store: Store, id: string) => requireFound(findMember(store, id), () => notFound("Member", id, ErrorCodes.unknownAccountMember));

export function registerAccountMembers(router: Router): void {
  const base = "/accounts/:account_id/members";

  // facts 49 and 71: per_page defaults to 20, from 5 to 50; `status`, `order` and `direction`.
  router.add("GET", base, ({ params, query }, { store }) => {
    const wanted = query.get("status");
    const order = orderKeys[query.get("order") ?? "user.email"] ?? orderKeys["user.email"];
    const members = currentMembers(store).filter((m) => !wanted || m.status === wanted);
    const views = sortBy(members, order, query.get("direction")).map((m) => memberView(store, params.account_id, m));
    return paginate(views, query, { defaultSize: 20, min: 5, max: 50 });
  });

  router.add("GET", `${base}/:member_id`, ({ params }, { store }) => ({
    result: memberView(store, params.account_id, knownMember(store, params.member_id)),
  }));

  router.add("POST", base, ({ params, body }, { store }) => {
    const input = parseBody(inviteSchema, body);
    // fact 69: one membership per address, pending or accepted, in any case.
    if (memberByEmail(store, input.email)) throw invalid("Account member already exists for email address", "/email");
    const access = toMemberAccess(store, input)!;
    checkPermissionPairs(store, access);
    // fact 58: only an address that already has a Cloudflare user may be added as accepted (fact 59).
    if (input.status === "accepted" && !cloudflareUser(store, input.email)) {
      throw invalid("Invalid request: automatic verification of new members is not allowed", "/status");
    }
    // fact 57: an invite is pending until the invitee accepts.
    const member = addMember(store, input.email, input.status ?? "pending");
    store.account.memberAccess[member.id] = access;
    return { result: inviteView(store, params.account_id, member) };
  });

  router.add("PUT", `${base}/:member_id`, ({ params, body }, { store }) => {
    // fact 68 (Conflict C4): an unknown member on PUT is code 400, not 1003.
    const member = requireFound(findMember(store, params.member_id), () =>
      invalid(`Invalid member: ${params.member_id} is not a member of this account`, undefined, ErrorCodes.badRequest),
    );
    const input = parseBody(updateSchema, body);
    const access = toMemberAccess(store, { roles: input.roles?.map((r) => r.id), policies: input.policies });
    if (access) checkPermissionPairs(store, access);
    // fact 79: a status other than the member's own (a stale `pending`) makes the backend drop the change, silently.
    const stale = input.status !== undefined && input.status !== member.status;
    // fact 64: what is sent replaces what the member held.
    if (access && !stale) store.account.memberAccess[member.id] = access;
    return { result: memberView(store, params.account_id, member) };
  });

  // fact 66: DELETE cancels an invite or removes a member, and answers `{id}`.
  router.add("DELETE", `${base}/:member_id`, ({ params }, { store }) => {
    const member = knownMember(store, params.member_id);
    removeMember(store, member.id);
    return { result: { id: member.id } };
  });
}
