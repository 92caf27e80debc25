/** The account's members, shaped like Cloudflare's Account Members API (read-only here). */
import { ErrorCodes, notFound } from "../api-error";
import { paginate, requireFound, Router, sortBy } from "../router";
import { AccountMember } from "../seed";
import { currentMembers } from "./members";

function memberView(member: AccountMember) {
  return {
    id: member.id,
    email: member.email,
    status: member.status,
    user: { ...member.user, two_factor_authentication_enabled: false },
    roles: [],
    policies: [],
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
  router.add("GET", "/accounts/:account_id/members", ({ query }, { store }) => {
    const status = query.get("status");
    const order = orderKeys[query.get("order") ?? "user.email"] ?? orderKeys["user.email"];
    const members = currentMembers(store).filter((m) => !status || m.status === status);
    return paginate(sortBy(members, order, query.get("direction")).map(memberView), query, { defaultSize: 20, min: 5, max: 50 });
  });

  // fact 50: an unknown member is code 1003.
  router.add("GET", "/accounts/:account_id/members/:member_id", ({ params }, { store }) => ({
    result: memberView(
      requireFound(
        currentMembers(store).find((m) => m.id === params.member_id),
        () => notFound("Member", params.member_id, ErrorCodes.unknownAccountMember),
      ),
    ),
  }));
}
