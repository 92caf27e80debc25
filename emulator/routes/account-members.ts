/** The account's members, shaped like Cloudflare's Account Members API (read-only here). */
import { notFound } from "../api-error";
import { paginate, requireFound, Router, sortBy } from "../router";
import { AccountMember, accountMembers } from "../seed";

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
  router.add("GET", "/accounts/:account_id/members", ({ query }) => {
    const status = query.get("status");
    const order = orderKeys[query.get("order") ?? "user.email"] ?? orderKeys["user.email"];
    const members = accountMembers.filter((m) => !status || m.status === status);
    return paginate(sortBy(members, order, query.get("direction")).map(memberView), query);
  });

  router.add("GET", "/accounts/:account_id/members/:member_id", ({ params }) => ({
    result: memberView(requireFound(accountMembers.find((m) => m.id === params.member_id), () => notFound("member", params.member_id))),
  }));
}
