/** The account's members, shaped like Cloudflare's Account Members API (read-only here). */
import { ErrorCodes, notFound } from "../api-error";
import { memberPolicies, memberRoles } from "../member-access";
import { paginate, requireFound, Router, sortBy } from "../router";
import { AccountMember } from "../seed";
import { Store } from "../store";
import { currentMembers } from "./members";
import { policiesView } from "./user-groups";

/** fact 73: `roles` are whole Role objects; fact 61: policies carry ids and expanded groups; fact 62: the two mirror. */
function memberView(store: Store, accountId: string, member: AccountMember) {
  const access = store.account.memberAccess[member.id];
  return {
    id: member.id,
    email: member.email,
    status: member.status,
    user: { ...member.user, two_factor_authentication_enabled: false },
    roles: memberRoles(accountId, access),
    policies: policiesView(store, memberPolicies(accountId, member.id, access)),
  };
}

const orderKeys: Record<string, (m: AccountMember) => string> = {
  "user.first_name": (m) => m.user.first_name,
  "user.last_name": (m) => m.user.last_name,
  "user.email": (m) => m.email,
  status: (m) => m.status,
};

export function registerAccountMembers(router: Router): void {
  // fact 49: per_page defaults to 20, from 5 to 50; `status`, `order` and `direction`.
  router.add("GET", "/accounts/:account_id/members", ({ params, query }, { store }) => {
    const status = query.get("status");
    const order = orderKeys[query.get("order") ?? "user.email"] ?? orderKeys["user.email"];
    const members = currentMembers(store).filter((m) => !status || m.status === status);
    const views = sortBy(members, order, query.get("direction")).map((m) => memberView(store, params.account_id, m));
    return paginate(views, query, { defaultSize: 20, min: 5, max: 50 });
  });

  // fact 50: an unknown member is code 1003.
  router.add("GET", "/accounts/:account_id/members/:member_id", ({ params }, { store }) => ({
    result: memberView(
      store,
      params.account_id,
      requireFound(
        currentMembers(store).find((m) => m.id === params.member_id),
        () => notFound("Member", params.member_id, ErrorCodes.unknownAccountMember),
      ),
    ),
  }));
}
